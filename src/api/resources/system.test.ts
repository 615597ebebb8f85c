import { describe, expect, it } from 'vitest';
import { failureForField } from '../transport/failure-fields';
import {
  getCallBridge,
  getSystemProfiles,
  getSystemStatus,
  listAllCallBridges,
  listCallBridges,
  systemQueries,
  updateSystemProfiles,
} from './system';
import { LAB, withMockCms } from '../../testing/mock-cms';

const { mock } = withMockCms();

describe('system', () => {
  it('reads the status with typed values', async () => {
    const status = await getSystemStatus();
    expect(status.softwareVersion).toEqual(expect.any(String));
    expect(status.activated).toBe(true);
    expect(status.clusterEnabled).toBe(true);
    expect(typeof status.uptimeSeconds).toBe('number');
    expect(status.callLegsActive).toBe(0);
  });

  it("reads and writes the global profiles: omitted stays, '' unsets", async () => {
    expect(await getSystemProfiles()).toMatchObject({ callLegProfile: LAB.callLegProfiles.global });
    await updateSystemProfiles({ callProfile: LAB.callProfiles.passcodeTimeout });
    expect(await getSystemProfiles()).toMatchObject({ callLegProfile: LAB.callLegProfiles.global, callProfile: LAB.callProfiles.passcodeTimeout });
    await updateSystemProfiles({ callLegProfile: '' });
    const after = await getSystemProfiles();
    expect(after.callLegProfile).toBeUndefined();
    expect(after.callProfile).toBe(LAB.callProfiles.passcodeTimeout);
    expect(mock.store.systemProfiles).toEqual({ callProfile: LAB.callProfiles.passcodeTimeout });

    const error = await updateSystemProfiles({ callProfile: '00000000-0000-4000-8000-00000000dead' }).catch((e: unknown) => e);
    expect(failureForField(error, 'callProfile')?.code).toBe('callProfileDoesNotExist');
  });

  it('lists the call bridges and reads one', async () => {
    const page = await listCallBridges();
    expect(page.total).toBe(2);
    const all = await listAllCallBridges();
    expect(all.items.map((b) => b.id)).toEqual([LAB.callBridges.core1, LAB.callBridges.core2]);
    expect(await getCallBridge(LAB.callBridges.core2)).toMatchObject({ name: 'CallBridge-Core2', address: 'https://14.80.82.31' });
  });

  it('keys everything under [cms, system]', () => {
    expect(systemQueries.status().queryKey).toEqual(['cms', 'system', 'status']);
    expect(systemQueries.profiles().queryKey).toEqual(['cms', 'system', 'profiles']);
    expect(systemQueries.callBridge('b').queryKey.slice(0, 3)).toEqual(systemQueries.callBridges().queryKey);
  });
});
