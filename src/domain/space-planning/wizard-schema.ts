import { z } from 'zod';
import { accessMethodParams } from '../../api/params/access-method';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { coSpaceParams } from '../../api/params/co-space';
import { LAYOUTS } from '../../api/params/layouts';
import type { ParamDef } from '../../api/params/param-def';
import type { ParamValues } from '../../api/params/schema';
import { paramTextField, valueProblem } from '../../api/params/write-schema';
import { isGuid } from '../../api/wire/ids';
import type { FieldPath } from '../../lib/field-path';
import type { WizardScenarioId, WizardStepId } from '../../lib/wizard-links';
import {
  ADVANCED_CALL_LEG_PARAMS,
  MEMBER_PERMISSIONS,
  describedField,
  STEPS,
  stepRoots,
  type AdvancedCallLegParam,
  type GuideSetting,
  type MemberPermission,
} from './wizard-fields';

/**
 * The guest/host wizards' form schema (issue 4): one zod schema per step, merged per scenario with
 * the scenario's cross-field rules. The form's schema is the engine's input schema
 * (the planning core in `src/domain/space-planning` takes `WizardInput`), so the UI and the requests cannot drift apart.
 * The fields themselves (paths, labels, steps, the CMS parameters they become) are described in
 * `wizard-fields.ts`; the formats of URIs, call IDs and PINs are the parameter tables'.
 *
 * Typing: `WizardValues<S>` is what the form holds (`z.input`), `WizardInput<S>` what a valid form
 * parses to (`z.output`); `S` defaults to every scenario (a union discriminated by `scenario`).
 * The form is `useForm<WizardValues, unknown, WizardInput>({ resolver: zodResolver(wizardSchema) })`.
 */

/** A user's XMPP ID: name@domain. */
const JID = /^[^\s@/]+@[^\s@/]+$/;

/**
 * Turns what an admin typed into a URI user part: `sip:`/`sips:` is dropped and a typed
 * `user@domain` is split, keeping the user part (CMS stores only the part before '@'; the domain
 * comes from the call matching rules). `note` says what was changed, for the field's helper text.
 */
export function normalizeUri(text: string): { uri: string; note?: string } {
  let uri = text.trim();
  const notes: string[] = [];
  const scheme = /^sips?:/i.exec(uri);
  if (scheme) {
    uri = uri.slice(scheme[0].length);
    notes.push(`"${scheme[0]}" was removed`);
  }
  const at = uri.indexOf('@');
  if (at >= 0) {
    const domain = uri.slice(at + 1);
    uri = uri.slice(0, at);
    notes.push(
      domain === ''
        ? 'the trailing "@" was removed'
        : `the domain "${domain}" was dropped: CMS keeps only the part before "@", the domain comes from your call matching rules`,
    );
  }
  if (notes.length === 0) return { uri };
  const joined = notes.join('; ');
  return { uri, note: `${joined.charAt(0).toUpperCase()}${joined.slice(1)} (using "${uri}").` };
}

const idField = (what: string) => z.string({ error: `Choose ${what}.` }).trim().refine(isGuid, { error: `Choose ${what}.` });

/** A URI user part as the table defines it; a typed `user@domain` (or `sip:`) is normalised by `normalizeUri` first. */
const uriField = (def: ParamDef, what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .transform((text) => normalizeUri(text).uri)
    .pipe(paramTextField(def, { what, whenEmpty: `Enter the ${what}, e.g. guest.space.` }));

const callIdField = (def: ParamDef, what: string) => paramTextField(def, { what, whenEmpty: `Enter the ${what} (digits only).` });

/** '' means no PIN. */
const passcodeField = (def: ParamDef, what: string) => paramTextField(def, { what, missing: `Enter the ${what}, or leave it empty for none.` });

const jidField = (what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, { error: `Enter the ${what}, e.g. user1@example.com.` })
    .regex(JID, { error: `The ${what} must look like name@domain (the user's XMPP ID).` });

// ---------------------------------------------------------------------------------------------
// Step 1: profiles

type CallLegValues = ParamValues<typeof callLegProfileParams>;
/** Every other callLegProfile parameter, typed from the parameter table; only the ones the user set. */
export type AdvancedCallLegSettings = Omit<CallLegValues, GuideSetting>;

/** One advanced setting as the form holds it, checked as the table says, with messages naming it. */
function paramValueSchema(name: string, def: ParamDef): z.ZodType {
  switch (def.type) {
    case 'boolean':
      return z.boolean({ error: `${name} must be on or off.` });
    case 'integer': {
      let schema = z.number({ error: `${name} must be a whole number.` }).int({ error: `${name} must be a whole number.` });
      const min = def.min ?? 0;
      schema = schema.min(min, { error: `${name} must be ${min} or more.` });
      if (def.max !== undefined) schema = schema.max(def.max, { error: `${name} must be ${def.max} or less.` });
      return schema;
    }
    case 'enum':
      return z.enum(def.values as [string, ...string[]], { error: `${name} must be one of: ${def.values.join(', ')}.` });
    default:
      return z
        .string()
        .trim()
        .superRefine((text, ctx) => {
          const problem = valueProblem(def, text);
          if (problem) ctx.addIssue({ code: 'custom', message: `${name} ${problem}.` });
        });
  }
}

type AdvancedShape = { [K in AdvancedCallLegParam]: z.ZodOptional<z.ZodType<NonNullable<AdvancedCallLegSettings[K]>>> };

export const advancedCallLegSettingsSchema = z.strictObject(
  Object.fromEntries(ADVANCED_CALL_LEG_PARAMS.map((name) => [name, paramValueSchema(name, callLegProfileParams[name]).optional()])) as AdvancedShape,
  { error: 'Unknown call leg profile setting.' },
);

const guideSettingsShape = {
  defaultLayout: z.enum(LAYOUTS, { error: 'Choose a layout.' }).optional(),
  presentationContributionAllowed: z.boolean().optional(),
  rxAudioMute: z.boolean().optional(),
  rxVideoMute: z.boolean().optional(),
  deactivationMode: z.enum(callLegProfileParams.deactivationMode.values, { error: 'Choose what happens when the last host leaves.' }).optional(),
  deactivationModeTime: z
    .number({ error: 'Enter the number of seconds.' })
    .int({ error: 'Enter a whole number of seconds.' })
    .min(0, { error: 'The delay cannot be negative.' })
    .max(86_400, { error: 'The delay can be one day (86400 seconds) at most.' })
    .optional(),
};

export const guestProfileSettingsSchema = z.object({ needsActivation: z.literal(true), ...guideSettingsShape });
export const hostProfileSettingsSchema = z.object({ needsActivation: z.literal(false), ...guideSettingsShape });

const profileChoice = <S extends z.ZodType>(role: 'guest' | 'host', settings: S) =>
  z.discriminatedUnion(
    'mode',
    [
      z.object({ mode: z.literal('existing'), id: idField(`the ${role} call leg profile`) }),
      z.object({ mode: z.literal('create'), settings, advanced: advancedCallLegSettingsSchema }),
    ],
    { error: `Reuse an existing ${role} profile or create one.` },
  );

export const guestProfileSchema = profileChoice('guest', guestProfileSettingsSchema);
export const hostProfileSchema = profileChoice('host', hostProfileSettingsSchema);

export const GUEST_SCOPES = ['coSpace', 'tenant', 'system'] as const;
export type GuestScope = (typeof GUEST_SCOPES)[number];

export const profilesStepSchema = z.object({
  profiles: z
    .object({
      guest: guestProfileSchema,
      host: hostProfileSchema,
      /** where the guest profile is attached: the space (default), its tenant, or the system (global) */
      guestScope: z.enum(GUEST_SCOPES, { error: 'Choose where the guest profile is attached.' }),
      tenantId: z.string().trim().optional(),
    })
    .superRefine((value, ctx) => {
      if (value.guestScope === 'tenant' && !isGuid(value.tenantId ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['tenantId'], message: 'Choose the tenant the guest profile is attached to.' });
      }
    }),
});

// ---------------------------------------------------------------------------------------------
// Step 2: space

const spaceFields = {
  name: paramTextField(coSpaceParams.name, { what: 'name', missing: 'Enter a name for the space.', whenEmpty: 'Enter a name for the space.' }),
  uri: uriField(coSpaceParams.uri, 'space URI'),
  callId: callIdField(coSpaceParams.callId, 'space call ID'),
  /** the guest PIN on the space's default access; '' = no PIN */
  passcode: passcodeField(coSpaceParams.passcode, 'guest PIN'),
  /** scenario 4; undefined = leave as it is */
  nonMemberAccess: z.boolean().optional(),
  /** scenario 4: the owner, who is also added as a host member; undefined/'' on other scenarios = leave as it is */
  ownerJid: z.string().trim().optional(),
};

export const spaceStepSchema = z.object({
  space: z.discriminatedUnion(
    'mode',
    [
      z.object({ mode: z.literal('create'), ...spaceFields }),
      z.object({ mode: z.literal('existing'), id: idField('the space to change'), ...spaceFields }),
    ],
    { error: 'Create a space or pick an existing one.' },
  ),
});

// ---------------------------------------------------------------------------------------------
// Step 3 (scenario 3): call profile

/**
 * passcodeTimeout: 1–600 seconds. CMS documents no bounds. 0 would take every caller as blank before
 * a host could type a PIN; past 10 minutes a caller would sit in silence, and passcodeMode
 * `required` (wait for # forever) is the honest choice. The guide uses 5.
 */
export const PASSCODE_TIMEOUT_RANGE = { min: 1, max: 600 } as const;

export const callProfileStepSchema = z.object({
  callProfile: z.discriminatedUnion(
    'mode',
    [
      z.object({ mode: z.literal('existing'), id: idField('the call profile') }),
      z
        .object({
          mode: z.literal('create'),
          passcodeMode: z.enum(['required', 'timeout'], { error: 'Choose how a blank guest PIN is accepted.' }),
          passcodeTimeout: z
            .number({ error: 'Enter the number of seconds.' })
            .int({ error: 'Enter a whole number of seconds.' })
            .min(PASSCODE_TIMEOUT_RANGE.min, { error: `The timeout must be at least ${PASSCODE_TIMEOUT_RANGE.min} second.` })
            .max(PASSCODE_TIMEOUT_RANGE.max, { error: `The timeout can be ${PASSCODE_TIMEOUT_RANGE.max} seconds (10 minutes) at most.` })
            .optional(),
        })
        .superRefine((value, ctx) => {
          if (value.passcodeMode === 'timeout' && value.passcodeTimeout === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['passcodeTimeout'],
              message: `Enter after how many seconds (${PASSCODE_TIMEOUT_RANGE.min}–${PASSCODE_TIMEOUT_RANGE.max}) no entry counts as a blank PIN.`,
            });
          }
        }),
    ],
    { error: 'Reuse an existing call profile or create one.' },
  ),
});

// ---------------------------------------------------------------------------------------------
// Step 4: the host's access method

export const accessStepSchema = z.object({
  access: z.object({
    /**
     * The access method of the space this wizard changes in place: the host method an existing
     * space already has, or the one an earlier run of this wizard created. Empty: add a new one.
     */
    id: z.string().trim().optional(),
    uri: uriField(accessMethodParams.uri, 'host URI'),
    callId: callIdField(accessMethodParams.callId, 'host call ID'),
    /** the host PIN; '' = none */
    passcode: passcodeField(accessMethodParams.passcode, 'host PIN'),
  }),
});

// ---------------------------------------------------------------------------------------------
// Step 5 (scenario 4): members

/** The guide's member permissions (scenario 4, step 6). */
export const GUIDE_MEMBER_PERMISSIONS: Record<MemberPermission, boolean> = {
  canDestroy: true,
  canAddRemoveMember: true,
  canChangeName: true,
  canChangeUri: false,
  canChangeCallId: false,
  canChangePasscode: true,
  canPostMessage: true,
  canDeleteAllMessages: false,
  canRemoveSelf: false,
  canChangeNonMemberAccessAllowed: true,
};

const permissionsSchema = z.object(
  Object.fromEntries(MEMBER_PERMISSIONS.map((p) => [p, z.boolean().default(GUIDE_MEMBER_PERMISSIONS[p])])) as Record<
    MemberPermission,
    z.ZodDefault<z.ZodBoolean>
  >,
);

export const memberSchema = z.object({ userJid: jidField("member's user JID"), permissions: permissionsSchema });

export const membersStepSchema = z.object({
  members: z.array(memberSchema).superRefine((members, ctx) => {
    const seen = new Map<string, number>();
    members.forEach((member, index) => {
      const key = member.userJid.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [index, 'userJid'], message: `${member.userJid} is already member ${first + 1} in this list.` });
      } else seen.set(key, index);
    });
  }),
});

// ---------------------------------------------------------------------------------------------
// Per-scenario wizards

type Issue = { path: PropertyKey[]; message: string };

/** The parts the scenario rules read; read defensively, the rules also run on partly invalid forms. */
interface RuleView {
  spaceUri?: string;
  spaceCallId?: string;
  spacePasscode?: string;
  ownerJid?: string;
  accessUri?: string;
  accessCallId?: string;
  accessPasscode?: string;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function view(value: unknown): RuleView {
  const root = (value ?? {}) as Record<string, unknown>;
  const space = (root.space ?? {}) as Record<string, unknown>;
  const access = (root.access ?? {}) as Record<string, unknown>;
  const uri = (v: unknown) => (typeof v === 'string' ? normalizeUri(v).uri : undefined);
  const trim = (v: unknown) => str(v)?.trim();
  return {
    spaceUri: uri(space.uri),
    spaceCallId: trim(space.callId),
    spacePasscode: trim(space.passcode),
    ownerJid: trim(space.ownerJid),
    accessUri: uri(access.uri),
    accessCallId: trim(access.callId),
    accessPasscode: trim(access.passcode),
  };
}

const same = (a?: string, b?: string) => a !== undefined && b !== undefined && a !== '' && a.toLowerCase() === b.toLowerCase();
const both = (a?: string, b?: string) => a !== undefined && b !== undefined && a !== '' && b !== '';

function scenarioIssues(scenario: WizardScenarioId, v: RuleView): Issue[] {
  const issues: Issue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ path, message });
  switch (scenario) {
    case 'different-uris':
      if (same(v.accessUri, v.spaceUri)) add(['access', 'uri'], `Hosts need their own URI: "${v.accessUri}" is the space's URI, which guests dial.`);
      if (same(v.accessCallId, v.spaceCallId)) add(['access', 'callId'], `Hosts need their own call ID: ${v.accessCallId} is the space's call ID, which guests use.`);
      break;
    case 'same-uri-two-pins':
      if (both(v.accessUri, v.spaceUri) && !same(v.accessUri, v.spaceUri)) add(['access', 'uri'], `In this setup hosts dial the space's URI "${v.spaceUri}" too.`);
      if (same(v.accessCallId, v.spaceCallId)) add(['access', 'callId'], `Hosts need their own call ID: ${v.accessCallId} is the space's call ID, which guests use.`);
      if (v.spacePasscode === '') add(['space', 'passcode'], 'Enter a guest PIN: in this setup guests and hosts are told apart by their PINs.');
      if (v.accessPasscode === '') add(['access', 'passcode'], 'Enter a host PIN: in this setup guests and hosts are told apart by their PINs.');
      if (both(v.spacePasscode, v.accessPasscode) && v.spacePasscode === v.accessPasscode)
        add(['access', 'passcode'], `The host PIN must differ from the guest PIN (both are ${v.accessPasscode}).`);
      break;
    case 'blank-guest-pin':
      if (both(v.accessUri, v.spaceUri) && !same(v.accessUri, v.spaceUri)) add(['access', 'uri'], `In this setup hosts dial the space's URI "${v.spaceUri}" too.`);
      if (same(v.accessCallId, v.spaceCallId)) add(['access', 'callId'], `Hosts need their own call ID: ${v.accessCallId} is the space's call ID, which guests use.`);
      if (v.spacePasscode !== undefined && v.spacePasscode !== '')
        add(['space', 'passcode'], 'Leave the guest PIN empty: in this setup guests press # (or wait) instead of entering a PIN.');
      if (v.accessPasscode === '') add(['access', 'passcode'], 'Enter a host PIN: hosts are told apart from guests by entering it.');
      break;
    case 'members-are-hosts':
      if (both(v.accessUri, v.spaceUri) && !same(v.accessUri, v.spaceUri)) add(['access', 'uri'], `In this setup the host access method uses the space's URI "${v.spaceUri}".`);
      if (both(v.accessCallId, v.spaceCallId) && v.accessCallId !== v.spaceCallId)
        add(['access', 'callId'], `In this setup the host access method uses the space's call ID ${v.spaceCallId}.`);
      if (v.accessPasscode === '') add(['access', 'passcode'], 'Enter a host PIN for hosts who join without signing in.');
      if (both(v.spacePasscode, v.accessPasscode) && v.spacePasscode === v.accessPasscode)
        add(['access', 'passcode'], `The host PIN must differ from the guest PIN (both are ${v.accessPasscode}).`);
      if (v.ownerJid === undefined || v.ownerJid === '') add(['space', 'ownerJid'], 'Enter the owner of the space (a user JID such as user1@example.com).');
      else if (!JID.test(v.ownerJid)) add(['space', 'ownerJid'], 'The owner must look like name@domain (the user\'s XMPP ID).');
      break;
  }
  return issues;
}

function withScenarioRules<T extends z.ZodObject>(scenario: WizardScenarioId, schema: T): T {
  // `when: () => true`: the cross-field rules also run while another step is still invalid, so
  // `trigger(stepFields)` shows them on the step being left; they read the values defensively.
  return schema.superRefine(
    (value, ctx) => {
      for (const issue of scenarioIssues(scenario, view(value))) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    },
    { when: () => true },
  );
}

export const wizardSchemas = {
  'different-uris': withScenarioRules(
    'different-uris',
    z.object({ scenario: z.literal('different-uris'), ...profilesStepSchema.shape, ...spaceStepSchema.shape, ...accessStepSchema.shape }),
  ),
  'same-uri-two-pins': withScenarioRules(
    'same-uri-two-pins',
    z.object({ scenario: z.literal('same-uri-two-pins'), ...profilesStepSchema.shape, ...spaceStepSchema.shape, ...accessStepSchema.shape }),
  ),
  'blank-guest-pin': withScenarioRules(
    'blank-guest-pin',
    z.object({
      scenario: z.literal('blank-guest-pin'),
      ...profilesStepSchema.shape,
      ...spaceStepSchema.shape,
      ...callProfileStepSchema.shape,
      ...accessStepSchema.shape,
    }),
  ),
  'members-are-hosts': withScenarioRules(
    'members-are-hosts',
    z.object({
      scenario: z.literal('members-are-hosts'),
      ...profilesStepSchema.shape,
      ...spaceStepSchema.shape,
      ...accessStepSchema.shape,
      ...membersStepSchema.shape,
    }),
  ),
} as const satisfies Record<WizardScenarioId, z.ZodType>;

type Schemas = typeof wizardSchemas;
/** What the form holds for scenario S (react-hook-form's field values). */
export type WizardValues<S extends WizardScenarioId = WizardScenarioId> = z.input<Schemas[S]>;
/** A valid form for scenario S, as the engine takes it. Without S: the union of the four, told apart by `scenario`. */
export type WizardInput<S extends WizardScenarioId = WizardScenarioId> = z.output<Schemas[S]>;

export type ProfilesStep = z.output<typeof profilesStepSchema>['profiles'];
export type SpaceStep = z.output<typeof spaceStepSchema>['space'];
export type CallProfileStep = z.output<typeof callProfileStepSchema>['callProfile'];
export type AccessStep = z.output<typeof accessStepSchema>['access'];

/** The form's schema: the scenario's, picked by `scenario`. */
export const wizardSchema = z.discriminatedUnion('scenario', [
  wizardSchemas['different-uris'],
  wizardSchemas['same-uri-two-pins'],
  wizardSchemas['blank-guest-pin'],
  wizardSchemas['members-are-hosts'],
]);

/** A path into the form, as react-hook-form names fields ('space.uri', 'members.0.userJid'). */
export type WizardPath = FieldPath<WizardValues>;

/** Whether a path (from a zod issue, an errors object or a CMS failure) is a field `wizard-fields.ts` describes. */
export function isWizardPath(path: string): path is WizardPath {
  return describedField(path) !== undefined;
}

/** The steps of a scenario's wizard, in order (review last). */
export function stepsFor(scenario: WizardScenarioId): WizardStepId[] {
  return [...STEPS[scenario]];
}

/** The react-hook-form paths each step validates with `trigger(paths)` before moving on. */
export function stepFields(scenario: WizardScenarioId): Partial<Record<WizardStepId, WizardPath[]>> {
  const out: Partial<Record<WizardStepId, WizardPath[]>> = {};
  for (const [step, roots] of Object.entries(stepRoots(scenario)) as Array<[WizardStepId, string[]]>) out[step] = roots.filter(isWizardPath);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Default values

/** The guide's guest callLegProfile settings (scenario 1, step 1). */
export const GUIDE_GUEST_SETTINGS = {
  needsActivation: true,
  defaultLayout: 'speakerOnly',
  presentationContributionAllowed: false,
  rxAudioMute: true,
  rxVideoMute: false,
  deactivationMode: 'deactivate',
} as const satisfies z.input<typeof guestProfileSettingsSchema>;

/** The guide's host callLegProfile settings (scenario 1, step 2). */
export const GUIDE_HOST_SETTINGS = {
  needsActivation: false,
  defaultLayout: 'speakerOnly',
  presentationContributionAllowed: true,
  rxAudioMute: false,
  rxVideoMute: false,
} as const satisfies z.input<typeof hostProfileSettingsSchema>;

const defaultProfiles = (): WizardValues['profiles'] => ({
  guest: { mode: 'create', settings: { ...GUIDE_GUEST_SETTINGS }, advanced: {} },
  host: { mode: 'create', settings: { ...GUIDE_HOST_SETTINGS }, advanced: {} },
  guestScope: 'coSpace',
});

const blankSpace = { mode: 'create', name: '', uri: '', callId: '', passcode: '' } as const;
const blankAccess = (): WizardValues['access'] => ({ id: '', uri: '', callId: '', passcode: '' });

/**
 * What a wizard starts with: the guide's profile settings, call profile and member permissions
 * (recommended configuration), but none of the guide's example data. The names, URIs, call IDs,
 * PINs and users are the admin's to give; `guideExample` shows them as placeholders.
 */
export function blankValues<S extends WizardScenarioId>(scenario: S): WizardValues<S> {
  const values: { [K in WizardScenarioId]: () => WizardValues<K> } = {
    'different-uris': () => ({ scenario: 'different-uris', profiles: defaultProfiles(), space: { ...blankSpace }, access: blankAccess() }),
    'same-uri-two-pins': () => ({ scenario: 'same-uri-two-pins', profiles: defaultProfiles(), space: { ...blankSpace }, access: blankAccess() }),
    'blank-guest-pin': () => ({
      scenario: 'blank-guest-pin',
      profiles: defaultProfiles(),
      space: { ...blankSpace },
      callProfile: { mode: 'create', passcodeMode: 'timeout', passcodeTimeout: 5 },
      access: blankAccess(),
    }),
    'members-are-hosts': () => ({
      scenario: 'members-are-hosts',
      profiles: defaultProfiles(),
      // CMS's own default: non-members may join.
      space: { ...blankSpace, nonMemberAccess: true, ownerJid: '' },
      access: blankAccess(),
      members: [],
    }),
  };
  return values[scenario]() as WizardValues<S>;
}

/**
 * The guide's example for a new space: the placeholders of the fields, and what "Fill in the
 * guide's example" puts in them. The guide's own URIs and call IDs (guest.space, guestpin.space,
 * global, 189, 888, 1234…) are what a CMS that followed it already has, so new spaces get a
 * "2"-style variant; PINs, profile settings and the call profile are the guide's.
 */
export function guideExample<S extends WizardScenarioId>(scenario: S): WizardValues<S> {
  const values: { [K in WizardScenarioId]: () => WizardValues<K> } = {
    'different-uris': () => ({
      scenario: 'different-uris',
      profiles: defaultProfiles(),
      space: { mode: 'create', name: 'Guest.space 2', uri: 'guest2.space', callId: '628821816', passcode: '' },
      access: { uri: 'host2.space', callId: '8882', passcode: '' },
    }),
    'same-uri-two-pins': () => ({
      scenario: 'same-uri-two-pins',
      profiles: defaultProfiles(),
      space: { mode: 'create', name: 'Guest/Host PIN 2', uri: 'guestpin2.space', callId: '1892', passcode: '789' },
      access: { uri: 'guestpin2.space', callId: '889', passcode: '1234' },
    }),
    'blank-guest-pin': () => ({
      scenario: 'blank-guest-pin',
      profiles: defaultProfiles(),
      space: { mode: 'create', name: 'Guest/Host blank PIN', uri: 'guestpin3.space', callId: '1893', passcode: '' },
      callProfile: { mode: 'create', passcodeMode: 'timeout', passcodeTimeout: 5 },
      access: { uri: 'guestpin3.space', callId: '8893', passcode: '1234' },
    }),
    'members-are-hosts': () => ({
      scenario: 'members-are-hosts',
      profiles: defaultProfiles(),
      space: {
        mode: 'create',
        name: 'Global 2',
        uri: 'global2',
        callId: '12342',
        passcode: '',
        nonMemberAccess: true,
        ownerJid: 'user1@evacanoalone.net',
      },
      access: { uri: 'global2', callId: '12342', passcode: '12345' },
      members: [{ userJid: 'user1@evacanoalone.net', permissions: { ...GUIDE_MEMBER_PERMISSIONS } }],
    }),
  };
  return values[scenario]() as WizardValues<S>;
}

/** A blank member row with the guide's permissions, for "Add member". */
export function newMember(userJid = ''): WizardValues<'members-are-hosts'>['members'][number] {
  return { userJid, permissions: { ...GUIDE_MEMBER_PERMISSIONS } };
}
