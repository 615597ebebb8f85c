import type {
  CallLegLevel,
  CallLegProfileSettings,
  CallLegScope,
  CallProfileLevel,
  CallProfileScope,
  JoinPath,
  JoinPathKind,
  Resolved,
  ResolvedCallLegProfile,
  ResolvedCallProfile,
  SpaceModel,
} from './model';
import { accessMethodLabel, memberLabel } from './labels';
import { callLegSettingsOf, callProfileSettingsOf, resolveCallLegProfile, resolveCallProfile } from './resolve';

const settingsCaches = new WeakMap<SpaceModel, Map<string, CallLegProfileSettings>>();

function callLegLevel(model: SpaceModel, scope: CallLegScope, profileId: string | undefined): CallLegLevel | undefined {
  if (profileId === undefined || profileId === '') return undefined;
  let cache = settingsCaches.get(model);
  if (cache === undefined) {
    cache = new Map();
    settingsCaches.set(model, cache);
  }
  let settings = cache.get(profileId);
  if (settings === undefined) {
    // A dangling reference still is a level CMS walks (the trace shows it), it just sets nothing.
    settings = callLegSettingsOf(model.callLegProfiles.get(profileId) ?? model.callLegProfiles.get(profileId.toLowerCase()));
    cache.set(profileId, settings);
  }
  return { scope, profileId, settings };
}

/** global, tenant, coSpace: the levels every way into the space walks. */
export function spaceLevels(model: SpaceModel): CallLegLevel[] {
  return [
    callLegLevel(model, 'global', model.systemProfiles.callLegProfile),
    callLegLevel(model, 'tenant', model.tenant?.callLegProfile),
    callLegLevel(model, 'coSpace', model.space.callLegProfile),
  ].filter((level): level is CallLegLevel => level !== undefined);
}

function roleOf(resolved: ResolvedCallLegProfile): 'host' | 'guest' {
  // Unset everywhere means the blueprint default, false: an activator.
  return resolved.needsActivation.value === true ? 'guest' : 'host';
}

function path(
  key: string,
  kind: JoinPathKind,
  label: string,
  address: { uri?: string; callId?: string; passcode?: string },
  levels: CallLegLevel[],
): JoinPath {
  const resolved = resolveCallLegProfile(levels);
  const joinPath: JoinPath = { key, kind, label, levels, resolved, role: roleOf(resolved) };
  if (address.uri !== undefined) joinPath.uri = address.uri;
  if (address.callId !== undefined) joinPath.callId = address.callId;
  if (address.passcode !== undefined) joinPath.passcode = address.passcode;
  return joinPath;
}

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * Every way into the space: its own URI, secondary URI and call ID (with the space's PIN), each
 * access method that can be dialled (by URI or call ID), and each member signed in to the web app.
 */
export function joinPaths(model: SpaceModel): JoinPath[] {
  const { space } = model;
  const base = spaceLevels(model);
  const spacePin = space.passcode ?? '';
  const paths: JoinPath[] = [];
  if (present(space.uri)) paths.push(path('space:uri', 'spaceUri', `Space URI ${space.uri}`, { uri: space.uri, passcode: spacePin }, base));
  if (present(space.secondaryUri)) {
    paths.push(
      path('space:secondaryUri', 'spaceSecondaryUri', `Secondary URI ${space.secondaryUri}`, { uri: space.secondaryUri, passcode: spacePin }, base),
    );
  }
  if (present(space.callId)) paths.push(path('space:callId', 'spaceCallId', `Call ID ${space.callId}`, { callId: space.callId, passcode: spacePin }, base));

  for (const method of model.accessMethods) {
    // An access method has only its own URI and call ID; with neither, nobody can dial it.
    if (!present(method.uri) && !present(method.callId)) continue;
    const own = callLegLevel(model, 'accessMethod', method.callLegProfile);
    const address: { uri?: string; callId?: string; passcode: string } = { passcode: method.passcode ?? '' };
    if (present(method.uri)) address.uri = method.uri;
    if (present(method.callId)) address.callId = method.callId;
    paths.push(path(`accessMethod:${method.id}`, 'accessMethod', accessMethodLabel(method), address, own ? [...base, own] : base));
  }

  for (const member of model.members) {
    const own = callLegLevel(model, 'coSpaceUser', member.callLegProfile);
    paths.push(path(`member:${member.id}`, 'member', memberLabel(member), {}, own ? [...base, own] : base));
  }
  return paths;
}

/** The callProfile levels of the space (global → tenant → coSpace), each only where one is attached. */
export function callProfileLevels(model: SpaceModel): CallProfileLevel[] {
  const level = (scope: CallProfileScope, profileId: string | undefined): CallProfileLevel | undefined =>
    present(profileId)
      ? { scope, profileId, settings: callProfileSettingsOf(model.callProfiles.get(profileId) ?? model.callProfiles.get(profileId.toLowerCase())) }
      : undefined;
  return [
    level('global', model.systemProfiles.callProfile),
    level('tenant', model.tenant?.callProfile),
    level('coSpace', model.space.callProfile),
  ].filter((entry): entry is CallProfileLevel => entry !== undefined);
}

export function resolveCallProfileFor(model: SpaceModel): ResolvedCallProfile {
  return resolveCallProfile(callProfileLevels(model));
}

export interface SharedAddress {
  kind: 'uri' | 'callId';
  value: string;
  /** keys of the paths on the same address whose PIN is blank where this one's is set, or the reverse */
  with: string[];
}

export interface IvrBehaviour {
  /**
   * Whether callProfile passcode handling changes anything for this path: only for SIP and IVR
   * callers (not the web app) on a URI or call ID where a blank PIN and a set PIN meet.
   */
  matters: boolean;
  shared: SharedAddress[];
  passcodeMode: Resolved<'required' | 'timeout', CallProfileScope>;
  passcodeTimeout: Resolved<number, CallProfileScope>;
  /** passcodeMode is set nowhere: CMS documents no default, we assume `required` */
  assumed: boolean;
  description: string;
}

interface AddressEntry {
  key: string;
  passcode: string;
}

const addressIndexes = new WeakMap<SpaceModel, Map<string, AddressEntry[]>>();

/** uri (lower case, as CMS compares them) and call ID → the space and access method paths answering it. */
function addressIndex(model: SpaceModel): Map<string, AddressEntry[]> {
  let index = addressIndexes.get(model);
  if (index !== undefined) return index;
  index = new Map();
  const add = (address: string, key: string, passcode: string) => {
    const entries = index?.get(address);
    if (entries) entries.push({ key, passcode });
    else index?.set(address, [{ key, passcode }]);
  };
  const { space } = model;
  const spacePin = space.passcode ?? '';
  if (present(space.uri)) add(`uri:${space.uri.toLowerCase()}`, 'space:uri', spacePin);
  if (present(space.secondaryUri)) add(`uri:${space.secondaryUri.toLowerCase()}`, 'space:secondaryUri', spacePin);
  if (present(space.callId)) add(`callId:${space.callId}`, 'space:callId', spacePin);
  for (const method of model.accessMethods) {
    const key = `accessMethod:${method.id}`;
    if (present(method.uri)) add(`uri:${method.uri.toLowerCase()}`, key, method.passcode ?? '');
    if (present(method.callId)) add(`callId:${method.callId}`, key, method.passcode ?? '');
  }
  addressIndexes.set(model, index);
  return index;
}

/** The URIs and call IDs where this path's PIN (blank or set) meets the other kind. */
export function sharedAddresses(model: SpaceModel, joinPath: Pick<JoinPath, 'key' | 'kind' | 'uri' | 'callId' | 'passcode'>): SharedAddress[] {
  if (joinPath.kind === 'member' || joinPath.passcode === undefined) return [];
  const index = addressIndex(model);
  const blank = joinPath.passcode === '';
  const out: SharedAddress[] = [];
  const check = (kind: 'uri' | 'callId', value: string | undefined) => {
    if (!present(value)) return;
    const entries = index.get(kind === 'uri' ? `uri:${value.toLowerCase()}` : `callId:${value}`) ?? [];
    const others = entries.filter((entry) => entry.key !== joinPath.key && (entry.passcode === '') !== blank).map((entry) => entry.key);
    if (others.length > 0) out.push({ kind, value, with: [...new Set(others)] });
  };
  check('uri', joinPath.uri);
  check('callId', joinPath.callId);
  return out;
}

function describeAddress(shared: SharedAddress): string {
  return shared.kind === 'uri' ? shared.value : `call ID ${shared.value}`;
}

/** How the IVR treats a caller on this path when blank and set PINs share its URI or call ID. */
export function ivrBehaviour(model: SpaceModel, joinPath: JoinPath, callProfile: ResolvedCallProfile = resolveCallProfileFor(model)): IvrBehaviour {
  const passcodeMode = callProfile.passcodeMode;
  const passcodeTimeout = callProfile.passcodeTimeout;
  const assumed = passcodeMode.value === undefined;
  const base = { passcodeMode, passcodeTimeout, assumed };
  if (joinPath.kind === 'member') {
    return { ...base, matters: false, shared: [], description: 'Members sign in to the web app: no PIN prompt, so passcodeMode does not apply.' };
  }
  const shared = sharedAddresses(model, joinPath);
  if (shared.length === 0) {
    return {
      ...base,
      matters: false,
      shared,
      description:
        joinPath.passcode === ''
          ? 'No set PIN shares this address: callers get in without a PIN prompt, so passcodeMode does not matter.'
          : 'No blank PIN shares this address: callers must enter a PIN, so passcodeMode does not matter.',
    };
  }
  const where = shared.map(describeAddress).join(' and ');
  const timeout = passcodeTimeout.value;
  let how: string;
  if (passcodeMode.value === 'timeout') {
    how =
      timeout === undefined
        ? 'passcodeMode is timeout, but passcodeTimeout is set nowhere (CMS documents no default): how long the IVR waits before taking silence as a blank PIN is unknown.'
        : `passcodeMode is timeout: entering nothing for ${timeout} s (from the end of the prompt) counts as a blank PIN.`;
  } else if (passcodeMode.value === 'required') {
    how = 'passcodeMode is required: the IVR waits until the caller enters a PIN, or # for a blank one.';
  } else {
    how =
      'passcodeMode is set nowhere and CMS documents no default; we assume it acts as required: the IVR waits until the caller enters a PIN, or # for a blank one.';
  }
  const who = joinPath.passcode === '' ? 'Callers who want this way in (blank PIN)' : `Callers with PIN ${joinPath.passcode}`;
  return {
    ...base,
    matters: true,
    shared,
    description: `${who} dialling ${where} get a PIN prompt, because blank and set PINs share it. ${how} Web app users are not affected.`,
  };
}

export interface LobbyBehaviour {
  role: 'host' | 'guest';
  /** guests wait in the lobby; hosts are in the conference at once */
  whileNoHost: 'lobby' | 'inConference';
  /** for guests: what the deactivationMode in force does when the last host leaves */
  whenLastHostLeaves?: 'backToLobby' | 'disconnected' | 'stayInConference';
  /** seconds between the last host leaving and that action (0 when deactivationModeTime is unset: assumed) */
  afterSeconds?: number;
  deactivationMode: ResolvedCallLegProfile['deactivationMode'];
  deactivationModeTime: ResolvedCallLegProfile['deactivationModeTime'];
  /** deactivationMode or deactivationModeTime is set nowhere and CMS documents no default: we assume */
  assumed: boolean;
  description: string;
}

const after = (seconds: number) => (seconds > 0 ? ` after ${seconds} s` : '');

/**
 * Guests (needsActivation true) wait in the lobby until a host joins. When the last host leaves,
 * deactivationMode decides: deactivate (back to the lobby), disconnect, remainActivated (stay).
 * The blueprint gives neither deactivationMode nor deactivationModeTime a default: unset, we assume
 * remainActivated, and that the action is taken at once.
 */
export function lobbyBehaviour(joinPath: Pick<JoinPath, 'role' | 'resolved'>): LobbyBehaviour {
  const { deactivationMode, deactivationModeTime } = joinPath.resolved;
  if (joinPath.role === 'host') {
    return {
      role: 'host',
      whileNoHost: 'inConference',
      deactivationMode,
      deactivationModeTime,
      assumed: false,
      description: 'Joins the conference at once and lets any waiting guests in.',
    };
  }
  const mode = deactivationMode.value;
  const seconds = deactivationModeTime.value ?? 0;
  const timeAssumed = deactivationModeTime.value === undefined && mode !== undefined && mode !== 'remainActivated';
  const waits = 'Waits in the lobby, without audio or video from the others, until a host joins.';
  const base = { role: 'guest' as const, whileNoHost: 'lobby' as const, deactivationMode, deactivationModeTime };
  switch (mode) {
    case 'deactivate':
      return {
        ...base,
        whenLastHostLeaves: 'backToLobby',
        afterSeconds: seconds,
        assumed: timeAssumed,
        description: `${waits} When the last host leaves, goes back to the lobby${after(seconds)}.`,
      };
    case 'disconnect':
      return {
        ...base,
        whenLastHostLeaves: 'disconnected',
        afterSeconds: seconds,
        assumed: timeAssumed,
        description: `${waits} When the last host leaves, the call ends for this guest${after(seconds)}.`,
      };
    case 'remainActivated':
      return {
        ...base,
        whenLastHostLeaves: 'stayInConference',
        assumed: false,
        description: `${waits} When the last host leaves, stays in the conference.`,
      };
    default:
      return {
        ...base,
        whenLastHostLeaves: 'stayInConference',
        assumed: true,
        description: `${waits} deactivationMode is set nowhere and CMS documents no default; we assume the guest stays in the conference when the last host leaves (remainActivated).`,
      };
  }
}
