import { describe, expect, it } from 'vitest';
import {
  callProfileQueries,
  createCallProfile,
  deleteCallProfile,
  getCallProfile,
  listAllCallProfiles,
  updateCallProfile,
} from './call-profiles';
import { LAB, withMockCms } from '../../testing/mock-cms';

const { mock } = withMockCms();

describe('callProfiles', () => {
  it("reads the guide's passcode-timeout profile with typed values", async () => {
    const profile = await getCallProfile(LAB.callProfiles.passcodeTimeout);
    expect(profile).toMatchObject({ passcodeMode: 'timeout', passcodeTimeout: 5 });
    expect(await getCallProfile(LAB.callProfiles.tms)).toMatchObject({ participantLimit: 1000, messageBoardEnabled: false });
    expect((await listAllCallProfiles()).items.map((p) => p.id)).toEqual([LAB.callProfiles.passcodeTimeout, LAB.callProfiles.tms]);
  });

  it("creates, updates ('' unsets, omitted stays) and deletes", async () => {
    const id = await createCallProfile({ passcodeMode: 'required', participantLimit: 20 });
    await updateCallProfile(id, { passcodeMode: '', locked: true });
    const after = await getCallProfile(id);
    expect(after).toMatchObject({ participantLimit: 20, locked: true });
    expect(after.passcodeMode).toBeUndefined();
    await deleteCallProfile(id);
    expect(mock.store.get('callProfile', id)).toBeUndefined();
  });

  it('keys under [cms, callProfiles]', () => {
    expect(callProfileQueries.detail('p').queryKey).toEqual(['cms', 'callProfiles', 'detail', 'p']);
  });
});
