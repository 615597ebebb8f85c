import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { callProfileParams } from '../../api/params/call-profile';
import { coSpaceParams } from '../../api/params/co-space';
import type { ParamTable } from '../../api/params/param-def';
import { formatValue } from '../../api/params/schema';
import type { CallLegLevel, CallLegProfileSettings } from '../profile-resolution/model';
import { callLegSettingsOf, callProfileSettingsOf, isSet } from '../profile-resolution/resolve';
import { MEMBER_PERMISSIONS } from './wizard-fields';
import type { WizardInput } from './wizard-schema';
import type { CurrentState, SpaceSnapshot } from './types';

/**
 * What the wizard wants CMS to hold, worked out against what CMS holds now. Shared by the plan
 * (which turns it into requests) and the pre-flight (which checks it), so both see the same thing.
 */

export const ref = (name: string): string => `{${name}}`;
export const isRef = (value: string): boolean => /^\{[^{}]+\}$/.test(value);

/** A value as CMS reads it back, in its wire text; unset is ''. */
export function wireOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return formatValue(value);
  return '';
}

/** Fields CMS compares without case: URIs (it stores them lowercased), object ids and JIDs. */
const CASELESS = new Set(['uri', 'secondaryUri', 'callLegProfile', 'callProfile', 'tenant', 'ownerJid', 'userJid', 'layoutTemplate']);

export function sameWire(field: string, a: string, b: string): boolean {
  return CASELESS.has(field) ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * The fields of `desired` whose value differs from `current`, and their previous values ('' where
 * unset). With `table`, an unset field counts as the CMS default the table documents (a space's
 * unset nonMemberAccess already is true): sending the default would change nothing.
 */
export function diff(
  current: Readonly<Record<string, unknown>>,
  desired: Readonly<Record<string, string>>,
  table?: ParamTable,
): {
  form: Record<string, string>;
  restore: Record<string, string>;
} {
  const form: Record<string, string> = {};
  const restore: Record<string, string> = {};
  for (const [field, value] of Object.entries(desired)) {
    const before = wireOf(current[field]);
    const fallback = table?.[field]?.default;
    const effective = before === '' && fallback !== undefined ? wireOf(fallback) : before;
    if (sameWire(field, effective, value)) continue;
    form[field] = value;
    restore[field] = before;
  }
  return { form, restore };
}

/** A POST body: unset ('') values are left out, a new object has nothing to unset. */
export function createForm(desired: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(desired).filter(([, value]) => value !== ''));
}

function settingsForm(table: ParamTable, settings: Readonly<Record<string, unknown>>): Record<string, string> {
  const form: Record<string, string> = {};
  for (const name of Object.keys(table)) {
    const value = settings[name];
    if (isSet(value)) form[name] = wireOf(value);
  }
  return form;
}

/**
 * Two profiles match when they set exactly the same parameters to the same values (a parameter one
 * sets and the other leaves unset is a difference: unset inherits from the level above).
 */
function sameSettings(table: ParamTable, a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!(key in table)) continue;
    if (!sameWire(key, a[key] ?? '', b[key] ?? '')) return false;
  }
  return true;
}

export interface ProfileTarget {
  key: 'guestProfile' | 'hostProfile' | 'callProfile';
  /** what the referring objects get: the id, or `{guestProfile}` when this run creates it */
  value: string;
  /** known id: picked, or an identical profile reused */
  id?: string;
  mode: 'existing' | 'reused' | 'create';
  /** create: the POST body */
  form?: Record<string, string>;
  /** what the profile sets (as known now, or as it will be) */
  settings: Record<string, unknown>;
}

function callLegProfileTarget(key: 'guestProfile' | 'hostProfile', input: WizardInput, current: CurrentState): ProfileTarget {
  const choice = key === 'guestProfile' ? input.profiles.guest : input.profiles.host;
  if (choice.mode === 'existing') {
    const id = choice.id.toLowerCase();
    const known = key === 'guestProfile' ? current.guestProfile : current.hostProfile;
    const profile = known ?? current.callLegProfiles.find((p) => p.id.toLowerCase() === id);
    return { key, value: id, id, mode: 'existing', settings: callLegSettingsOf(profile) };
  }
  const wanted = settingsForm(callLegProfileParams, { ...choice.advanced, ...choice.settings });
  const twin = current.callLegProfiles.find((p) => sameSettings(callLegProfileParams, settingsForm(callLegProfileParams, callLegSettingsOf(p)), wanted));
  if (twin) return { key, value: twin.id.toLowerCase(), id: twin.id.toLowerCase(), mode: 'reused', settings: callLegSettingsOf(twin) };
  return { key, value: ref(key), mode: 'create', form: wanted, settings: { ...choice.advanced, ...choice.settings } };
}

function callProfileTarget(input: WizardInput, current: CurrentState): ProfileTarget | undefined {
  if (input.scenario !== 'blank-guest-pin') return undefined;
  const choice = input.callProfile;
  if (choice.mode === 'existing') {
    const id = choice.id.toLowerCase();
    const profile = current.callProfile ?? current.callProfiles.find((p) => p.id.toLowerCase() === id);
    return { key: 'callProfile', value: id, id, mode: 'existing', settings: callProfileSettingsOf(profile) };
  }
  const settings = { passcodeMode: choice.passcodeMode, ...(choice.passcodeMode === 'timeout' ? { passcodeTimeout: choice.passcodeTimeout } : {}) };
  const wanted = settingsForm(callProfileParams, settings);
  const twin = current.callProfiles.find((p) => sameSettings(callProfileParams, settingsForm(callProfileParams, callProfileSettingsOf(p)), wanted));
  if (twin) return { key: 'callProfile', value: twin.id.toLowerCase(), id: twin.id.toLowerCase(), mode: 'reused', settings: callProfileSettingsOf(twin) };
  return { key: 'callProfile', value: ref('callProfile'), mode: 'create', form: wanted, settings };
}

export interface SpaceTarget {
  /** 'adopted': mode create, but a space with this URI already has every value (an earlier run made it) */
  mode: 'create' | 'existing' | 'adopted';
  /** the id or `{space}` */
  value: string;
  id?: string;
  snapshot?: SpaceSnapshot;
  /** the space's fields the wizard sets (wire text; '' = unset), ownerJid excluded */
  fields: Record<string, string>;
}

export interface AccessMethodTarget {
  fields: Record<string, string>;
  /** an access method of the space that already has every field */
  same?: SpaceSnapshot['accessMethods'][number];
  /** the access method changed in place: the one the form names, else one with the same URI and call ID */
  update?: SpaceSnapshot['accessMethods'][number];
  /** the form named an access method the space no longer has (a new one is added) */
  gone?: string;
}

export interface MemberTarget {
  index: number;
  userJid: string;
  fields: Record<string, string>;
  existing?: SpaceSnapshot['members'][number];
}

export interface ScopeTarget {
  scope: 'tenant' | 'system';
  tenantId?: string;
  /** the PUT path, relative to /api/v1 */
  path: string;
  /** the callLegProfile attached there now ('' when none) */
  before: string;
}

export interface Desired {
  guest: ProfileTarget;
  host: ProfileTarget;
  callProfile?: ProfileTarget;
  scope?: ScopeTarget;
  space: SpaceTarget;
  accessMethod: AccessMethodTarget;
  /** scenario 4 */
  ownerJid?: string;
  members: MemberTarget[];
}

function spaceFields(input: WizardInput, guest: ProfileTarget, callProfile: ProfileTarget | undefined): Record<string, string> {
  const { space } = input;
  const fields: Record<string, string> = { name: space.name, uri: space.uri, callId: space.callId, passcode: space.passcode };
  if (input.profiles.guestScope === 'coSpace') fields.callLegProfile = guest.value;
  if (callProfile) fields.callProfile = callProfile.value;
  if (space.nonMemberAccess !== undefined) fields.nonMemberAccess = wireOf(space.nonMemberAccess);
  if (space.mode === 'create' && input.profiles.guestScope === 'tenant' && input.profiles.tenantId) fields.tenant = input.profiles.tenantId.toLowerCase();
  return fields;
}

/**
 * The host access method: the one the form names (the space's host method, or the one an earlier
 * run created) is changed in place whatever its URI and call ID were, so a corrected rerun never
 * adds a second one. Without one named: a method that already has every field, else one with the
 * same URI and call ID, else a new one.
 */
function accessMethodTarget(input: WizardInput, host: ProfileTarget, snapshot: SpaceSnapshot | undefined): AccessMethodTarget {
  const fields = { uri: input.access.uri, callId: input.access.callId, passcode: input.access.passcode, callLegProfile: host.value };
  const methods = snapshot?.accessMethods ?? [];
  const unchanged = (m: SpaceSnapshot['accessMethods'][number]) => Object.keys(diff(m, fields).form).length === 0;
  const named = input.access.id?.toLowerCase() ?? '';
  if (named !== '') {
    const method = methods.find((m) => m.id.toLowerCase() === named);
    if (method) return unchanged(method) ? { fields, same: method } : { fields, update: method };
    if (snapshot) return { fields, gone: named };
  }
  const same = methods.find(unchanged);
  if (same) return { fields, same };
  const update = methods.find((m) => sameWire('uri', wireOf(m.uri), fields.uri) && wireOf(m.callId) === fields.callId);
  return update ? { fields, update } : { fields };
}

export function desiredState(input: WizardInput, current: CurrentState): Desired {
  const guest = callLegProfileTarget('guestProfile', input, current);
  const host = callLegProfileTarget('hostProfile', input, current);
  const callProfile = callProfileTarget(input, current);
  const fields = spaceFields(input, guest, callProfile);

  let space: SpaceTarget;
  if (input.space.mode === 'existing') {
    const id = input.space.id.toLowerCase();
    space = { mode: 'existing', value: id, id, fields, ...(current.space ? { snapshot: current.space } : {}) };
  } else {
    const adoptable = current.sameUriSpaces.find((s) => Object.keys(diff(s.space, fields, coSpaceParams).form).length === 0);
    space = adoptable
      ? { mode: 'adopted', value: adoptable.space.id.toLowerCase(), id: adoptable.space.id.toLowerCase(), snapshot: adoptable, fields }
      : { mode: 'create', value: ref('space'), fields };
  }

  let scope: ScopeTarget | undefined;
  if (input.profiles.guestScope === 'tenant' && input.profiles.tenantId) {
    const tenantId = input.profiles.tenantId.toLowerCase();
    const tenant = current.tenants[tenantId];
    scope = { scope: 'tenant', tenantId, path: `/tenants/${tenantId}`, before: wireOf(tenant?.callLegProfile) };
  } else if (input.profiles.guestScope === 'system') {
    scope = { scope: 'system', path: '/system/profiles', before: wireOf(current.systemProfiles.callLegProfile) };
  }

  const accessMethod = accessMethodTarget(input, host, space.snapshot);

  const members: MemberTarget[] = [];
  let ownerJid: string | undefined;
  if (input.scenario === 'members-are-hosts') {
    ownerJid = input.space.ownerJid?.trim() || undefined;
    input.members.forEach((member, index) => {
      const memberFields: Record<string, string> = { callLegProfile: host.value };
      for (const permission of MEMBER_PERMISSIONS) memberFields[permission] = wireOf(member.permissions[permission]);
      const existing = space.snapshot?.members.find((m) => sameWire('userJid', wireOf(m.userJid), member.userJid));
      members.push({ index, userJid: member.userJid, fields: memberFields, ...(existing ? { existing } : {}) });
    });
  }

  return {
    guest,
    host,
    ...(callProfile ? { callProfile } : {}),
    ...(scope ? { scope } : {}),
    space,
    accessMethod,
    ...(ownerJid ? { ownerJid } : {}),
    members,
  };
}

/** The settings a referenced profile sets, from what was read (a profile this run creates: its planned settings). */
function settingsOf(profileId: string | undefined, current: CurrentState, desired: Desired): CallLegProfileSettings {
  if (profileId === undefined || profileId === '') return {};
  for (const target of [desired.guest, desired.host]) {
    if (target.value.toLowerCase() === profileId.toLowerCase()) return target.settings as CallLegProfileSettings;
  }
  return callLegSettingsOf(current.callLegProfiles.find((p) => p.id.toLowerCase() === profileId.toLowerCase()));
}

/**
 * The callLegProfile levels a leg walks after the wizard, least specific first: global, the
 * space's tenant, the space (the guest path stops here), then `extra` (the host access method or
 * a member). Uses the resolver's model (src/profiles/model.ts).
 */
export function projectedLevels(current: CurrentState, desired: Desired, extra?: 'accessMethod' | 'coSpaceUser'): CallLegLevel[] {
  const levels: CallLegLevel[] = [];
  const push = (scope: CallLegLevel['scope'], profileId: string | undefined) => {
    if (profileId === undefined || profileId === '') return;
    levels.push({ scope, profileId, settings: settingsOf(profileId, current, desired) });
  };
  const scope = desired.scope;
  push('global', scope?.scope === 'system' ? desired.guest.value : current.systemProfiles.callLegProfile);
  const tenantId =
    desired.space.mode === 'create' ? desired.space.fields.tenant : (desired.space.snapshot?.space.tenant?.toLowerCase() ?? undefined);
  if (tenantId) {
    push('tenant', scope?.scope === 'tenant' && scope.tenantId === tenantId ? desired.guest.value : current.tenants[tenantId]?.callLegProfile);
  }
  push('coSpace', 'callLegProfile' in desired.space.fields ? desired.space.fields.callLegProfile : desired.space.snapshot?.space.callLegProfile);
  if (extra) push(extra, desired.host.value);
  return levels;
}
