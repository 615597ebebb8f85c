import { describe, expect, it } from 'vitest';
import { failureForField } from '../transport/failure-fields';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { createTenant, deleteTenant, getTenant, listAllTenants, listTenants, tenantQueries, updateTenant } from './tenants';

const { mock } = withMockCms();

describe('tenants', () => {
  it('reads the lab tenant and its profile', async () => {
    expect(await getTenant(LAB.tenants.acme)).toMatchObject({ id: LAB.tenants.acme, name: 'Acme', callLegProfile: LAB.callLegProfiles.tenantGuest });
    expect((await listTenants({ filter: 'acm' })).items.map((t) => t.id)).toEqual([LAB.tenants.acme]);
    expect((await listTenants({ callLegProfileFilter: LAB.callLegProfiles.tenantGuest })).total).toBe(1);
  });

  it("creates, updates ('' unsets) and deletes a tenant", async () => {
    const id = await createTenant({ name: 'Globex', callLegProfile: LAB.callLegProfiles.guest, participantLimit: 50 });
    expect((await listAllTenants()).total).toBe(2);
    await updateTenant(id, { callLegProfile: '' });
    const after = await getTenant(id);
    expect(after).toMatchObject({ name: 'Globex', participantLimit: 50 });
    expect(after.callLegProfile).toBeUndefined();
    await deleteTenant(id);
    expect(mock.store.get('tenant', id)).toBeUndefined();
  });

  it('maps a missing tenant on a space write onto the tenant field', async () => {
    const { createSpace } = await import('./spaces');
    const error = await createSpace({ name: 'Orphan', tenant: '00000000-0000-4000-8000-00000000dead' }).catch((e: unknown) => e);
    expect(failureForField(error, 'tenant')?.code).toBe('tenantDoesNotExist');
  });

  it('keys under [cms, tenants]', () => {
    expect(tenantQueries.detail('t').queryKey).toEqual(['cms', 'tenants', 'detail', 't']);
  });
});
