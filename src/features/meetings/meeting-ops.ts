import { coSpaceParams } from '../../api/params/co-space';
import type { Call, CoSpace, CospaceBulkParameterSet } from '../../api/params/schemas';
import { expandMapping } from '../../api/resources/bulk';
import { listAllCalls } from '../../api/resources/calls';
import { targetOf, wireForm } from '../../api/resources/operation-facts';
import { beforeValues, type Operation, type Ref } from '../../api/resources/operations';
import type { ChangeSession } from '../../api/changes/change-session';
import { outcomeSentence } from '../../api/changes/describe';
import type { SentWrite } from '../../api/changes/types';
import { getSpace } from '../../api/resources/spaces';
import { isNotFound } from '../../api/transport/errors';
import { MASK, maskValue } from '../../api/wire/secrets';
import { meetingRegistry, type MeetingRecord } from './meeting-registry';

/** One request (or check) of a multi-step operation, shown in the review and then ticked off. */
export interface Step {
  label: string;
  /** the request as the review shows it; passcodes masked */
  request: string;
  /** answers a note for the progress list, e.g. the new call's id */
  run: () => Promise<string | void>;
}

/** Placeholders are listed at most this many per set; TMS ranges are small. */
export const MAX_SLOTS = 500;

export interface Slot {
  index: number;
  placeholderName: string;
  /** the space that still has the placeholder name */
  space?: CoSpace & { id: string };
  /** an active call of that space */
  activeCall?: string;
  /** a meeting this studio started on the slot */
  meeting?: MeetingRecord;
}

/** The placeholder slots of a set: its name mapping over its index range, each with its space and call, if any. */
export function placeholderSlots(
  set: CospaceBulkParameterSet,
  spaces: readonly CoSpace[],
  calls: readonly Call[],
  meetings: readonly MeetingRecord[],
): Slot[] {
  const mapping = set.coSpaceNameMapping;
  const start = set.startIndex;
  const end = set.endIndex;
  if (!mapping || start === undefined || end === undefined || end < start) return [];
  const byName = new Map<string, CoSpace & { id: string }>();
  for (const s of spaces) if (s.id && s.name !== undefined && !byName.has(s.name)) byName.set(s.name, { ...s, id: s.id });
  const callOf = new Map<string, string>();
  for (const c of calls) if (c.coSpace && c.id) callOf.set(c.coSpace, c.id);
  const slots: Slot[] = [];
  for (let index = start; index <= end && slots.length < MAX_SLOTS; index++) {
    const placeholderName = expandMapping(mapping, index);
    const meeting = meetings.find((m) => m.setId === set.id && m.placeholderName === placeholderName);
    const space = byName.get(placeholderName);
    const spaceId = meeting?.spaceId ?? space?.id;
    const activeCall = spaceId ? callOf.get(spaceId) : undefined;
    slots.push({ index, placeholderName, ...(space ? { space } : {}), ...(activeCall ? { activeCall } : {}), ...(meeting ? { meeting } : {}) });
  }
  return slots;
}

/** TMS takes the lowest-numbered placeholder that has its placeholder name and no active call. */
export function nextFreeSlot(slots: readonly Slot[]): Slot | undefined {
  return slots.find((s) => s.space && !s.activeCall && !s.meeting);
}

export interface MeetingInput {
  name: string;
  passcode: string;
  participants: string[];
}

/** A request as the review lists it: method, path, then the form with passcodes masked; a call not made yet is `<the new call>`. */
export function requestText(op: Operation): string {
  const { method, path } = targetOf(op);
  const body = Object.entries(wireForm(op))
    .map(([name, value]) => `${name}=${maskValue(name, value)}`)
    .join('&');
  return `${method} /api/v1${path.replace(/\{([^{}]+)\}/g, '<the new $1>')}${body === '' ? '' : ` ${body}`}`;
}

type SpaceChange = Extract<Operation, { op: 'updateSpace' }>['form'];

/** A step's note when CMS's answer was lost: what reading CMS showed. */
const lostNote = (write: SentWrite): string | undefined => (write.outcome === 'unknown' ? outcomeSentence(write) : undefined);

/** A PUT of the space with what it held before, read just now. */
async function changeSpace(session: ChangeSession, spaceId: string, form: SpaceChange, title: string): Promise<string | undefined> {
  const space = await getSpace(spaceId);
  return lostNote(await session.send({ key: 'space', title, operation: { op: 'updateSpace', space: spaceId, form, before: beforeValues(coSpaceParams, space, form) } }));
}

/** Starting a meeting the way TMS does: rename the placeholder and open it, create its call, dial out. */
export function startMeetingSteps(session: ChangeSession, setId: string, slot: Slot & { space: CoSpace & { id: string } }, input: MeetingInput): Step[] {
  const spaceId = slot.space.id;
  let callId: string | undefined;
  const open: SpaceChange = { name: input.name, nonMemberAccess: true, passcode: input.passcode };
  const call: Operation = { op: 'createCall', form: { coSpace: spaceId } };
  const steps: Step[] = [
    {
      label: `Check that ${slot.placeholderName} is still free`,
      request: `GET /api/v1/coSpaces/${spaceId}, GET /api/v1/calls?coSpaceFilter=${spaceId}`,
      run: async () => {
        const [space, calls] = await Promise.all([getSpace(spaceId), listAllCalls({ coSpaceFilter: spaceId })]);
        if (space.name !== slot.placeholderName) {
          throw new Error(`The space is now named “${space.name ?? ''}”, not ${slot.placeholderName}: someone else took it. Pick the next free placeholder.`);
        }
        if (calls.total > 0) throw new Error(`${slot.placeholderName} has an active call: someone is using it. Pick the next free placeholder.`);
      },
    },
    {
      label: `Rename it “${input.name}”, open it to non-members and set the passcode`,
      request: requestText({ op: 'updateSpace', space: spaceId, form: open, before: {} }),
      run: async () => {
        const note = await changeSpace(session, spaceId, open, `Rename ${slot.placeholderName} “${input.name}” and open it`);
        meetingRegistry.save({ spaceId, setId, placeholderName: slot.placeholderName, name: input.name, startedAt: Date.now() });
        return note;
      },
    },
    {
      label: 'Create its call',
      request: requestText(call),
      run: async () => {
        const write = await session.send({ key: 'call', title: 'Create its call', operation: call });
        callId = write.createdId ?? write.settled?.id;
        if (callId) meetingRegistry.update(spaceId, { callId });
        return [`call ${callId ?? '?'}`, lostNote(write)].filter(Boolean).join('. ');
      },
    },
  ];
  for (const party of input.participants) steps.push(dialOutStep(session, () => callId, party));
  return steps;
}

export function dialOutStep(session: ChangeSession, callId: () => string | undefined, remoteParty: string): Step {
  const dial = (call: Ref): Operation => ({ op: 'createCallLeg', call, form: { remoteParty } });
  return {
    label: `Dial out to ${remoteParty}`,
    request: requestText(dial(callId() ?? { ref: 'call' })),
    run: async () => {
      const id = callId();
      if (!id) throw new Error('The meeting has no call to dial out from.');
      const leg = await session.send({ key: `dial:${remoteParty}`, title: `Dial out to ${remoteParty}`, operation: dial(id) });
      return [`call leg ${leg.createdId ?? leg.settled?.id ?? '?'}`, lostNote(leg)].filter(Boolean).join('. ');
    },
  };
}

/** TMS extends a meeting by sending the same PUT again; CMS has no end time, so it only marks the extension. */
export function extendMeetingSteps(session: ChangeSession, meeting: MeetingRecord): Step[] {
  return [
    {
      label: `Send the meeting’s PUT again (name “${meeting.name}”, nonMemberAccess=true, the same passcode)`,
      // The passcode is read from the space when the step runs.
      request: `PUT /api/v1/coSpaces/${meeting.spaceId} name=${meeting.name}&nonMemberAccess=true&passcode=${MASK}`,
      run: async () => {
        const space = await getSpace(meeting.spaceId);
        const again: SpaceChange = { name: meeting.name, nonMemberAccess: true, passcode: space.passcode ?? '' };
        const write = await session.send({ key: 'space', title: 'Send the meeting’s PUT again', operation: { op: 'updateSpace', space: meeting.spaceId, form: again, before: beforeValues(coSpaceParams, space, again) } });
        meetingRegistry.update(meeting.spaceId, { extendedAt: Date.now() });
        return lostNote(write);
      },
    },
  ];
}

/** Ending as TMS does: the placeholder name back, closed to non-members, a new secret (old links stop working), then the call deleted. */
export function endMeetingSteps(session: ChangeSession, meeting: MeetingRecord): Step[] {
  const close: SpaceChange = { name: meeting.placeholderName, nonMemberAccess: false, passcode: '', regenerateSecret: true };
  return [
    {
      label: `Restore the name ${meeting.placeholderName}, close it to non-members, clear the passcode, regenerate the secret`,
      request: requestText({ op: 'updateSpace', space: meeting.spaceId, form: close, before: {} }),
      run: () => changeSpace(session, meeting.spaceId, close, `Restore the placeholder ${meeting.placeholderName}`),
    },
    {
      label: 'Delete the call',
      request: `DELETE /api/v1/calls/${meeting.callId ?? '<each call of the space>'}`,
      run: async () => {
        const calls = await listAllCalls({ coSpaceFilter: meeting.spaceId });
        const ids = new Set([...calls.items.flatMap((c) => (c.id ? [c.id] : [])), ...(meeting.callId ? [meeting.callId] : [])]);
        let ended = 0;
        for (const id of ids) {
          try {
            await session.send({ key: `call:${id}`, title: 'Delete the call', operation: { op: 'deleteCall', call: id } });
            ended++;
          } catch (error) {
            // A call that already ended is what we wanted.
            if (!isNotFound(error)) throw error;
          }
        }
        meetingRegistry.remove(meeting.spaceId);
        return ended === 0 ? 'no call was active' : `${ended} call${ended === 1 ? '' : 's'} ended`;
      },
    },
  ];
}
