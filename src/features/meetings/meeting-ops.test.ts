import { describe, expect, it } from 'vitest';
import { listAllBulkParameterSets } from '../../api/resources/bulk';
import { listAllCalls } from '../../api/resources/calls';
import { getSpace, listAllSpaces } from '../../api/resources/spaces';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { endMeetingSteps, extendMeetingSteps, nextFreeSlot, placeholderSlots, startMeetingSteps, type Step } from './meeting-ops';
import { meetingRegistry } from './meeting-registry';

const { mock } = withMockCms();

async function run(steps: Step[]) {
  for (const step of steps) await step.run();
}

async function slots() {
  const set = (await listAllBulkParameterSets()).items[0]!;
  const spaces = await listAllSpaces({ filter: 'TMS_Scheduled_Meeting_' });
  const calls = await listAllCalls();
  return placeholderSlots(set, spaces.items, calls.items, meetingRegistry.list());
}

describe('scheduled meetings, as TMS runs them', () => {
  it('takes the lowest placeholder without an active call', async () => {
    const first = await slots();
    expect(first.map((s) => s.placeholderName)).toEqual([1, 2, 3, 4, 5].map((i) => `TMS_Scheduled_Meeting_${i}`));
    expect(nextFreeSlot(first)?.space?.id).toBe(LAB.coSpaces.tmsMeeting1);
    // Someone called into placeholder 1: TMS moves on to 2.
    mock.store.insert('call', { coSpace: LAB.coSpaces.tmsMeeting1, name: 'walk-in' });
    expect(nextFreeSlot(await slots())?.placeholderName).toBe('TMS_Scheduled_Meeting_2');
  });

  it('starts, extends and ends a meeting with the trace’s requests and restores the placeholder', async () => {
    const slot = nextFreeSlot(await slots())!;
    const start = startMeetingSteps(LAB.bulk.set, { ...slot, space: slot.space! }, { name: 'Weekly', passcode: '2468', participants: ['a@example.com', 'b@example.com'] });
    expect(start.map((s) => s.request).join('\n')).not.toContain('2468');
    await run(start);

    const space = await getSpace(LAB.coSpaces.tmsMeeting1);
    expect(space).toMatchObject({ name: 'Weekly', nonMemberAccess: true, passcode: '2468' });
    const meeting = meetingRegistry.get(LAB.coSpaces.tmsMeeting1)!;
    expect(meeting).toMatchObject({ placeholderName: 'TMS_Scheduled_Meeting_1', name: 'Weekly', setId: LAB.bulk.set });
    expect(mock.store.all('callLeg', meeting.callId).map((l) => l.values.remoteParty)).toEqual(['a@example.com', 'b@example.com']);
    const during = await slots();
    expect(during[0]?.meeting?.name).toBe('Weekly');
    expect(nextFreeSlot(during)?.placeholderName).toBe('TMS_Scheduled_Meeting_2');

    await run(extendMeetingSteps(meeting));
    expect(await getSpace(LAB.coSpaces.tmsMeeting1)).toMatchObject({ name: 'Weekly', nonMemberAccess: true, passcode: '2468' });

    const secret = (await getSpace(LAB.coSpaces.tmsMeeting1)).secret;
    await run(endMeetingSteps(meetingRegistry.get(LAB.coSpaces.tmsMeeting1)!));
    const after = await getSpace(LAB.coSpaces.tmsMeeting1);
    expect(after).toMatchObject({ name: 'TMS_Scheduled_Meeting_1', nonMemberAccess: false });
    expect(after.passcode).toBeUndefined();
    expect(after.secret).toBeTruthy();
    expect(after.secret).not.toBe(secret);
    expect((await listAllCalls({ coSpaceFilter: LAB.coSpaces.tmsMeeting1 })).total).toBe(0);
    expect(meetingRegistry.get(LAB.coSpaces.tmsMeeting1)).toBeUndefined();
  });

  it('refuses a placeholder someone took since the review', async () => {
    const slot = nextFreeSlot(await slots())!;
    const steps = startMeetingSteps(LAB.bulk.set, { ...slot, space: slot.space! }, { name: 'Late', passcode: '1', participants: [] });
    mock.store.get('coSpace', LAB.coSpaces.tmsMeeting1)!.values.name = 'Taken by TMS';
    await expect(steps[0]!.run()).rejects.toThrow(/someone else took it/);
  });

  it('ends a meeting whose call already ended without failing', async () => {
    meetingRegistry.save({ spaceId: LAB.coSpaces.tmsMeeting1, setId: LAB.bulk.set, placeholderName: 'TMS_Scheduled_Meeting_1', name: 'Gone', callId: '00000000-0000-4000-8000-0000000000aa', startedAt: 0 });
    const steps = endMeetingSteps(meetingRegistry.get(LAB.coSpaces.tmsMeeting1)!);
    await steps[0]!.run();
    expect(await steps[1]!.run()).toBe('no call was active');
  });
});
