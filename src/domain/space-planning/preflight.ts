import { listAllUsers } from '../../api/resources/users';
import { mapLimited } from '../../lib/limit';
import { resolveCallLegProfile } from '../profile-resolution/resolve';
import { isWizardPath, wizardSchemas, type WizardInput, type WizardPath } from './wizard-schema';
import { desiredState, isRef, projectedLevels, wireOf, type Desired } from './desired';
import type { CurrentState, FieldIssue } from './types';
import { pinLengthIssues, usedElsewhere } from './used-elsewhere';
export type { FieldIssue } from './types';

/** Requests in flight at once for the user look-ups (CMS admins share the API with other tools). */
const SCAN_CONCURRENCY = 4;
const lower = (text: string | undefined) => (text ?? '').toLowerCase();

const pinWords = (pin: string) => (pin === '' ? 'no PIN' : `PIN ${pin}`);

interface Route {
  owner: 'space' | 'host' | string;
  uris: string[];
  callId: string;
  passcode: string;
}

/** URI+PIN and call ID+PIN pairs that would clash inside the space after the wizard. */
function clashesInside(input: WizardInput, desired: Desired): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const snapshot = desired.space.snapshot;
  const spaceUris = [input.space.uri, wireOf(snapshot?.space.secondaryUri)].filter((u) => u !== '').map(lower);
  const routes: Route[] = [{ owner: 'space', uris: spaceUris, callId: input.space.callId, passcode: input.space.passcode }];
  const replaced = desired.accessMethod.same?.id ?? desired.accessMethod.update?.id;
  for (const method of snapshot?.accessMethods ?? []) {
    if (method.id === replaced) continue;
    routes.push({ owner: method.id, uris: method.uri ? [lower(method.uri)] : [], callId: wireOf(method.callId), passcode: wireOf(method.passcode) });
  }
  routes.push({ owner: 'host', uris: [lower(input.access.uri)], callId: input.access.callId, passcode: input.access.passcode });

  const seen = new Set<string>();
  const add = (field: WizardPath, message: string) => {
    const key = `${field}\n${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ field, message });
  };
  for (let i = 0; i < routes.length; i++) {
    for (let j = i + 1; j < routes.length; j++) {
      const a = routes[i] as Route;
      const b = routes[j] as Route;
      if (a.passcode !== b.passcode) continue;
      const sharedUri = a.uris.find((u) => b.uris.includes(u));
      const sharedCallId = a.callId !== '' && a.callId === b.callId ? a.callId : undefined;
      const addresses = [sharedUri ? `URI "${sharedUri}"` : undefined, sharedCallId ? `call ID ${sharedCallId}` : undefined].filter(Boolean).join(' and ');
      if (addresses === '') continue;
      const owners = [a.owner, b.owner];
      if (owners.includes('space') && owners.includes('host')) {
        add(
          'access.passcode',
          `Guests and hosts would both reach ${addresses} with ${pinWords(a.passcode)}: CMS could not tell them apart. Give hosts a different PIN.`,
        );
      } else if (owners.includes('host')) {
        const other = a.owner === 'host' ? b.owner : a.owner;
        add('access.passcode', `Access method ${other} of this space already answers ${addresses} with ${pinWords(a.passcode)}; the host access method needs another PIN, URI or call ID.`);
      } else if (owners.includes('space')) {
        const other = a.owner === 'space' ? b.owner : a.owner;
        add('space.passcode', `Access method ${other} of this space already answers ${addresses} with ${pinWords(a.passcode)}; the space's guest PIN must differ from it.`);
      }
    }
  }
  return issues;
}

function profileName(value: string): string {
  return isRef(value) ? 'the new profile' : `profile ${value}`;
}

/** The host path must resolve to needsActivation=false, the guest path to true, through every level. */
function activationIssues(current: CurrentState, desired: Desired): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const host = resolveCallLegProfile(projectedLevels(current, desired, 'accessMethod')).needsActivation;
  if (host.value === true) {
    const own = desired.host.settings.needsActivation;
    issues.push({
      field: 'profiles.host',
      message:
        own === true
          ? `The host profile (${profileName(desired.host.value)}) sets needsActivation to true, so hosts would wait in the lobby like guests. Pick or create a profile with needsActivation false.`
          : `Hosts would still wait in the lobby: the host profile (${profileName(desired.host.value)}) leaves needsActivation unset, so the ${host.scope} level's ${profileName(host.profileId ?? '')} sets it to true. Pick or create a host profile that sets needsActivation to false.`,
    });
  }
  const guest = resolveCallLegProfile(projectedLevels(current, desired)).needsActivation;
  if (guest.value !== true) {
    issues.push({
      field: 'profiles.guest',
      message:
        guest.scope === 'default'
          ? `Guests would not wait for a host: no level sets needsActivation, and CMS defaults it to false. Pick or create a guest profile with needsActivation true.`
          : `Guests would not wait for a host: needsActivation resolves to false at the ${guest.scope} level (${profileName(guest.profileId ?? '')}). Pick or create a guest profile with needsActivation true, attached where it wins.`,
    });
  }
  return issues;
}

function scopeIssues(input: WizardInput, current: CurrentState, desired: Desired): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const scope = input.profiles.guestScope;
  if (scope === 'coSpace') return issues;
  const snapshot = desired.space.snapshot;
  const where = scope === 'tenant' ? 'the tenant' : 'the system (global) profiles';
  const spaceProfile = wireOf(snapshot?.space.callLegProfile);
  if (desired.space.mode !== 'create' && spaceProfile !== '' && lower(spaceProfile) !== lower(desired.guest.value)) {
    issues.push({
      field: 'profiles.guestScope',
      message: `The space already has its own call leg profile ${spaceProfile}, which wins over ${where}: guests would not get the guest profile. Attach it on the space instead.`,
    });
  }
  const spaceTenant = desired.space.mode === 'create' ? desired.space.fields.tenant : lower(wireOf(snapshot?.space.tenant));
  if (scope === 'tenant' && desired.space.mode !== 'create' && lower(spaceTenant) !== lower(input.profiles.tenantId)) {
    issues.push({
      field: 'profiles.tenantId',
      message: spaceTenant
        ? `The space belongs to tenant ${spaceTenant}, not ${input.profiles.tenantId ?? ''}: a profile on that tenant would not reach its guests.`
        : `The space belongs to no tenant, so a tenant's profile would not reach its guests. Attach the guest profile on the space or the system instead.`,
    });
  }
  if (scope === 'system' && spaceTenant) {
    const tenantProfile = wireOf(current.tenants[lower(spaceTenant)]?.callLegProfile);
    if (tenantProfile !== '' && lower(tenantProfile) !== lower(desired.guest.value)) {
      issues.push({
        field: 'profiles.guestScope',
        message: `The space's tenant ${spaceTenant} has its own call leg profile ${tenantProfile}, which wins over the system profiles. Attach the guest profile on the space or the tenant instead.`,
      });
    }
  }
  return issues;
}

async function unknownUsers(input: WizardInput, signal?: AbortSignal): Promise<FieldIssue[]> {
  if (input.scenario !== 'members-are-hosts') return [];
  const wanted: Array<{ field: WizardPath; jid: string }> = [];
  if (input.space.ownerJid) wanted.push({ field: 'space.ownerJid', jid: input.space.ownerJid });
  input.members.forEach((member, index) => wanted.push({ field: `members.${index}.userJid`, jid: member.userJid }));
  const results = await mapLimited(wanted, SCAN_CONCURRENCY, async ({ field, jid }): Promise<FieldIssue | undefined> => {
    const users = await listAllUsers({ filter: jid }, signal);
    const known = users.items.some((user) => lower(user.userJid) === lower(jid));
    return known ? undefined : { field, message: `CMS has no user ${jid}. Users come from the LDAP sync; check the spelling or sync the user first.` };
  });
  return results.filter((issue): issue is FieldIssue => issue !== undefined);
}

const MISSING: Record<string, { field: WizardPath; what: string }> = {
  space: { field: 'space.id', what: 'space' },
  guestProfile: { field: 'profiles.guest.id', what: 'guest call leg profile' },
  hostProfile: { field: 'profiles.host.id', what: 'host call leg profile' },
  callProfile: { field: 'callProfile.id', what: 'call profile' },
  tenant: { field: 'profiles.tenantId', what: 'tenant' },
};

/**
 * Checks against CMS before anything is written, each issue on its form field in plain words:
 * the scenario's own rules, objects that vanished, URIs and call IDs other spaces (or their access
 * methods, or an IVR) use (uriUsageQuery and accessQuery: never skipped, whatever the number of
 * spaces), PINs shorter than the dial-in security profile in force allows, URI/call ID + PIN clashes inside the space, guests and hosts on one PIN, the host
 * and guest paths' needsActivation through every level, where a broader guest profile would not
 * apply, and scenario 4's users.
 */
export async function preflight(input: WizardInput, current: CurrentState, signal?: AbortSignal): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const parsed = wizardSchemas[input.scenario].safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      issues.push({ field: isWizardPath(path) ? path : '', message: issue.message });
    }
    // The CMS checks below need a well-formed input.
    return issues;
  }
  for (const key of current.missing) {
    const entry = MISSING[key];
    if (entry) issues.push({ field: entry.field, message: `The ${entry.what} picked no longer exists on CMS; pick another.` });
  }
  if (current.missing.length > 0) return issues;

  const desired = desiredState(input, current);
  if (input.scenario === 'blank-guest-pin' && desired.callProfile?.mode === 'existing' && desired.callProfile.settings.passcodeMode === undefined) {
    issues.push({
      field: 'callProfile.id',
      message: `Call profile ${desired.callProfile.value} does not set passcodeMode, so how a blank guest PIN is taken is not defined. Pick or create one with passcodeMode.`,
    });
  }
  issues.push(...clashesInside(input, desired), ...activationIssues(current, desired), ...scopeIssues(input, current, desired));
  const [elsewhere, users, pins] = await Promise.all([
    usedElsewhere(input, desired, signal),
    unknownUsers(input, signal),
    pinLengthIssues(input, current, desired, signal),
  ]);
  issues.push(...pins, ...elsewhere, ...users);
  return issues;
}
