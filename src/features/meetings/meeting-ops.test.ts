import { describe, expect, it } from 'vitest';
import { changeSession, type ChangeSession } from '../../api/changes/change-session';
import { listAllBulkParameterSets } from '../../api/resources/bulk';
import { listAllCalls } from '../../api/resources/calls';
import { getSpace, listAllSpaces } from '../../api/resources/spaces';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { endMeetingSteps, extendMeetingSteps, nextFreeSlot, placeholderSlots, startMeetingSteps, type Step } from './meeting-ops';
import { meetingRegistry } from './meeting-registry';

const { mock, journal } = withMockCms();

const session = (name: string) => changeSession({ origin: { kind: 'page', name: `meetings/${name}` }, title: name });

/** Runs the steps as the operation dialog does: in order, then the journaled run is finished. Answers the steps' notes. */
async function run(steps: Step[], session: ChangeSession) {
  const notes: Array<string | void> = [];
  for (const step of steps) notes.push(await step.run());
  await session.finish();
  return notes;
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
    const starting = session('start');
    const start = startMeetingSteps(starting, LAB.bulk.set, { ...slot, space: slot.space! }, { name: 'Weekly', passcode: '2468', participants: ['a@example.com', 'b@example.com'] });
    expect(start.map((s) => s.request).join('\n')).not.toContain('2468');
    await run(start, starting);
    const [started] = journal().runs;
    expect(started).toMatchObject({ origin: { kind: 'page', name: 'meetings/start' }, state: 'applied' });
    expect(started?.writes.map((w) => [w.intent.method, w.intent.objectKind, w.answer?.outcome])).toEqual([
      ['PUT', 'coSpace', 'applied'],
      ['POST', 'call', 'applied'],
      ['POST', 'callLeg', 'applied'],
      ['POST', 'callLeg', 'applied'],
    ]);

    const space = await getSpace(LAB.coSpaces.tmsMeeting1);
    expect(space).toMatchObject({ name: 'Weekly', nonMemberAccess: true, passcode: '2468' });
    const meeting = meetingRegistry.get(LAB.coSpaces.tmsMeeting1)!;
    expect(meeting).toMatchObject({ placeholderName: 'TMS_Scheduled_Meeting_1', name: 'Weekly', setId: LAB.bulk.set });
    expect(mock.store.all('callLeg', meeting.callId).map((l) => l.values.remoteParty)).toEqual(['a@example.com', 'b@example.com']);
    const during = await slots();
    expect(during[0]?.meeting?.name).toBe('Weekly');
    expect(nextFreeSlot(during)?.placeholderName).toBe('TMS_Scheduled_Meeting_2');

    const extending = session('extend');
    await run(extendMeetingSteps(extending, meeting), extending);
    expect(await getSpace(LAB.coSpaces.tmsMeeting1)).toMatchObject({ name: 'Weekly', nonMemberAccess: true, passcode: '2468' });

    const secret = (await getSpace(LAB.coSpaces.tmsMeeting1)).secret;
    const ending = session('end');
    await run(endMeetingSteps(ending, meetingRegistry.get(LAB.coSpaces.tmsMeeting1)!), ending);
    const after = await getSpace(LAB.coSpaces.tmsMeeting1);
    expect(after).toMatchObject({ name: 'TMS_Scheduled_Meeting_1', nonMemberAccess: false });
    expect(after.passcode).toBeUndefined();
    expect(after.secret).toBeTruthy();
    expect(after.secret).not.toBe(secret);
    expect((await listAllCalls({ coSpaceFilter: LAB.coSpaces.tmsMeeting1 })).total).toBe(0);
    expect(meetingRegistry.get(LAB.coSpaces.tmsMeeting1)).toBeUndefined();
    expect(journal().runs.map((r) => [r.origin.name, r.state, r.writes.length])).toEqual([
      ['meetings/start', 'applied', 4],
      ['meetings/extend', 'applied', 1],
      ['meetings/end', 'applied', 2],
    ]);
  });

  it('settles a call whose answer was lost by reading CMS, and never creates it twice', async () => {
    const slot = nextFreeSlot(await slots())!;
    const starting = session('start');
    const start = startMeetingSteps(starting, LAB.bulk.set, { ...slot, space: slot.space! }, { name: 'Lossy', passcode: '1357', participants: ['a@example.com'] });
    // the call's POST (the second write) takes effect, but CMS answers 503
    mock.faults.failWrite = { nth: 2, kind: 'applyThenStatus', status: 503 };
    const notes = await run(start, starting);

    const calls = await listAllCalls({ coSpaceFilter: LAB.coSpaces.tmsMeeting1 });
    expect(calls.total).toBe(1);
    expect(notes[2]).toContain(`call ${calls.items[0]?.id}`);
    expect(notes[2]).toMatch(/answer was lost.*showed it took effect/);
    expect(mock.store.all('callLeg', calls.items[0]?.id).map((l) => l.values.remoteParty)).toEqual(['a@example.com']);
    const [lossy] = journal().runs;
    expect(lossy?.state).toBe('applied');
    expect(lossy?.writes[1]).toMatchObject({ answer: { outcome: 'unknown', status: 503 }, reconciliation: { verdict: 'took-effect', objectId: calls.items[0]?.id } });
    meetingRegistry.remove(LAB.coSpaces.tmsMeeting1);
  });

  it('refuses a placeholder someone took since the review', async () => {
    const slot = nextFreeSlot(await slots())!;
    const starting = session('start');
    const steps = startMeetingSteps(starting, LAB.bulk.set, { ...slot, space: slot.space! }, { name: 'Late', passcode: '1', participants: [] });
    mock.store.get('coSpace', LAB.coSpaces.tmsMeeting1)!.values.name = 'Taken by TMS';
    await expect(steps[0]!.run()).rejects.toThrow(/someone else took it/);
    // nothing was written, so nothing is journaled
    expect(await starting.finish()).toBeUndefined();
    expect(journal().runs).toEqual([]);
  });

  it('ends a meeting whose call already ended without failing', async () => {
    meetingRegistry.save({ spaceId: LAB.coSpaces.tmsMeeting1, setId: LAB.bulk.set, placeholderName: 'TMS_Scheduled_Meeting_1', name: 'Gone', callId: '00000000-0000-4000-8000-0000000000aa', startedAt: 0 });
    const steps = endMeetingSteps(session('end'), meetingRegistry.get(LAB.coSpaces.tmsMeeting1)!);
    await steps[0]!.run();
    expect(await steps[1]!.run()).toBe('no call was active');
  });
});
