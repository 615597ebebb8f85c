import { describe, expect, it } from 'vitest';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import type { ParamDef, ParamTable, ParamValue } from '../../api/params/param-def';
import { callLegProfileTrace } from '../../mocks/cms/profile-scopes';
import { Store, type Entity, type Values } from '../../mocks/cms/store';
import { joinPaths } from './join-paths';
import type { CallLegLevel, CallLegProfileParam, SpaceModel } from './model';
import { resolveCallLegProfile } from './resolve';

/** mulberry32: small, seeded, good enough to pick random stacks reproducibly. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Random = ReturnType<typeof random>;

const TABLE = callLegProfileParams as ParamTable;
const PARAMS = Object.keys(TABLE) as CallLegProfileParam[];

function randomValue(r: Random, def: ParamDef): ParamValue {
  switch (def.type) {
    case 'boolean':
      return r.chance(0.5);
    case 'integer':
      return r.int(def.min ?? 0, Math.min(def.max ?? 100, 100));
    case 'enum':
      return r.pick(def.values);
    case 'id':
      return crypto.randomUUID();
    default:
      return `text-${r.int(0, 9)}`;
  }
}

/** A profile setting a random few parameters (sometimes none, sometimes many). */
function randomSettings(r: Random): Values {
  const values: Values = {};
  const density = r.pick([0, 0.05, 0.2, 0.6]);
  for (const name of PARAMS) if (r.chance(density)) values[name] = randomValue(r, TABLE[name] as ParamDef);
  if (r.chance(0.5)) values.needsActivation = r.chance(0.5);
  return values;
}

/** "Last level that sets it", written the plain way, as the blueprint's trace prose says. */
function lastLevelThatSets(levels: ReadonlyArray<{ scope: string; profileId?: string; settings: Values }>, name: string) {
  let found: { value: ParamValue | undefined; scope: string; profileId?: string } = { value: TABLE[name]?.default, scope: 'default' };
  for (const level of levels) {
    const value = level.settings[name];
    if (value !== undefined) found = { value, scope: level.scope, ...(level.profileId ? { profileId: level.profileId } : {}) };
  }
  return found;
}

interface World {
  store: Store;
  space: Entity;
  methods: Entity[];
  members: Entity[];
  call: Entity;
}

/** A random CMS: global, tenant, space, access method and member profiles, some dangling. */
function randomWorld(r: Random): World {
  const store = new Store();
  const profiles = Array.from({ length: r.int(1, 6) }, () => store.insert('callLegProfile', randomSettings(r)).id);
  const reference = () => (r.chance(0.15) ? crypto.randomUUID() : r.pick(profiles));
  const maybe = (p: number) => (r.chance(p) ? reference() : undefined);
  const global = maybe(0.7);
  if (global) store.systemProfiles = { callLegProfile: global };
  const tenantProfile = maybe(0.7);
  const tenant = r.chance(0.6) ? store.insert('tenant', { name: 'T', ...(tenantProfile ? { callLegProfile: tenantProfile } : {}) }) : undefined;
  const spaceProfile = maybe(0.8);
  const space = store.insert('coSpace', {
    name: 'S',
    uri: 'random.space',
    callId: '4242',
    ...(tenant ? { tenant: tenant.id } : {}),
    ...(spaceProfile ? { callLegProfile: spaceProfile } : {}),
  });
  const methods = Array.from({ length: r.int(0, 3) }, (_, i) => {
    const profile = maybe(0.7);
    return store.insert('accessMethod', { uri: `am${i}`, passcode: String(i), ...(profile ? { callLegProfile: profile } : {}) }, { parent: space.id });
  });
  const members = Array.from({ length: r.int(0, 3) }, (_, i) => {
    const profile = maybe(0.6);
    return store.insert('coSpaceUser', { userJid: `u${i}@x`, userId: crypto.randomUUID(), ...(profile ? { callLegProfile: profile } : {}) }, { parent: space.id });
  });
  const call = store.insert('call', { coSpace: space.id, name: 'S' });
  return { store, space, methods, members, call };
}

/** What loadSpaceModel would read from that CMS. */
function modelOf({ store, space, methods, members }: World): SpaceModel {
  const callLegProfiles = new Map(store.all('callLegProfile').map((p) => [p.id, { id: p.id, ...p.values }]));
  const tenant = typeof space.values.tenant === 'string' ? store.get('tenant', space.values.tenant) : undefined;
  const referenced = [
    store.systemProfiles.callLegProfile,
    tenant?.values.callLegProfile,
    space.values.callLegProfile,
    ...methods.map((m) => m.values.callLegProfile),
    ...members.map((m) => m.values.callLegProfile),
  ].filter((id): id is string => typeof id === 'string');
  const model: SpaceModel = {
    space: { id: space.id, ...space.values },
    accessMethods: methods.map((m) => ({ id: m.id, ...m.values })),
    members: members.map((m) => ({ id: m.id, ...m.values })),
    systemProfiles: { ...store.systemProfiles },
    callLegProfiles,
    callProfiles: new Map(),
    missingProfiles: new Set(referenced.filter((id) => !callLegProfiles.has(id))),
  };
  if (tenant) model.tenant = { id: tenant.id, ...tenant.values };
  return model;
}

const RUNS = 300;

describe('resolution against the mock CMS callLegProfileTrace', () => {
  it('picks, for random level stacks, the value of the last level that sets each parameter', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = random(seed);
      const world = randomWorld(r);
      const via = world.methods.length > 0 && r.chance(0.5) ? r.pick(world.methods) : undefined;
      const member = world.members.length > 0 && r.chance(0.5) ? r.pick(world.members) : undefined;
      const overrides = r.chance(0.4) ? randomSettings(r) : {};
      const leg = world.store.insert('callLeg', overrides, {
        parent: world.call.id,
        meta: { ...(via ? { accessMethod: via.id } : {}), ...(member ? { coSpaceUser: member.id } : {}) },
      });
      const trace = callLegProfileTrace(world.store, leg);
      const resolved = resolveCallLegProfile(trace as CallLegLevel[]);
      for (const name of PARAMS) {
        expect(resolved[name], `seed ${seed}, ${name}`).toEqual(lastLevelThatSets(trace, name));
      }
    }
  });

  it('predicts for each access method and member the levels and values a live leg would trace', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = random(10_000 + seed);
      const world = randomWorld(r);
      const paths = joinPaths(modelOf(world));
      const legs: Array<[string, Entity]> = [
        ['space:uri', world.store.insert('callLeg', {}, { parent: world.call.id })],
        ...world.methods.map((m): [string, Entity] => [`accessMethod:${m.id}`, world.store.insert('callLeg', {}, { parent: world.call.id, meta: { accessMethod: m.id } })]),
        ...world.members.map((m): [string, Entity] => [`member:${m.id}`, world.store.insert('callLeg', {}, { parent: world.call.id, meta: { coSpaceUser: m.id } })]),
      ];
      for (const [key, leg] of legs) {
        const path = paths.find((p) => p.key === key);
        const trace = callLegProfileTrace(world.store, leg);
        expect(path?.levels, `seed ${seed}, ${key}`).toEqual(trace);
        for (const name of PARAMS) expect(path?.resolved[name], `seed ${seed}, ${key}, ${name}`).toEqual(lastLevelThatSets(trace, name));
      }
    }
  });
});
