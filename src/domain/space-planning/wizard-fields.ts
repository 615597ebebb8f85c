import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { coSpaceUserPermissions } from '../../api/params/co-space-user';
import type { WizardScenarioId, WizardStepId } from '../../lib/wizard-links';

/**
 * Every field of the wizards, described once: its form path, its label, the step that shows it,
 * and the CMS parameter it becomes. Step field lists, labels in error summaries, pre-flight issue
 * paths and where a CMS failure lands all derive from this list.
 */

/** The guide's callLegProfile settings, shown on the Profiles step itself (needsActivation is fixed per role). */
export const GUIDE_PROFILE_SETTINGS = [
  'needsActivation',
  'defaultLayout',
  'presentationContributionAllowed',
  'rxAudioMute',
  'rxVideoMute',
  'deactivationMode',
  'deactivationModeTime',
] as const;
export type GuideSetting = (typeof GUIDE_PROFILE_SETTINGS)[number];

type CallLegParam = keyof typeof callLegProfileParams;
export type AdvancedCallLegParam = Exclude<CallLegParam, GuideSetting>;

/** Every other callLegProfile parameter: the profile step's Advanced section. */
export const ADVANCED_CALL_LEG_PARAMS = (Object.keys(callLegProfileParams) as CallLegParam[]).filter(
  (name): name is AdvancedCallLegParam => !(GUIDE_PROFILE_SETTINGS as readonly string[]).includes(name),
);

/** The coSpaceUser permissions the Members step sets (scenario 4). */
export const MEMBER_PERMISSIONS = coSpaceUserPermissions;
export type MemberPermission = (typeof MEMBER_PERMISSIONS)[number];

/** The steps of each scenario's wizard, in order (review last). */
export const STEPS: Readonly<Record<WizardScenarioId, readonly WizardStepId[]>> = {
  'different-uris': ['profiles', 'space', 'access', 'review'],
  'same-uri-two-pins': ['profiles', 'space', 'access', 'review'],
  'blank-guest-pin': ['profiles', 'space', 'call-profile', 'access', 'review'],
  'members-are-hosts': ['profiles', 'space', 'access', 'members', 'review'],
};

/** The requests a wizard plan makes, by key ('member' stands for every 'member:<jid>'). */
export type RequestKind = 'guestProfile' | 'hostProfile' | 'callProfile' | 'scope' | 'space' | 'accessMethod' | 'ownerJid' | 'member';

/** What a wizard field becomes on the wire, read backwards to place a CMS failure. */
export interface WireRule {
  request: RequestKind;
  /**
   * The CMS parameter of that request: one name, any name of a list (the path's last `*` takes
   * it), or, left out, whatever no other field of the request claims.
   */
  parameter?: string | readonly string[];
  /** only for inputs where this holds (a tenant or system attachment) */
  when?: (input: { profiles: { guestScope: string } }) => boolean;
}

export interface WizardField {
  /** the react-hook-form path; `*` stands for one array index or parameter name */
  path: string;
  /** in words; `{n}` is the first `*` counted from 1 (members), `{param}` the last `*` */
  label: string;
  step?: WizardStepId;
  wire?: readonly WireRule[];
}

const profileFields = (role: 'guest' | 'host', label: string, alsoFrom: readonly WireRule[]): WizardField[] => {
  const request = role === 'guest' ? 'guestProfile' : 'hostProfile';
  return [
    { path: `profiles.${role}`, label, step: 'profiles', wire: [...alsoFrom, { request }] },
    { path: `profiles.${role}.mode`, label, step: 'profiles' },
    { path: `profiles.${role}.id`, label, step: 'profiles' },
    { path: `profiles.${role}.settings`, label, step: 'profiles' },
    { path: `profiles.${role}.advanced`, label, step: 'profiles' },
    { path: `profiles.${role}.settings.*`, label: `${label}: {param}`, step: 'profiles', wire: [{ request, parameter: GUIDE_PROFILE_SETTINGS }] },
    { path: `profiles.${role}.advanced.*`, label: `${label}: {param}`, step: 'profiles', wire: [{ request, parameter: ADVANCED_CALL_LEG_PARAMS }] },
  ];
};

export const WIZARD_FIELDS: readonly WizardField[] = [
  { path: 'scenario', label: 'Scenario' },
  { path: 'profiles', label: 'Profiles', step: 'profiles' },
  ...profileFields('guest', 'Guest profile', [{ request: 'space', parameter: 'callLegProfile' }]),
  ...profileFields('host', 'Host profile', [
    { request: 'accessMethod', parameter: 'callLegProfile' },
    { request: 'member', parameter: 'callLegProfile' },
  ]),
  { path: 'profiles.guestScope', label: 'Where the guest profile applies', step: 'profiles', wire: [{ request: 'scope', when: (i) => i.profiles.guestScope !== 'tenant' }] },
  {
    path: 'profiles.tenantId',
    label: 'Tenant',
    step: 'profiles',
    wire: [
      { request: 'space', parameter: 'tenant' },
      { request: 'scope', when: (i) => i.profiles.guestScope === 'tenant' },
    ],
  },
  { path: 'space', label: 'Space', step: 'space', wire: [{ request: 'space' }] },
  { path: 'space.mode', label: 'Which space', step: 'space' },
  { path: 'space.id', label: 'Space to change', step: 'space' },
  { path: 'space.name', label: 'Space name', step: 'space', wire: [{ request: 'space', parameter: 'name' }] },
  { path: 'space.uri', label: 'Space URI', step: 'space', wire: [{ request: 'space', parameter: 'uri' }] },
  { path: 'space.callId', label: 'Space call ID', step: 'space', wire: [{ request: 'space', parameter: 'callId' }] },
  { path: 'space.passcode', label: 'Guest PIN', step: 'space', wire: [{ request: 'space', parameter: 'passcode' }] },
  { path: 'space.ownerJid', label: 'Owner', step: 'space', wire: [{ request: 'space', parameter: 'ownerJid' }, { request: 'ownerJid' }] },
  { path: 'space.nonMemberAccess', label: 'Non-member access', step: 'space', wire: [{ request: 'space', parameter: 'nonMemberAccess' }] },
  { path: 'callProfile', label: 'Call profile', step: 'call-profile', wire: [{ request: 'space', parameter: 'callProfile' }, { request: 'callProfile' }] },
  { path: 'callProfile.mode', label: 'Call profile', step: 'call-profile' },
  { path: 'callProfile.id', label: 'Call profile', step: 'call-profile' },
  { path: 'callProfile.passcodeMode', label: 'When a caller has no PIN', step: 'call-profile', wire: [{ request: 'callProfile', parameter: 'passcodeMode' }] },
  { path: 'callProfile.passcodeTimeout', label: 'Seconds before a blank PIN', step: 'call-profile', wire: [{ request: 'callProfile', parameter: 'passcodeTimeout' }] },
  { path: 'access', label: 'Host access method', step: 'access', wire: [{ request: 'accessMethod' }] },
  { path: 'access.id', label: 'Host access method to change', step: 'access' },
  { path: 'access.uri', label: 'Host URI', step: 'access', wire: [{ request: 'accessMethod', parameter: 'uri' }] },
  { path: 'access.callId', label: 'Host call ID', step: 'access', wire: [{ request: 'accessMethod', parameter: 'callId' }] },
  { path: 'access.passcode', label: 'Host PIN', step: 'access', wire: [{ request: 'accessMethod', parameter: 'passcode' }] },
  { path: 'members', label: 'Members', step: 'members' },
  { path: 'members.*', label: 'Member {n}', step: 'members' },
  { path: 'members.*.userJid', label: 'Member {n}', step: 'members', wire: [{ request: 'member', parameter: 'userJid' }, { request: 'member' }] },
  { path: 'members.*.permissions.*', label: 'Member {n}: {param}', step: 'members', wire: [{ request: 'member', parameter: MEMBER_PERMISSIONS }] },
];

const segments = (path: string) => (path === '' ? [] : path.split('.'));

/** The wildcards `pattern` takes from `path` when they match segment by segment; undefined when they do not. */
function wildcards(pattern: string, path: string): string[] | undefined {
  const want = segments(pattern);
  const have = segments(path);
  if (want.length !== have.length) return undefined;
  const taken: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const part = have[i] ?? '';
    if (want[i] === '*') {
      if (part === '' || (i > 0 && want[i - 1] === 'members' && !/^\d+$/.test(part))) return undefined;
      taken.push(part);
    } else if (want[i] !== part) return undefined;
  }
  return taken;
}

/** The field a form path is, with what its wildcards stand for. */
export function describedField(path: string): { field: WizardField; taken: string[] } | undefined {
  for (const field of WIZARD_FIELDS) {
    const taken = wildcards(field.path, path);
    if (taken) return { field, taken };
  }
  return undefined;
}

/** The described field that holds `path`: itself, or the nearest one above it ('space.uri.x' → 'space.uri'). */
export function enclosingField(path: string): WizardField | undefined {
  const parts = segments(path);
  for (let n = parts.length; n > 0; n--) {
    const found = describedField(parts.slice(0, n).join('.'));
    if (found) return found.field;
  }
  return undefined;
}

/** A form path in words, for error summaries: 'members.1.userJid' → 'Member 2'. */
export function labelOf(path: string): string {
  const found = describedField(path);
  if (!found) return path;
  const { field, taken } = found;
  return field.label.replace('{n}', String(Number(taken[0]) + 1)).replace('{param}', taken.at(-1) ?? '');
}

/** The step's top-level form paths, the ones `trigger` validates before moving on. */
export function stepRoots(scenario: WizardScenarioId): Partial<Record<WizardStepId, string[]>> {
  const roots: Partial<Record<WizardStepId, string[]>> = {};
  for (const step of STEPS[scenario]) {
    const paths = WIZARD_FIELDS.filter((f) => f.step === step && !f.path.includes('.')).map((f) => f.path);
    if (paths.length > 0) roots[step] = paths;
  }
  return roots;
}

/**
 * The form path a CMS failure of one request belongs to: the field whose wire rule names the
 * request and parameter, else the field that takes whatever else the request is about.
 * `memberIndex` says which members row a 'member:<jid>' request is (undefined: not in the form).
 */
export function pathForFailure(
  input: { profiles: { guestScope: string } },
  request: RequestKind,
  parameter: string | undefined,
  memberIndex?: number,
): string | undefined {
  let best: { field: WizardField; score: number } | undefined;
  const wanted = parameter?.toLowerCase();
  for (const field of WIZARD_FIELDS) {
    for (const rule of field.wire ?? []) {
      if (rule.request !== request || (rule.when && !rule.when(input))) continue;
      const names = typeof rule.parameter === 'string' ? [rule.parameter] : rule.parameter;
      const score = names === undefined ? 1 : wanted !== undefined && names.some((n) => n.toLowerCase() === wanted) ? (typeof rule.parameter === 'string' ? 3 : 2) : 0;
      if (score > (best?.score ?? 0)) best = { field, score };
    }
  }
  if (!best) return undefined;
  let path = best.field.path;
  if (path.startsWith('members.*')) {
    if (memberIndex === undefined) return 'members';
    path = path.replace('*', String(memberIndex));
  }
  const name = parameter === undefined ? undefined : (callLegOrOwnName(parameter) ?? parameter);
  return path.includes('*') ? (name === undefined ? undefined : path.replace('*', name)) : path;
}

/** CMS may name a parameter in another case than the form does; the form's own spelling wins. */
function callLegOrOwnName(parameter: string): string | undefined {
  const wanted = parameter.toLowerCase();
  return [...Object.keys(callLegProfileParams), ...MEMBER_PERMISSIONS].find((name) => name.toLowerCase() === wanted);
}
