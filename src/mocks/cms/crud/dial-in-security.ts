import type { Entity, Store } from '../store';
import { badRequest } from '../wire';

/**
 * The dial-in security profile in force for a space or access method: its own, else (for an
 * access method) its space's, else the space's tenant's, else the system's — the same most-
 * specific-wins order as the other profiles.
 */
export function effectiveDialInSecurity(store: Store, entity: Entity): Entity | undefined {
  const space = entity.kind === 'accessMethod' ? store.get('coSpace', entity.parent ?? '') : entity;
  const tenantId = space?.values.tenant;
  const tenant = typeof tenantId === 'string' ? store.get('tenant', tenantId) : undefined;
  const chain = [
    entity.values.dialInSecurityProfile,
    entity.kind === 'accessMethod' ? space?.values.dialInSecurityProfile : undefined,
    tenant?.values.dialInSecurityProfile,
    store.systemProfiles.dialInSecurityProfile,
  ];
  for (const id of chain) {
    const profile = typeof id === 'string' ? store.get('dialInSecurityProfile', id) : undefined;
    if (profile) return profile;
  }
  return undefined;
}

/**
 * passcodeTooShort: a set passcode shorter than the effective profile's minPasscodeLength. An
 * empty passcode (no PIN) is not a short one: a blank guest PIN stays possible (assumed; the
 * blueprint only names the failure).
 */
export function checkPasscodeLength(store: Store, entity: Entity): void {
  const passcode = entity.values.passcode;
  if (typeof passcode !== 'string' || passcode === '') return;
  const min = effectiveDialInSecurity(store, entity)?.values.minPasscodeLength;
  if (typeof min === 'number' && passcode.length < min) throw badRequest('passcodeTooShort');
}

/** duplicateCallBridgeName: a clustered Call Bridge's name is unique (compared without case). */
export function checkCallBridgeName(store: Store, entity: Entity): void {
  const name = entity.values.name;
  if (typeof name !== 'string') return;
  const clash = store.all('callBridge').some((b) => b.id !== entity.id && String(b.values.name ?? '').toLowerCase() === name.toLowerCase());
  if (clash) throw badRequest('duplicateCallBridgeName');
}
