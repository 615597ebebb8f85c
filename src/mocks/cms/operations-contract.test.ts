import { beforeEach, describe, expect, it } from 'vitest';
import { attribute, children, flatten, parseXml } from '../../api/wire/xml';
import { createMockCms } from './mock-cms';
import { LAB } from './seeds/lab';

// What the operations screens (system, users' spaces, bulk, scheduled meetings, live calls) rely on,
// exercised the way TMS and the provisioning lab send it.
const mock = createMockCms({ credentials: null, bulkStepMs: 30 });

async function call(method: string, path: string, body?: string) {
  const res = await mock.handle(
    new Request(`http://cms.test${path}`, {
      method,
      ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    }),
  );
  const text = await res!.text();
  return { status: res!.status, location: res!.headers.get('location'), xml: text ? parseXml(text) : undefined };
}
const get = async (path: string) => flatten((await call('GET', path)).xml!.node);
const total = async (path: string) => Number(attribute((await call('GET', path)).xml!.node, 'total'));
const idOf = (location: string | null) => location!.split('/').pop()!;

async function statuses(syncPath: string): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    const status = String((await get(syncPath)).status);
    if (seen.at(-1) !== status) seen.push(status);
    if (status !== 'pending' && status !== 'running') return seen;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`sync never finished: ${seen.join(' → ')}`);
}

beforeEach(() => mock.reset());

describe('scheduled meeting, as in the TMS trace', () => {
  it('renames and opens the placeholder, keeps the call and its legs until deleted, and ends as TMS does', async () => {
    const space = `/api/v1/cospaces/${LAB.coSpaces.tmsMeeting1}`;
    expect((await call('PUT', space, '&nonMemberAccess=true&passcode=4321&name=Tim Kratzke Acano TMSXE Test Meeting')).status).toBe(200);
    expect(await get(space)).toMatchObject({ name: 'Tim Kratzke Acano TMSXE Test Meeting', nonMemberAccess: 'true', passcode: '4321' });

    const created = await call('POST', '/api/v1/calls', `coSpace=${LAB.coSpaces.tmsMeeting1}`);
    expect(created.location).toMatch(/^\/api\/v1\/calls\/[0-9a-f-]{36}$/);
    const callId = idOf(created.location);
    for (const party of ['desk.ex90@tkratzke.local', 'room@example.com']) {
      // TMS writes /callegs
      const leg = await call('POST', `/api/v1/calls/${callId}/callegs`, `remoteParty=${party}`);
      expect(leg.location).toMatch(/^\/api\/v1\/callLegs\/[0-9a-f-]{36}$/);
    }
    expect(await total(`/api/v1/calls?coSpaceFilter=${LAB.coSpaces.tmsMeeting1}`)).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(await total(`/api/v1/calls/${callId}/callLegs`)).toBe(2);
    expect(await get('/api/v1/system/status')).toMatchObject({ callLegsActive: '2' });
    const before = await get(space);

    // Extending sends the same PUT again.
    expect((await call('PUT', space, '&nonMemberAccess=true&passcode=4321&name=Tim Kratzke Acano TMSXE Test Meeting')).status).toBe(200);
    const extended = await get(space);
    expect(extended).toMatchObject({ name: 'Tim Kratzke Acano TMSXE Test Meeting', passcode: '4321' });
    expect(extended.secret).toBe(before.secret);

    expect((await call('PUT', space, '&nonMemberAccess=false&passcode=&name=TMS_Scheduled_Meeting_1&regenerateSecret=true')).status).toBe(200);
    const after = await get(space);
    expect(after).toMatchObject({ name: 'TMS_Scheduled_Meeting_1', nonMemberAccess: 'false' });
    expect(after.passcode).toBeUndefined();
    expect(after.secret).toEqual(expect.any(String));
    expect(after.secret).not.toBe(before.secret);
    expect((await call('DELETE', `/api/v1/calls/${callId}`)).status).toBe(200);
    expect((await call('GET', `/api/v1/calls/${callId}`)).status).toBe(404);
    expect(await total('/api/v1/callLegs')).toBe(0);
  });

  it('drops one leg and leaves the call running', async () => {
    const callId = idOf((await call('POST', '/api/v1/calls', `coSpace=${LAB.coSpaces.coolBridge}`)).location);
    const a = idOf((await call('POST', `/api/v1/calls/${callId}/callLegs`, 'remoteParty=a@example.com')).location);
    await call('POST', `/api/v1/calls/${callId}/callLegs`, 'remoteParty=b@example.com');
    expect((await call('GET', `/api/v1/callLegs/${a}/callLegProfileTrace`)).status).toBe(200);
    expect((await call('DELETE', `/api/v1/callLegs/${a}`)).status).toBe(200);
    const legs = children((await call('GET', `/api/v1/calls/${callId}/callLegs`)).xml!.node, 'callLeg').map(flatten);
    expect(legs.map((l) => l.remoteParty)).toEqual(['b@example.com']);
    expect((await call('GET', `/api/v1/calls/${callId}`)).status).toBe(200);
  });
});

describe('bulk syncs', () => {
  it('run asynchronously, pending → running → complete, and removeAll takes the spaces away', async () => {
    const set = idOf((await call('POST', '/api/v1/cospaceBulkParameterSets', 'startIndex=1&endIndex=50&coSpaceNameMapping=Room $index$&coSpaceUriMapping=room.$index$')).location);
    const sync = (await call('POST', '/api/v1/cospaceBulkSyncs', `cospaceBulkParameterSet=${set}`)).location!;
    expect(await statuses(sync)).toEqual(['pending', 'running', 'complete']);
    expect(await total('/api/v1/coSpaces?filter=room.')).toBe(50);

    const removal = (await call('POST', '/api/v1/cospaceBulkSyncs', `cospaceBulkParameterSet=${set}&removeAll=true`)).location!;
    expect((await statuses(removal)).at(-1)).toBe('complete');
    expect(await total('/api/v1/coSpaces?filter=room.')).toBe(0);
    expect((await call('DELETE', `/api/v1/cospaceBulkParameterSets/${set}`)).status).toBe(200);
    expect(await total('/api/v1/cospaceBulkParameterSets')).toBe(1);
  });

  it('names each failure: call ID conflict, range invalid, range too large', async () => {
    const run = async (form: string) => {
      const set = idOf((await call('POST', '/api/v1/cospaceBulkParameterSets', form)).location);
      return (await statuses((await call('POST', '/api/v1/cospaceBulkSyncs', `cospaceBulkParameterSet=${set}`)).location!)).at(-1);
    };
    // 189 is the call ID of the lab's Guest/Host PIN space.
    expect(await run('startIndex=187&endIndex=190&coSpaceCallIdMapping=$index$')).toBe('failedCallIdConflict');
    expect(await total('/api/v1/coSpaces?filter=187')).toBe(0);
    expect(await run('startIndex=5&endIndex=2&coSpaceNameMapping=x')).toBe('failedIndexRangeInvalid');
    expect(await run('startIndex=1&endIndex=100000&coSpaceNameMapping=x')).toBe('failedIndexRangeTooGreat');
  });
});
