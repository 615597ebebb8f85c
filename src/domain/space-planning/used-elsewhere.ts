import type { CoSpace } from '../../api/params/schemas';
import { listAllDialInSecurityProfiles } from '../../api/resources/dial-in-security';
import { findSpacesByUri, getSpace, listAllSpaces } from '../../api/resources/spaces';
import { listAllTenants } from '../../api/resources/tenants';
import { isCmsError } from '../../api/transport/errors';
import { isCallIdReachable, queryUriUsage } from '../../api/resources/uri-usage';
import { effectivePinRule, pinTooShort } from '../dial-in/pin-length';
import { uriClash, type UriHolder } from '../dial-in/uri-holders';
import { mapLimited } from '../../lib/limit';
import type { WizardInput, WizardPath } from './wizard-schema';
import { wireOf, type Desired } from './desired';
import type { CurrentState, FieldIssue } from './types';

const CONCURRENCY = 4;

type Space = CoSpace & { id: string };
const hasId = (space: CoSpace): space is Space => typeof space.id === 'string' && space.id !== '';
const lower = (text: string | undefined) => (text ?? '').toLowerCase();

function spaceLabel(space: Space): string {
  return space.name ? `the space "${space.name}" (${space.id})` : `the space ${space.id}`;
}

/**
 * Every space and IVR using a URI: `POST /uriUsageQuery` once without a tenant and once per
 * tenant (CMS answers per tenant). Cost: 1 + T requests per URI, T tenants, whatever the number
 * of spaces — never skipped.
 */
async function uriHolders(uri: string, tenants: readonly string[], signal?: AbortSignal) {
  const uses = await mapLimited([undefined, ...tenants], CONCURRENCY, (tenant) => queryUriUsage(uri, tenant, signal));
  return { spaceIds: [...new Set(uses.flatMap((u) => u.coSpaceIds))], ivrIds: uses.flatMap((u) => u.ivrIds) };
}

async function uriIssue(value: string, self: string | undefined, tenants: readonly string[], signal?: AbortSignal): Promise<string | undefined> {
  const [byList, usage] = await Promise.all([findSpacesByUri(value, signal), uriHolders(value, tenants, signal)]);
  const named = new Map(byList.filter(hasId).map((s) => [s.id.toLowerCase(), s]));
  const holders: UriHolder[] = await mapLimited([...new Set([...named.keys(), ...usage.spaceIds])], CONCURRENCY, async (id) => {
    const own = named.get(id);
    if (own) return { spaceId: own.id, ...(own.name ? { spaceName: own.name } : {}), ownUri: true };
    const space = id === self ? undefined : await getSpace(id, signal).catch(() => undefined);
    return { spaceId: id, ...(space?.name ? { spaceName: space.name } : {}), ownUri: false };
  });
  const clash = uriClash(value, { spaces: holders, ivrIds: usage.ivrIds }, self);
  const own = holders.find((h) => h.ownUri && h.spaceId.toLowerCase() !== self);
  if (own && lower(named.get(own.spaceId.toLowerCase())?.uri) !== lower(value)) return clash?.replace('the URI of', 'the secondary URI of');
  return clash;
}

async function callIdIssue(value: string, desired: Desired, signal?: AbortSignal): Promise<string | undefined> {
  const self = desired.space.id?.toLowerCase();
  const list = await listAllSpaces({ filter: value }, signal);
  const other = list.items.filter(hasId).find((s) => wireOf(s.callId) === value && s.id.toLowerCase() !== self);
  if (other) return `The call ID ${value} is already used by ${spaceLabel(other)}. A call ID can lead to one space only; choose another.`;
  // No space has it: an access method may. This space's own are checked inside it; any other answers accessQuery.
  const snapshot = desired.space.snapshot;
  if (wireOf(snapshot?.space.callId) === value || (snapshot?.accessMethods ?? []).some((m) => wireOf(m.callId) === value)) return undefined;
  if (!(await isCallIdReachable(value, signal))) return undefined;
  return `The call ID ${value} is already used by an access method of another space. A call ID can lead to one space only; choose another.`;
}

/** Where a URI or call ID the wizard sets is already in use elsewhere. */
export async function usedElsewhere(input: WizardInput, desired: Desired, signal?: AbortSignal): Promise<FieldIssue[]> {
  const self = desired.space.id?.toLowerCase();
  const uris: Array<{ field: WizardPath; value: string }> = [{ field: 'space.uri', value: input.space.uri }];
  if (lower(input.access.uri) !== lower(input.space.uri)) uris.push({ field: 'access.uri', value: input.access.uri });
  const callIds: Array<{ field: WizardPath; value: string }> = [{ field: 'space.callId', value: input.space.callId }];
  if (input.access.callId !== input.space.callId) callIds.push({ field: 'access.callId', value: input.access.callId });
  const tenants = (await listAllTenants({}, signal)).items.flatMap((t) => (t.id ? [t.id.toLowerCase()] : []));
  const checks = [
    ...uris.filter((u) => u.value !== '').map(async ({ field, value }) => ({ field, message: await uriIssue(value, self, tenants, signal) })),
    ...callIds.filter((c) => c.value !== '').map(async ({ field, value }) => ({ field, message: await callIdIssue(value, desired, signal) })),
  ];
  return (await Promise.all(checks)).flatMap(({ field, message }) => (message ? [{ field, message }] : []));
}

/** PINs CMS would refuse with passcodeTooShort, against the dial-in security profile in force for each. */
export async function pinLengthIssues(input: WizardInput, current: CurrentState, desired: Desired, signal?: AbortSignal): Promise<FieldIssue[]> {
  if (input.space.passcode === '' && input.access.passcode === '') return [];
  // A CMS before 3.0 has no /dialInSecurityProfiles (404): no profile, no minimum.
  const list = await listAllDialInSecurityProfiles({}, signal).catch((error: unknown) => {
    if (isCmsError(error) && error.status === 404) return { items: [] };
    throw error;
  });
  const rules = list.items.flatMap((p) => (p.id ? [{ ...p, id: p.id }] : []));
  if (rules.length === 0) return [];
  const snapshot = desired.space.snapshot;
  const tenantId = desired.space.mode === 'create' ? desired.space.fields.tenant : lower(wireOf(snapshot?.space.tenant)) || undefined;
  const chain = {
    space: wireOf(snapshot?.space.dialInSecurityProfile) || undefined,
    tenant: tenantId ? wireOf(current.tenants[tenantId]?.dialInSecurityProfile) || undefined : undefined,
    system: wireOf(current.systemProfiles.dialInSecurityProfile) || undefined,
  };
  const methodId = desired.accessMethod.same?.id ?? desired.accessMethod.update?.id;
  const method = snapshot?.accessMethods.find((m) => m.id === methodId);
  const issues: FieldIssue[] = [];
  const guest = pinTooShort(input.space.passcode, effectivePinRule(chain, rules), 'The guest');
  if (guest) issues.push({ field: 'space.passcode', message: guest });
  const host = pinTooShort(input.access.passcode, effectivePinRule({ ...chain, accessMethod: wireOf(method?.dialInSecurityProfile) || undefined }, rules), 'The host');
  if (host) issues.push({ field: 'access.passcode', message: host });
  return issues;
}
