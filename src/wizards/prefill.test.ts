import { describe, expect, it } from 'vitest';
import type { CurrentState, SpaceSnapshot } from '../domain/space-planning/types';
import { valuesFromSnapshot } from './prefill';
import { guideExample } from '../domain/space-planning/wizard-schema';

const GUEST = 'd4bfe12d-68cd-41c0-a671-48395ee170ab';
const HOST = '7306d2c1-bc15-4dbf-ab4a-1cbdaabd1912';
const CALL_PROFILE = '4b0eff60-e4aa-4303-8646-a7e800a4eac6';
const SPACE = '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46';

const current = {
  callLegProfiles: [
    { id: GUEST, needsActivation: true },
    { id: HOST, needsActivation: false },
  ],
} as unknown as CurrentState;

const guestPinSpace: SpaceSnapshot = {
  space: { id: SPACE, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', passcode: '789', callLegProfile: GUEST, callProfile: CALL_PROFILE },
  accessMethods: [
    { id: 'a1', uri: 'other.space', callId: '1', passcode: '', callLegProfile: GUEST },
    { id: 'a2', uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: HOST },
  ],
  members: [],
};

describe('valuesFromSnapshot', () => {
  it('fills the form with what the space holds, keeping the profiles that fit their role', () => {
    const values = valuesFromSnapshot('same-uri-two-pins', guideExample('same-uri-two-pins'), guestPinSpace, current);
    expect(values.space).toMatchObject({ mode: 'existing', id: SPACE, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', passcode: '789' });
    // The host access method is named by its id: the wizard changes that one in place, whatever the form's URI and call ID become.
    expect(values.access).toEqual({ id: 'a2', uri: 'guestpin.space', callId: '889', passcode: '1234' });
    expect(values.profiles).toMatchObject({ guest: { mode: 'existing', id: GUEST }, host: { mode: 'existing', id: HOST }, guestScope: 'coSpace' });
    // The create settings stay, so switching back to "create" still has the guide's settings.
    expect((values.profiles as { guest: { settings?: unknown } }).guest.settings).toBeDefined();
  });

  it('blanks the guest PIN for scenario 3 (the change that wizard makes) and keeps the space’s call profile', () => {
    const values = valuesFromSnapshot('blank-guest-pin', guideExample('blank-guest-pin'), guestPinSpace, current);
    expect(values.space).toMatchObject({ passcode: '' });
    expect(values.callProfile).toMatchObject({ mode: 'existing', id: CALL_PROFILE });
  });

  it('leaves guest profiles alone when the space’s profile is not a guest one', () => {
    const snapshot = { ...guestPinSpace, space: { ...guestPinSpace.space, callLegProfile: HOST } };
    const values = valuesFromSnapshot('same-uri-two-pins', guideExample('same-uri-two-pins'), snapshot, current);
    expect(values.profiles).toMatchObject({ guest: { mode: 'create' } });
  });

  it('scenario 4: owner, non-member access and members with their current permissions', () => {
    const snapshot: SpaceSnapshot = {
      space: { id: SPACE, name: 'Global', uri: 'global', callId: '1234', ownerJid: 'user1@evacanoalone.net', nonMemberAccess: false },
      accessMethods: [],
      members: [{ id: 'm1', userJid: 'user1@evacanoalone.net', canDestroy: true }],
    };
    const values = valuesFromSnapshot('members-are-hosts', guideExample('members-are-hosts'), snapshot, current);
    expect(values.space).toMatchObject({ ownerJid: 'user1@evacanoalone.net', nonMemberAccess: false });
    // No host access method yet: the same URI and call ID as the space, a new one to add.
    expect(values.access).toMatchObject({ id: '', uri: 'global', callId: '1234', passcode: '12345' });
    const members = values.members as Array<{ userJid: string; permissions: Record<string, boolean> }>;
    expect(members).toHaveLength(1);
    expect(members[0]?.permissions.canDestroy).toBe(true);
    // Unset permissions read back as CMS's defaults (false for API members), so nothing changes that the wizard does not need.
    expect(members[0]?.permissions.canChangeName).toBe(false);
  });

  it('scenario 4 on a space with no members lists none: nobody is added the admin did not name', () => {
    const snapshot: SpaceSnapshot = { space: { id: SPACE, name: 'Global', uri: 'global', callId: '1234' }, accessMethods: [], members: [] };
    const withExample = valuesFromSnapshot('members-are-hosts', guideExample('members-are-hosts'), snapshot, current);
    expect(withExample.members).toEqual([]);
    // An unset nonMemberAccess is CMS's default (true), shown as it is in force.
    expect(withExample.space).toMatchObject({ nonMemberAccess: true });
  });
});
