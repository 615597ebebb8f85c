import { callLegParams } from '../../api/params/call-leg';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import type { Entity, Store, Values } from './store';

export type TraceScope = 'global' | 'tenant' | 'coSpace' | 'accessMethod' | 'coSpaceUser' | 'callOut' | 'callLeg';

/**
 * The callLegProfile parameters a leg can set for itself: a leg's read-only elements that share a
 * profile parameter's name (its display `name`) are not overrides.
 */
export const LEG_OVERRIDES = Object.keys(callLegProfileParams).filter((name) => {
  const def = (callLegParams as Record<string, { access?: string }>)[name];
  return def !== undefined && def.access !== 'readOnly';
});

export interface TraceLevel {
  scope: TraceScope;
  profileId?: string;
  settings: Values;
}

function profileSettings(store: Store, id: unknown): Values {
  if (typeof id !== 'string') return {};
  return store.get('callLegProfile', id)?.values ?? {};
}

function level(store: Store, scope: TraceScope, profileId: unknown, overrides: Values = {}): TraceLevel | undefined {
  const settings = { ...profileSettings(store, profileId), ...overrides };
  if (typeof profileId !== 'string' && Object.keys(overrides).length === 0) return undefined;
  return { scope, ...(typeof profileId === 'string' ? { profileId } : {}), settings };
}

/**
 * The levels CMS walks for a live leg, least specific first: global, the space's tenant, the
 * space, the access method or member it came in through, and the leg's own settings.
 */
export function callLegProfileTrace(store: Store, leg: Entity): TraceLevel[] {
  const call = leg.parent ? store.get('call', leg.parent) : undefined;
  const space = typeof call?.values.coSpace === 'string' ? store.get('coSpace', call.values.coSpace) : undefined;
  const tenant = typeof space?.values.tenant === 'string' ? store.get('tenant', space.values.tenant) : undefined;
  const via = leg.meta.accessMethod ? store.get('accessMethod', leg.meta.accessMethod) : undefined;
  const member = leg.meta.coSpaceUser ? store.get('coSpaceUser', leg.meta.coSpaceUser) : undefined;
  const overrides: Values = {};
  for (const name of LEG_OVERRIDES) {
    const v = leg.values[name];
    if (v !== undefined) overrides[name] = v;
  }
  return [
    level(store, 'global', store.systemProfiles.callLegProfile),
    tenant && level(store, 'tenant', tenant.values.callLegProfile),
    space && level(store, 'coSpace', space.values.callLegProfile),
    via && level(store, 'accessMethod', via.values.callLegProfile),
    member && level(store, 'coSpaceUser', member.values.callLegProfile),
    level(store, 'callLeg', leg.values.callLegProfile, overrides),
  ].filter((l): l is TraceLevel => l !== undefined);
}

export interface Usage {
  scope: 'global' | 'tenant' | 'coSpace' | 'accessMethod' | 'coSpaceUser';
  attributes: Record<string, string>;
}

/** Where a callLegProfile is referenced, as `/callLegProfiles/<id>/usage` lists it. */
export function callLegProfileUsage(store: Store, profileId: string): Usage[] {
  const uses: Usage[] = [];
  const refers = (e: Entity) => e.values.callLegProfile === profileId;
  if (store.systemProfiles.callLegProfile === profileId) uses.push({ scope: 'global', attributes: {} });
  for (const t of store.all('tenant').filter(refers)) uses.push({ scope: 'tenant', attributes: { id: t.id } });
  for (const s of store.all('coSpace').filter(refers)) uses.push({ scope: 'coSpace', attributes: { id: s.id } });
  for (const a of store.all('accessMethod').filter(refers)) {
    uses.push({ scope: 'accessMethod', attributes: { id: a.id, coSpace: a.parent ?? '' } });
  }
  for (const u of store.all('coSpaceUser').filter(refers)) {
    uses.push({ scope: 'coSpaceUser', attributes: { id: u.id, coSpace: u.parent ?? '' } });
  }
  return uses;
}

/** Objects that may name a profile without appearing in `/callLegProfiles/<id>/usage`. */
const OTHER_HOLDERS = ['tenant', 'coSpace', 'cospaceBulkParameterSet', 'coSpaceTemplate', 'accessMethodTemplate'] as const;

/**
 * Whether any object refers to this profile, for `usageFilter=referenced|unreferenced` ("referenced
 * by global settings or any other object": templates count, assumed, though `/usage` omits them).
 */
export function isReferenced(store: Store, kind: string, id: string): boolean {
  if (kind === 'callLegProfile' && callLegProfileUsage(store, id).length > 0) return true;
  const field = kind;
  if (store.systemProfiles[field] === id) return true;
  return OTHER_HOLDERS.some((k) => store.all(k).some((e) => e.values[field] === id));
}
