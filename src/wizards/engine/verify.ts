import type { z } from 'zod';
import { apiPath } from '../../api/transport/client';
import { cmsClient } from '../../api/transport/cms-client';
import { isCmsError } from '../../api/transport/errors';
import {
  accessMethodSchema,
  callLegProfileSchema,
  callProfileSchema,
  coSpaceSchema,
  coSpaceUserSchema,
  systemProfilesSchema,
  tenantSchema,
} from '../../api/params/schemas';
import { findSpacesByUri, listAllAccessMethods, listAllSpaceMembers } from '../../api/resources/spaces';
import { flatten } from '../../api/wire/xml';
import { MEMBER_PERMISSIONS } from '../../domain/space-planning/wizard-fields';
import type { WizardInput } from '../../domain/space-planning/wizard-schema';
import { sameWire, wireOf } from '../../domain/space-planning/desired';
import { DEFAULT_DOMAIN, joinCards } from '../../domain/space-planning/join-cards';
import type { JoinCard } from '../../domain/space-planning/types';

export interface VerifiedObject {
  /** 'space', 'accessMethod', 'guestProfile', 'hostProfile', 'callProfile', 'tenant', 'systemProfiles', 'member:<jid>' */
  key: string;
  title: string;
  /** /api/v1/… as read */
  path: string;
  /** the XML exactly as CMS answered, as the guide shows it */
  xml: string;
  /** the same, typed; undefined when it could not be read */
  value?: Record<string, unknown>;
  /** why it could not be read */
  problem?: string;
}

export interface Verification {
  spaceId?: string;
  objects: VerifiedObject[];
  /** plain sentences where CMS holds something else than the wizard set */
  mismatches: string[];
  joinCards: JoinCard[];
}

export interface VerifyOptions {
  domain?: string;
}

const lower = (text: unknown) => wireOf(text).toLowerCase();

async function readObject(key: string, title: string, path: string, schema: z.ZodType, signal?: AbortSignal): Promise<VerifiedObject> {
  const full = apiPath(path);
  try {
    const response = await cmsClient().request({ method: 'GET', path: full, ...(signal ? { signal } : {}) });
    const parsed = response.xml ? schema.safeParse(flatten(response.xml.node)) : undefined;
    return {
      key,
      title,
      path: full,
      xml: response.text,
      ...(parsed?.success ? { value: parsed.data as Record<string, unknown> } : { problem: 'CMS answered something the studio cannot read.' }),
    };
  } catch (error) {
    if (isCmsError(error) && error.kind === 'aborted') throw error;
    return { key, title, path: full, xml: '', problem: error instanceof Error ? error.message : String(error) };
  }
}

/** What one verify run has read and found so far. */
interface Reading {
  signal: AbortSignal | undefined;
  objects: VerifiedObject[];
  mismatches: string[];
}

async function read(r: Reading, key: string, title: string, path: string, schema: z.ZodType): Promise<Record<string, unknown> | undefined> {
  const object = await readObject(key, title, path, schema, r.signal);
  r.objects.push(object);
  return object.value;
}

/** Notes each field of `wanted` that the object read does not hold. */
function expectFields(r: Reading, what: string, value: Record<string, unknown> | undefined, wanted: Record<string, string>): void {
  if (!value) return;
  for (const [field, want] of Object.entries(wanted)) {
    const have = wireOf(value[field]);
    if (!sameWire(field, have, want)) r.mismatches.push(`${what} has ${field} "${have}" where the wizard set "${want}".`);
  }
}

/** Where the guest profile is attached (tenant, system or the space); answers its id. */
async function verifyGuestAttachment(r: Reading, input: WizardInput, ids: Readonly<Record<string, string>>, space: Record<string, unknown> | undefined) {
  let guestProfileId = ids.guestProfile;
  if (input.profiles.guestScope === 'tenant' && input.profiles.tenantId) {
    const tenant = await read(r, 'tenant', 'Tenant', `tenants/${input.profiles.tenantId}`, tenantSchema);
    guestProfileId ??= wireOf(tenant?.callLegProfile);
    if (guestProfileId) expectFields(r, 'The tenant', tenant, { callLegProfile: guestProfileId });
  } else if (input.profiles.guestScope === 'system') {
    const system = await read(r, 'systemProfiles', 'System (global) profiles', 'system/profiles', systemProfilesSchema);
    guestProfileId ??= wireOf(system?.callLegProfile);
    if (guestProfileId) expectFields(r, 'The system profiles', system, { callLegProfile: guestProfileId });
  } else {
    guestProfileId ??= input.profiles.guest.mode === 'existing' ? input.profiles.guest.id : wireOf(space?.callLegProfile);
    if (guestProfileId) expectFields(r, 'The space', space, { callLegProfile: guestProfileId });
  }
  return guestProfileId;
}

/** The host access method, found by URI, call ID and PIN when this run did not create it; answers the host profile's id. */
async function verifyHostAccess(r: Reading, input: WizardInput, ids: Readonly<Record<string, string>>, spaceId: string) {
  let accessMethodId = ids.accessMethod;
  if (!accessMethodId) {
    const methods = await listAllAccessMethods(spaceId, {}, r.signal);
    accessMethodId = methods.items.find(
      (m) => lower(m.uri) === input.access.uri.toLowerCase() && wireOf(m.callId) === input.access.callId && wireOf(m.passcode) === input.access.passcode,
    )?.id;
  }
  let hostProfileId = ids.hostProfile ?? (input.profiles.host.mode === 'existing' ? input.profiles.host.id : undefined);
  if (!accessMethodId) {
    r.mismatches.push(`The space has no access method with URI ${input.access.uri}, call ID ${input.access.callId} and the host PIN.`);
    return hostProfileId;
  }
  const am = await read(r, 'accessMethod', 'Host access method', `coSpaces/${spaceId}/accessMethods/${accessMethodId}`, accessMethodSchema);
  hostProfileId ??= wireOf(am?.callLegProfile);
  expectFields(r, 'The host access method', am, {
    uri: input.access.uri,
    callId: input.access.callId,
    passcode: input.access.passcode,
    ...(hostProfileId ? { callLegProfile: hostProfileId } : {}),
  });
  return hostProfileId;
}

/** The profiles themselves: the guest one waits, the host one activates, the call profile takes a blank PIN as asked. */
async function verifyProfiles(r: Reading, input: WizardInput, profiles: { guest?: string; host?: string; call?: string }): Promise<void> {
  if (profiles.guest) {
    const guest = await read(r, 'guestProfile', 'Guest call leg profile', `callLegProfiles/${profiles.guest}`, callLegProfileSchema);
    expectFields(r, 'The guest call leg profile', guest, { needsActivation: 'true' });
  }
  if (profiles.host) {
    const host = await read(r, 'hostProfile', 'Host call leg profile', `callLegProfiles/${profiles.host}`, callLegProfileSchema);
    expectFields(r, 'The host call leg profile', host, { needsActivation: 'false' });
  }
  if (!profiles.call) return;
  const cp = await read(r, 'callProfile', 'Call profile', `callProfiles/${profiles.call}`, callProfileSchema);
  if (input.scenario === 'blank-guest-pin' && input.callProfile.mode === 'create') {
    const { passcodeMode, passcodeTimeout } = input.callProfile;
    expectFields(r, 'The call profile', cp, {
      passcodeMode,
      ...(passcodeMode === 'timeout' && passcodeTimeout !== undefined ? { passcodeTimeout: String(passcodeTimeout) } : {}),
    });
  }
}

/** Scenario 4: each member with the host profile and the permissions asked for. */
async function verifyMembers(r: Reading, input: WizardInput<'members-are-hosts'>, ids: Readonly<Record<string, string>>, spaceId: string, hostProfileId: string | undefined) {
  const members = await listAllSpaceMembers(spaceId, {}, r.signal);
  for (const member of input.members) {
    const key = `member:${member.userJid.toLowerCase()}`;
    const id = ids[key] ?? members.items.find((m) => lower(m.userJid) === member.userJid.toLowerCase())?.id;
    if (!id) {
      r.mismatches.push(`${member.userJid} is not a member of the space.`);
      continue;
    }
    const value = await read(r, key, `Member ${member.userJid}`, `coSpaces/${spaceId}/coSpaceUsers/${id}`, coSpaceUserSchema);
    const wanted: Record<string, string> = hostProfileId ? { callLegProfile: hostProfileId } : {};
    for (const permission of MEMBER_PERMISSIONS) wanted[permission] = wireOf(member.permissions[permission]);
    expectFields(r, `Member ${member.userJid}`, value, wanted);
  }
}

/**
 * Reads back every object the wizard set, with CMS's own XML, and says where CMS holds something
 * else. `ids` are `outcome.refs` merged over `plan.ids`; what is missing is looked up (the space
 * by id or URI, the access method by URI and call ID, profiles by where they are attached).
 */
export async function verifyWizard(
  input: WizardInput,
  ids: Readonly<Record<string, string>>,
  signal?: AbortSignal,
  options: VerifyOptions = {},
): Promise<Verification> {
  const r: Reading = { signal, objects: [], mismatches: [] };
  const cards = joinCards(input, options.domain ?? DEFAULT_DOMAIN);

  let spaceId = ids.space ?? (input.space.mode === 'existing' ? input.space.id : undefined);
  if (!spaceId) {
    const found = (await findSpacesByUri(input.space.uri, signal)).find((s) => lower(s.uri) === input.space.uri.toLowerCase());
    spaceId = found?.id;
  }
  if (!spaceId) {
    r.mismatches.push(`CMS has no space with URI ${input.space.uri}.`);
    return { objects: r.objects, mismatches: r.mismatches, joinCards: cards };
  }
  spaceId = spaceId.toLowerCase();

  const space = await read(r, 'space', `Space "${input.space.name}"`, `coSpaces/${spaceId}`, coSpaceSchema);
  expectFields(r, 'The space', space, { uri: input.space.uri, callId: input.space.callId, passcode: input.space.passcode });
  if (input.scenario === 'members-are-hosts' && input.space.ownerJid) expectFields(r, 'The space', space, { ownerJid: input.space.ownerJid });
  if (input.space.nonMemberAccess !== undefined) expectFields(r, 'The space', space, { nonMemberAccess: wireOf(input.space.nonMemberAccess) });

  const guest = await verifyGuestAttachment(r, input, ids, space);
  let call: string | undefined;
  if (input.scenario === 'blank-guest-pin') {
    call = ids.callProfile ?? (input.callProfile.mode === 'existing' ? input.callProfile.id : wireOf(space?.callProfile));
    if (call) expectFields(r, 'The space', space, { callProfile: call });
  }
  const host = await verifyHostAccess(r, input, ids, spaceId);
  await verifyProfiles(r, input, { ...(guest ? { guest } : {}), ...(host ? { host } : {}), ...(call ? { call } : {}) });
  if (input.scenario === 'members-are-hosts') await verifyMembers(r, input, ids, spaceId, host);

  return { spaceId, objects: r.objects, mismatches: r.mismatches, joinCards: cards };
}
