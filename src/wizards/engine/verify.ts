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
import { MEMBER_PERMISSIONS } from '../wizard-fields';
import type { WizardInput } from '../wizard-schema';
import { sameWire, wireOf } from './desired';
import { DEFAULT_DOMAIN, joinCards } from './join-cards';
import type { JoinCard } from './types';

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
  const objects: VerifiedObject[] = [];
  const mismatches: string[] = [];
  const cards = joinCards(input, options.domain ?? DEFAULT_DOMAIN);

  let spaceId = ids.space ?? (input.space.mode === 'existing' ? input.space.id : undefined);
  if (!spaceId) {
    const found = (await findSpacesByUri(input.space.uri, signal)).find((s) => lower(s.uri) === input.space.uri.toLowerCase());
    spaceId = found?.id;
  }
  if (!spaceId) {
    mismatches.push(`CMS has no space with URI ${input.space.uri}.`);
    return { objects, mismatches, joinCards: cards };
  }
  spaceId = spaceId.toLowerCase();

  const expect = (what: string, value: Record<string, unknown> | undefined, wanted: Record<string, string>) => {
    if (!value) return;
    for (const [field, want] of Object.entries(wanted)) {
      const have = wireOf(value[field]);
      if (!sameWire(field, have, want)) mismatches.push(`${what} has ${field} "${have}" where the wizard set "${want}".`);
    }
  };

  const space = await readObject('space', `Space "${input.space.name}"`, `coSpaces/${spaceId}`, coSpaceSchema, signal);
  objects.push(space);
  const spaceValue = space.value;
  expect('The space', spaceValue, { uri: input.space.uri, callId: input.space.callId, passcode: input.space.passcode });
  if (input.scenario === 'members-are-hosts' && input.space.ownerJid) expect('The space', spaceValue, { ownerJid: input.space.ownerJid });
  if (input.space.nonMemberAccess !== undefined) expect('The space', spaceValue, { nonMemberAccess: wireOf(input.space.nonMemberAccess) });

  // Where the guest profile is attached.
  let guestProfileId = ids.guestProfile;
  if (input.profiles.guestScope === 'tenant' && input.profiles.tenantId) {
    const tenant = await readObject('tenant', 'Tenant', `tenants/${input.profiles.tenantId}`, tenantSchema, signal);
    objects.push(tenant);
    guestProfileId ??= wireOf(tenant.value?.callLegProfile);
    if (guestProfileId) expect('The tenant', tenant.value, { callLegProfile: guestProfileId });
  } else if (input.profiles.guestScope === 'system') {
    const system = await readObject('systemProfiles', 'System (global) profiles', 'system/profiles', systemProfilesSchema, signal);
    objects.push(system);
    guestProfileId ??= wireOf(system.value?.callLegProfile);
    if (guestProfileId) expect('The system profiles', system.value, { callLegProfile: guestProfileId });
  } else {
    guestProfileId ??= input.profiles.guest.mode === 'existing' ? input.profiles.guest.id : wireOf(spaceValue?.callLegProfile);
    if (guestProfileId) expect('The space', spaceValue, { callLegProfile: guestProfileId });
  }

  let callProfileId: string | undefined;
  if (input.scenario === 'blank-guest-pin') {
    callProfileId = ids.callProfile ?? (input.callProfile.mode === 'existing' ? input.callProfile.id : wireOf(spaceValue?.callProfile));
    if (callProfileId) expect('The space', spaceValue, { callProfile: callProfileId });
  }

  // The host access method.
  let accessMethodId = ids.accessMethod;
  if (!accessMethodId) {
    const methods = await listAllAccessMethods(spaceId, {}, signal);
    accessMethodId = methods.items.find(
      (m) => lower(m.uri) === input.access.uri.toLowerCase() && wireOf(m.callId) === input.access.callId && wireOf(m.passcode) === input.access.passcode,
    )?.id;
  }
  let hostProfileId = ids.hostProfile ?? (input.profiles.host.mode === 'existing' ? input.profiles.host.id : undefined);
  if (accessMethodId) {
    const am = await readObject('accessMethod', 'Host access method', `coSpaces/${spaceId}/accessMethods/${accessMethodId}`, accessMethodSchema, signal);
    objects.push(am);
    hostProfileId ??= wireOf(am.value?.callLegProfile);
    expect('The host access method', am.value, {
      uri: input.access.uri,
      callId: input.access.callId,
      passcode: input.access.passcode,
      ...(hostProfileId ? { callLegProfile: hostProfileId } : {}),
    });
  } else {
    mismatches.push(`The space has no access method with URI ${input.access.uri}, call ID ${input.access.callId} and the host PIN.`);
  }

  if (guestProfileId) {
    const guest = await readObject('guestProfile', 'Guest call leg profile', `callLegProfiles/${guestProfileId}`, callLegProfileSchema, signal);
    objects.push(guest);
    expect('The guest call leg profile', guest.value, { needsActivation: 'true' });
  }
  if (hostProfileId) {
    const host = await readObject('hostProfile', 'Host call leg profile', `callLegProfiles/${hostProfileId}`, callLegProfileSchema, signal);
    objects.push(host);
    expect('The host call leg profile', host.value, { needsActivation: 'false' });
  }
  if (callProfileId) {
    const cp = await readObject('callProfile', 'Call profile', `callProfiles/${callProfileId}`, callProfileSchema, signal);
    objects.push(cp);
    if (input.scenario === 'blank-guest-pin' && input.callProfile.mode === 'create') {
      expect('The call profile', cp.value, {
        passcodeMode: input.callProfile.passcodeMode,
        ...(input.callProfile.passcodeMode === 'timeout' && input.callProfile.passcodeTimeout !== undefined
          ? { passcodeTimeout: String(input.callProfile.passcodeTimeout) }
          : {}),
      });
    }
  }

  if (input.scenario === 'members-are-hosts') {
    const members = await listAllSpaceMembers(spaceId, {}, signal);
    for (const member of input.members) {
      const key = `member:${member.userJid.toLowerCase()}`;
      const id = ids[key] ?? members.items.find((m) => lower(m.userJid) === member.userJid.toLowerCase())?.id;
      if (!id) {
        mismatches.push(`${member.userJid} is not a member of the space.`);
        continue;
      }
      const read = await readObject(key, `Member ${member.userJid}`, `coSpaces/${spaceId}/coSpaceUsers/${id}`, coSpaceUserSchema, signal);
      objects.push(read);
      const wanted: Record<string, string> = hostProfileId ? { callLegProfile: hostProfileId } : {};
      for (const permission of MEMBER_PERMISSIONS) wanted[permission] = wireOf(member.permissions[permission]);
      expect(`Member ${member.userJid}`, read.value, wanted);
    }
  }

  return { spaceId, objects, mismatches, joinCards: cards };
}
