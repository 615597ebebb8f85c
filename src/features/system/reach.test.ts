import { describe, expect, it } from 'vitest';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { countCallLegProfileReach, countCallProfileReach } from './reach';

const { mock } = withMockCms();

describe('reach of a global profile change', () => {
  it('counts spaces without their own callLegProfile and outside a tenant that sets one', async () => {
    const spaces = mock.store.all('coSpace');
    const expectedOwn = spaces.filter((s) => s.values.callLegProfile !== undefined).length;
    const expectedViaTenant = spaces.filter((s) => s.values.callLegProfile === undefined && s.values.tenant === LAB.tenants.acme).length;
    const reach = await countCallLegProfileReach();
    expect(reach).toMatchObject({ total: spaces.length, own: expectedOwn, viaTenant: expectedViaTenant });
    expect(reach.reached).toBe(spaces.length - expectedOwn - expectedViaTenant);
    expect(expectedViaTenant).toBe(1);
  });

  it('reads every space for a callProfile, reporting progress', async () => {
    const spaces = mock.store.all('coSpace');
    const seen: number[] = [];
    const reach = await countCallProfileReach(undefined, (done) => seen.push(done));
    const own = spaces.filter((s) => s.values.callProfile !== undefined).length;
    expect(reach).toMatchObject({ total: spaces.length, own, viaTenant: 0, reached: spaces.length - own });
    expect(seen.at(-1)).toBe(spaces.length);
    expect(reach.requests).toBeGreaterThan(spaces.length);
  });
});
