import { scopeName } from '../profile-resolution/finding-helpers';
import { accessMethodLabel, memberName } from '../profile-resolution/labels';
import { CHECK_TOPICS, type CheckTopic, type Finding, type JoinPath } from '../profile-resolution/model';
import { formatCount, listOf, plural, shortList } from '../profile-resolution/words';
import type { SpaceEvaluation } from './evaluate';
import { statusOf, verdictOf, type Verdict } from './verdict';

/** pass: checked, nothing wrong; info: nothing to check, or only notes. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'info';

export interface CheckStep {
  id: CheckTopic;
  title: string;
  status: CheckStatus;
  sentences: string[];
  /** the findings of this step: together, every finding of the space exactly once */
  findings: Finding[];
  /** the GETs the guide makes for this step, relative to /api/v1 */
  requests: string[];
}

export interface Checklist {
  steps: CheckStep[];
  /** the worst step: always the status the Profiles tab's findings give */
  verdict: Verdict;
}

/** Ways in listed one by one before the rest are counted. */
const LISTED = 20;

const short = (id: string | undefined) => (id ? `${id.slice(0, 8)}…` : '');

function levelWord(resolved: { scope: string; profileId?: string }): string {
  return resolved.scope === 'default' ? 'the CMS default' : `the ${scopeName(resolved.scope)} level${resolved.profileId ? ` (${short(resolved.profileId)})` : ''}`;
}

function roleSentence(path: JoinPath): string {
  const { value } = path.resolved.needsActivation;
  return `needsActivation ${String(value ?? false)} from ${levelWord(path.resolved.needsActivation)}: ${path.role}`;
}

function callProfileStep(evaluation: SpaceEvaluation): Omit<CheckStep, 'status' | 'findings'> {
  const { model, callProfile } = evaluation;
  const attached = [
    ['system', model.systemProfiles.callProfile],
    [model.tenant ? `tenant ${model.tenant.name ?? model.tenant.id}` : undefined, model.tenant?.callProfile],
    ['space', model.space.callProfile],
  ] as const;
  const sentences: string[] = [];
  const named = attached.filter((entry): entry is readonly [string, string] => entry[0] !== undefined && !!entry[1]);
  sentences.push(
    named.length === 0
      ? 'No callProfile is attached to the space, its tenant or the system.'
      : `callProfiles attached: ${named.map(([where, id]) => `${where} ${short(id)}${model.missingProfiles.has(id.toLowerCase()) ? ' (does not exist: 404)' : ''}`).join(', ')}.`,
  );
  const { passcodeMode, passcodeTimeout } = callProfile.resolved;
  sentences.push(
    passcodeMode.value === undefined
      ? 'passcodeMode is set at no level; CMS documents no default, we assume required (the IVR waits for # or a PIN).'
      : `passcodeMode ${passcodeMode.value}, from ${levelWord(passcodeMode)}` +
          (passcodeMode.value === 'timeout'
            ? passcodeTimeout.value === undefined
              ? '; passcodeTimeout is set at no level.'
              : `; passcodeTimeout ${passcodeTimeout.value} s, from ${levelWord(passcodeTimeout)}.`
            : '.'),
  );
  const labels = new Map(evaluation.paths.map((p) => [p.key, p.label]));
  sentences.push(
    callProfile.matters.length === 0
      ? 'No blank PIN shares a URI or call ID with a set PIN here: passcodeMode changes nothing on this space.'
      : `It matters for SIP callers on ${plural(callProfile.matters.length, 'way')} in, where a blank and a set PIN share a URI or call ID: ${shortList(callProfile.matters.map((k) => labels.get(k) ?? k))}.`,
  );
  return { id: 'callProfiles', title: 'Call profiles (passcodeMode)', sentences, requests: ['callProfiles', ...named.map(([, id]) => `callProfiles/${id}`)] };
}

function callLegProfileStep(evaluation: SpaceEvaluation): Omit<CheckStep, 'status' | 'findings'> {
  const { model, paths } = evaluation;
  const where = new Map<string, string[]>();
  const note = (id: string | undefined, at: string) => {
    if (!id) return;
    const key = id.toLowerCase();
    where.set(key, [...(where.get(key) ?? []), at]);
  };
  note(model.systemProfiles.callLegProfile, 'the system');
  note(model.tenant?.callLegProfile, `tenant ${model.tenant?.name ?? model.tenant?.id ?? ''}`);
  note(model.space.callLegProfile, 'the space');
  for (const m of model.accessMethods) note(m.callLegProfile, accessMethodLabel(m).replace(/^Access method/, 'access method'));
  for (const m of model.members) note(m.callLegProfile, `member ${memberName(m)}`);
  const sentences = [...where].map(([id, at]) => {
    const used = shortList(at, 2);
    if (model.missingProfiles.has(id)) return `${short(id)} (${used}) does not exist (404): that level sets nothing.`;
    const set = model.callLegProfiles.get(id)?.needsActivation;
    // The ways in for which this profile is the most specific level.
    const users = paths.filter((p) => p.levels[p.levels.length - 1]?.profileId?.toLowerCase() === id);
    const inherited = [...new Set(users.map((p) => p.role))];
    const role =
      set === true
        ? 'needsActivation true: its callers are guests'
        : set === false
          ? 'needsActivation false: its callers are hosts'
          : users.length === 0
            ? 'leaves needsActivation to the level above'
            : `leaves needsActivation to the level above, so its callers are ${inherited.length === 1 ? `${inherited[0]}s` : 'hosts on some ways in and guests on others'}`;
    return `${short(id)} (${used}): ${role}.`;
  });
  if (where.size === 0) sentences.push('No callLegProfile is attached anywhere: every caller gets the CMS defaults and joins as a host.');
  const guests = paths.filter((p) => p.role === 'guest');
  if (guests.length > 0) {
    const modes = [...new Set(guests.map((p) => `${p.resolved.deactivationMode.value ?? 'not set'} (from ${levelWord(p.resolved.deactivationMode)})`))];
    sentences.push(`When the last host leaves, guests get deactivationMode ${listOf(modes)}.`);
  }
  return { id: 'callLegProfiles', title: 'Call leg profiles', sentences, requests: ['callLegProfiles', ...[...where.keys()].map((id) => `callLegProfiles/${id}`)] };
}

function spaceStep(evaluation: SpaceEvaluation): Omit<CheckStep, 'status' | 'findings'> {
  const { model } = evaluation;
  const { space, tenant } = model;
  const named = `“${space.name ?? space.id}”`;
  const sentences: string[] = [];
  if (space.callLegProfile) sentences.push(`${named} has callLegProfile ${short(space.callLegProfile)} of its own.`);
  else if (tenant?.callLegProfile) sentences.push(`${named} has no callLegProfile of its own; it belongs to tenant ${tenant.name ?? tenant.id}, whose ${short(tenant.callLegProfile)} applies.`);
  else if (model.systemProfiles.callLegProfile) sentences.push(`${named} has no callLegProfile of its own${tenant ? ', nor has its tenant' : ''}; the system's ${short(model.systemProfiles.callLegProfile)} applies.`);
  else sentences.push(`No callLegProfile on the space${tenant ? ', its tenant' : ''} or the system: CMS defaults apply.`);
  const own = evaluation.paths.find((p) => p.kind === 'spaceUri' || p.kind === 'spaceSecondaryUri' || p.kind === 'spaceCallId');
  sentences.push(
    own
      ? `Its own URI and call ID: ${roleSentence(own)}${space.passcode ? `, PIN ${space.passcode}` : ', no PIN'}.`
      : 'It has no URI, secondary URI or call ID of its own: callers reach it only through access methods or as members.',
  );
  const layouts = [...new Set(evaluation.paths.map((p) => String(p.resolved.defaultLayout.value ?? 'not set')))];
  sentences.push(
    `Layout: the space's own defaultLayout is ${evaluation.defaultLayout ?? 'not set'}; the callLegProfiles in force give ${layouts.length === 0 ? 'nothing' : `defaultLayout ${listOf(layouts)}`} on its ways in.`,
  );
  if (space.nonMemberAccess === false) sentences.push('nonMemberAccess is false: only members, signed in, get in.');
  return {
    id: 'space',
    title: 'The space (then its tenant, then the system)',
    sentences,
    requests: ['coSpaces', `coSpaces/${space.id}`, ...(space.tenant ? [`tenants/${space.tenant}`] : []), 'system/profiles'],
  };
}

function listWays(paths: readonly JoinPath[], describe: (p: JoinPath) => string): string[] {
  const out = paths.slice(0, LISTED).map(describe);
  if (paths.length > LISTED) out.push(`… and ${formatCount(paths.length - LISTED)} more.`);
  return out;
}

function accessMethodStep(evaluation: SpaceEvaluation): Omit<CheckStep, 'status' | 'findings'> {
  const { model, paths } = evaluation;
  const methods = paths.filter((p) => p.kind === 'accessMethod');
  const undialable = model.accessMethods.length - methods.length;
  const sentences =
    model.accessMethods.length === 0
      ? ["The space has no access methods: its own URI and call ID are the only addresses."]
      : [
          ...listWays(methods, (p) => `${p.label}: ${ownProfile(p, 'accessMethod')} → ${roleSentence(p)}.`),
          `${plural(methods.filter((p) => p.role === 'host').length, 'access method')} of ${formatCount(methods.length)} ${methods.filter((p) => p.role === 'host').length === 1 ? 'is a host way' : 'are host ways'} in.`,
          ...(undialable > 0 ? [`${plural(undialable, 'access method')} with neither URI nor call ID cannot be dialled.`] : []),
        ];
  const reads = model.accessMethods.slice(0, LISTED).map((m) => `coSpaces/${model.space.id}/accessMethods/${m.id}`);
  return { id: 'accessMethods', title: 'Access methods', sentences, requests: [`coSpaces/${model.space.id}/accessMethods`, ...reads] };
}

function ownProfile(path: JoinPath, scope: 'accessMethod' | 'coSpaceUser'): string {
  const own = path.levels.find((l) => l.scope === scope);
  return own ? `callLegProfile ${short(own.profileId)}` : 'no callLegProfile of its own';
}

function memberStep(evaluation: SpaceEvaluation): Omit<CheckStep, 'status' | 'findings'> {
  const { model, paths, owner } = evaluation;
  const members = paths.filter((p) => p.kind === 'member');
  const hosts = members.filter((p) => p.role === 'host').length;
  const sentences =
    members.length === 0
      ? ['The space has no members: nobody joins by signing in to the web app as a member.']
      : [
          ...listWays(members, (p) => `${p.label}${owner?.memberKey === p.key ? ' (the owner)' : ''}: ${ownProfile(p, 'coSpaceUser')} → ${roleSentence(p)}.`),
          `${plural(hosts, 'member')} of ${formatCount(members.length)} ${hosts === 1 ? 'is a host' : 'are hosts'}, ${formatCount(members.length - hosts)} ${members.length - hosts === 1 ? 'is a guest' : 'are guests'}.`,
        ];
  if (owner) sentences.push(owner.memberKey ? `The owner ${owner.jid ?? owner.id ?? ''} is a member.` : `The owner ${owner.jid ?? owner.id ?? ''} is not a member.`);
  const reads = model.members.slice(0, LISTED).map((m) => `coSpaces/${model.space.id}/coSpaceUsers/${m.id}`);
  return { id: 'members', title: 'Members', sentences, requests: [`coSpaces/${model.space.id}/coSpaceUsers`, ...reads] };
}

const BUILDERS: Record<CheckTopic, (evaluation: SpaceEvaluation) => Omit<CheckStep, 'status' | 'findings'>> = {
  callProfiles: callProfileStep,
  callLegProfiles: callLegProfileStep,
  space: spaceStep,
  accessMethods: accessMethodStep,
  members: memberStep,
};

function stepStatus(findings: readonly Finding[]): CheckStatus {
  const status = statusOf(findings);
  return status === 'pass' && findings.length > 0 ? 'info' : status;
}

/**
 * The guide's troubleshooting checklist (callProfiles, callLegProfiles, the space then its tenant
 * and the system, access methods) plus the members of scenario 4, rendered from the evaluation, and
 * one verdict: the worst step.
 */
export function checklistOf(evaluation: SpaceEvaluation): Checklist {
  const steps = CHECK_TOPICS.map((topic): CheckStep => {
    const findings = evaluation.findings.filter((f) => f.topic === topic);
    return { ...BUILDERS[topic](evaluation), status: stepStatus(findings), findings };
  });
  // The verdict comes from what the steps show, so a finding left out of every step would show up as a disagreement.
  return { steps, verdict: verdictOf(steps.flatMap((step) => step.findings), evaluation.summary) };
}
