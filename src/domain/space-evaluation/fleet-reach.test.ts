import { describe, expect, it } from 'vitest';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { callProfileParams } from '../../api/params/call-profile';
import type { ParamTable } from '../../api/params/param-def';
import { createCallLegProfile, getCallLegProfile } from '../../api/resources/call-leg-profiles';
import { getCallProfile } from '../../api/resources/call-profiles';
import { updateSystemProfiles } from '../../api/resources/system';
import { updateTenant } from '../../api/resources/tenants';
import { callLegProfileTrace } from '../../mocks/cms/profile-scopes';
import { REACH } from '../../mocks/cms/seeds/reach';
import type { Store } from '../../mocks/cms/store';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { fleetReach } from './fleet-reach';
import type { ProfileChange } from './reach';

const { mock, server } = withMockCms();

const LEG_TABLE = callLegProfileParams as ParamTable;

/**
 * The oracle: for every way into every space, a leg in the mock's store and CMS's own
 * callLegProfileTrace for it, each parameter taken from the last level that sets it.
 */
function tracedWaysIn(store: Store): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const space of store.all('coSpace')) {
    const call = store.insert('call', { coSpace: space.id, name: 'oracle' });
    const legs: Array<[string, Record<string, string>]> = [];
    for (const field of ['uri', 'secondaryUri', 'callId']) if (space.values[field]) legs.push([`space:${field}`, {}]);
    for (const m of store.all('accessMethod', space.id)) if (m.values.uri || m.values.callId) legs.push([`accessMethod:${m.id}`, { accessMethod: m.id }]);
    for (const m of store.all('coSpaceUser', space.id)) legs.push([`member:${m.id}`, { coSpaceUser: m.id }]);
    const ways = new Map<string, string>();
    for (const [key, meta] of legs) {
      const levels = callLegProfileTrace(store, store.insert('callLeg', {}, { parent: call.id, meta }));
      // A profile's name is no behaviour a leg inherits.
      const inForce = Object.keys(LEG_TABLE).filter((param) => param !== 'name').map((param) => {
        const setter = [...levels].reverse().find((l) => l.settings[param] !== undefined);
        return `${param}=${String(setter ? setter.settings[param] : LEG_TABLE[param]?.default)}`;
      });
      ways.set(key, inForce.join('&'));
    }
    store.delete('call', call.id);
    out.set(space.id, ways);
  }
  return out;
}

function changedWays(before: Map<string, Map<string, string>>, after: Map<string, Map<string, string>>) {
  const spaces: string[] = [];
  let paths = 0;
  const roles: string[] = [];
  for (const [spaceId, ways] of before) {
    let changed = false;
    for (const [key, was] of ways) {
      const now = after.get(spaceId)?.get(key);
      if (now === was) continue;
      changed = true;
      paths++;
      const role = (text: string | undefined) => (/needsActivation=true/.test(text ?? '') ? 'guest' : 'host');
      if (role(was) !== role(now)) roles.push(`${spaceId} ${key}: ${role(was)} → ${role(now)}`);
    }
    if (changed) spaces.push(spaceId);
  }
  return { spaces: spaces.sort(), paths, roles: roles.sort() };
}

const announced = (reach: Awaited<ReturnType<typeof fleetReach>>) => ({
  spaces: reach.spaces.map((s) => s.spaceId).sort(),
  paths: reach.pathsChanged,
  roles: reach.roleChanges.map((r) => `${r.spaceId} ${r.key}: ${r.from} → ${r.to}`).sort(),
});

describe('the reach of a profile change, against what CMS then applies', () => {
  it('global callLegProfile on the reach seed: the spaces, ways in and role changes CMS then traces', async () => {
    mock.reset('reach');
    const next = REACH.callLegProfiles.next;
    // The new profile is read by fleetReach itself when the caller does not give it.
    const change: ProfileChange = { kind: 'callLegProfile', level: { scope: 'global' }, to: next };
    const progress: number[] = [];
    let sent = 0;
    const onRequest = ({ request }: { request: Request }) => void (new URL(request.url).pathname.startsWith('/api/v1/') && sent++);
    server.events.on('request:start', onRequest);
    const reach = await fleetReach(change, { onProgress: (done) => progress.push(done) });
    server.events.removeListener('request:start', onRequest);
    // The count the review prints is the requests CMS saw, pages included.
    expect(reach.requests).toBe(sent);

    const before = tracedWaysIn(mock.store);
    await updateSystemProfiles({ callLegProfile: next });
    const oracle = changedWays(before, tracedWaysIn(mock.store));

    expect(announced(reach)).toEqual(oracle);
    expect(reach.scopeSpaces).toBe(20);
    expect(reach.spaces).toHaveLength(14);
    expect(reach.roleChanges.length).toBeGreaterThan(0);
    expect(reach.params.map((p) => p.param).sort()).toEqual(['deactivationModeTime', 'muteOthersAllowed', 'needsActivation']);
    // The five spaces whose tenant or own profile sets every changed parameter are not read one by one.
    expect(reach.spacesRead).toBe(15);
    expect(progress.at(-1)).toBe(15);
  });

  it('a profile with the same settings under another name reaches nothing, and reads no space one by one', async () => {
    mock.reset('reach');
    const twin = await createCallLegProfile({ name: 'Global twin', participantLabels: true, muteOthersAllowed: true });
    const reach = await fleetReach({ kind: 'callLegProfile', level: { scope: 'global' }, to: twin });
    expect(reach).toMatchObject({ spaces: [], pathsChanged: 0, spacesRead: 0, roleChanges: [] });
  });

  it('a tenant callLegProfile change reaches only that tenant’s spaces', async () => {
    mock.reset('reach');
    const to = REACH.callLegProfiles.layout;
    const change: ProfileChange = { kind: 'callLegProfile', level: { scope: 'tenant', tenantId: REACH.tenants.guest }, to, profile: await getCallLegProfile(to) };
    const reach = await fleetReach(change);
    const before = tracedWaysIn(mock.store);
    await updateTenant(REACH.tenants.guest, { callLegProfile: to });
    expect(announced(reach)).toEqual(changedWays(before, tracedWaysIn(mock.store)));
    expect(reach.scopeSpaces).toBe(1);
    expect(reach.roleChanges.map((r) => r.key)).toEqual(['space:uri', 'space:callId']);
  });

  it('unsetting the global callLegProfile of the lab', async () => {
    const change: ProfileChange = { kind: 'callLegProfile', level: { scope: 'global' }, to: '' };
    const reach = await fleetReach(change);
    const before = tracedWaysIn(mock.store);
    await updateSystemProfiles({ callLegProfile: '' });
    expect(announced(reach)).toEqual(changedWays(before, tracedWaysIn(mock.store)));
    expect(reach.roleChanges).toEqual([]);
  });

  it('a global callProfile change, per callProfile parameter, on the lab', async () => {
    const to = LAB.callProfiles.passcodeTimeout;
    const change: ProfileChange = { kind: 'callProfile', level: { scope: 'global' }, to, profile: await getCallProfile(to) };
    const reach = await fleetReach(change);
    const CP_TABLE = callProfileParams as ParamTable;
    const resolveAll = () =>
      new Map(
        mock.store.all('coSpace').map((space) => {
          const tenant = typeof space.values.tenant === 'string' ? mock.store.get('tenant', space.values.tenant) : undefined;
          const ids = [mock.store.systemProfiles.callProfile, tenant?.values.callProfile, space.values.callProfile];
          const levels = ids.flatMap((id) => (typeof id === 'string' ? [mock.store.get('callProfile', id)?.values ?? {}] : []));
          return [space.id, Object.keys(CP_TABLE).map((param) => String([...levels].reverse().find((l) => l[param] !== undefined)?.[param])).join('&')];
        }),
      );
    const before = resolveAll();
    await updateSystemProfiles({ callProfile: to });
    const after = resolveAll();
    const changed = [...before].filter(([id, was]) => after.get(id) !== was).map(([id]) => id).sort();
    expect(reach.spaces.map((s) => s.spaceId).sort()).toEqual(changed);
    expect(changed.length).toBeGreaterThan(0);
    expect(reach.spaces.find((s) => s.spaceId === LAB.coSpaces.guestPin)).toBeUndefined();
    expect(reach.params.map((p) => p.param).sort()).toEqual(['passcodeMode', 'passcodeTimeout']);
  });
});
