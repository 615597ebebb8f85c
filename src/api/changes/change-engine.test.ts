import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpCms } from '../../testing/cms-dump';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { getSpace, listAllSpaces } from '../resources/spaces';
import { listAllCallLegProfiles } from '../resources/call-leg-profiles';
import type { CmsExchange } from '../transport/client';
import { configureCmsClient } from '../transport/cms-client';
import { applyChanges, continueChanges } from './apply-changes';
import { rollbackChanges } from './rollback';
import type { ChangePlan, ChangeStep } from './types';

const { mock, server, journal } = withMockCms();

let exchanges: CmsExchange[] = [];
beforeEach(() => {
  exchanges = [];
  configureCmsClient({ baseUrl: TEST_CMS_URL, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, onExchange: (e) => exchanges.push(e) });
});
const sent = () => exchanges.map((e) => `${e.method} ${e.path}${e.status === undefined ? '' : ` ${e.status}`}`);

const origin = { kind: 'page', name: 'engine-test' } as const;
const plan = (...steps: ChangeStep[]): ChangePlan => ({ origin, title: 'Engine test', steps });
const newSpace = (uri: string): ChangeStep => ({ key: 'space', title: `Create ${uri}`, operation: { op: 'createSpace', form: { name: uri, uri } }, creates: 'space' });
const newProfile: ChangeStep = {
  key: 'profile',
  title: 'Create a host profile',
  operation: { op: 'createCallLegProfile', form: { name: 'Engine host', needsActivation: false } },
  creates: 'profile',
};
const options = { resendDelayMs: 1 };

async function spacesWithUri(uri: string) {
  return (await listAllSpaces({ filter: uri })).items.filter((s) => s.uri === uri);
}

describe('each write ends applied, refused or unknown, and an unknown one is settled by reading CMS', () => {
  it('journals the intent before and the outcome after every write', async () => {
    const ledger = await applyChanges(
      plan(newProfile, { key: 'space', title: 'Create the space', operation: { op: 'createSpace', form: { name: 'E', uri: 'engine.one', callLegProfile: { ref: 'profile' } } }, creates: 'space' }),
      options,
    );
    expect(ledger.state).toBe('applied');
    expect(ledger.writes.map((w) => [w.key, w.outcome])).toEqual([
      ['profile', 'applied'],
      ['space', 'applied'],
    ]);
    expect((await getSpace(ledger.refs.space!)).callLegProfile).toBe(ledger.refs.profile);
    const [run] = journal().runs;
    expect(run).toMatchObject({ origin, state: 'applied' });
    expect(run?.writes.map((w) => [w.intent.method, w.intent.path, w.answer?.outcome])).toEqual([
      ['POST', '/api/v1/callLegProfiles', 'applied'],
      ['POST', '/api/v1/coSpaces', 'applied'],
    ]);
    expect(run?.writes[1]?.intent.form).toEqual({ name: 'E', uri: 'engine.one', callLegProfile: ledger.refs.profile });
    expect(run?.writes[1]?.answer).toMatchObject({ objectId: ledger.refs.space, spaceId: ledger.refs.space });
  });

  it('a refused POST is not settled by a read: a 4xx means CMS changed nothing', async () => {
    mock.faults.failWrite = { nth: 1, kind: 'refuse', status: 400, code: 'duplicateCoSpaceUri' };
    const ledger = await applyChanges(plan(newSpace('engine.refused'), newProfile), options);
    expect(ledger.stop).toMatchObject({ reason: 'refused', key: 'space' });
    expect(ledger.state).toBe('refused');
    expect(sent()).toEqual(['POST /api/v1/coSpaces 400']);
    expect(journal().runs[0]?.writes.map((w) => [w.answer?.outcome, w.reconciliation])).toEqual([['refused', undefined]]);
  });

  it('a POST that CMS applied but answered 503 is settled by a read and never sent again', async () => {
    mock.faults.failWrite = { nth: 1, kind: 'applyThenStatus', status: 503 };
    const ledger = await applyChanges(plan(newSpace('engine.lost')), options);
    expect(ledger.state).toBe('applied');
    expect(sent()).toEqual(['POST /api/v1/coSpaces 503', 'GET /api/v1/coSpaces 200']);
    expect(await spacesWithUri('engine.lost')).toHaveLength(1);
    const [write] = ledger.writes;
    expect(write).toMatchObject({ outcome: 'unknown', status: 503, settled: { verdict: 'took-effect', id: ledger.refs.space } });
    expect(journal().runs[0]?.writes[0]).toMatchObject({
      answer: { outcome: 'unknown', status: 503 },
      reconciliation: { verdict: 'took-effect', objectId: ledger.refs.space, read: { method: 'GET', path: '/api/v1/coSpaces', query: { filter: 'engine.lost' } } },
    });
  });

  it('a POST CMS did not service (busy) is sent again only after a read showed it did not take effect', async () => {
    mock.faults.busy = 1;
    const ledger = await applyChanges(plan(newSpace('engine.busy')), options);
    expect(ledger.state).toBe('applied');
    expect(sent()).toEqual(['POST /api/v1/coSpaces 503', 'GET /api/v1/coSpaces 200', 'POST /api/v1/coSpaces 200']);
    expect(await spacesWithUri('engine.busy')).toHaveLength(1);
    expect(journal().runs[0]?.writes.map((w) => [w.intent.seq, w.answer?.outcome, w.reconciliation?.verdict])).toEqual([
      [1, 'unknown', 'did-not-take-effect'],
      [2, 'applied', undefined],
    ]);
  });

  it('a profile has no unique attribute: the ids read just before the POST tell the new one apart', async () => {
    mock.faults.failWrite = { nth: 1, kind: 'applyThenReset' };
    const before = (await listAllCallLegProfiles()).total;
    exchanges = [];
    const ledger = await applyChanges(
      plan(newProfile, { key: 'space', title: 'Create the space', operation: { op: 'createSpace', form: { name: 'E', uri: 'engine.ids', callLegProfile: { ref: 'profile' } } }, creates: 'space' }),
      options,
    );
    expect(ledger.state).toBe('applied');
    expect(sent().slice(0, 2)).toEqual(['GET /api/v1/callLegProfiles 200', 'POST /api/v1/callLegProfiles']);
    expect(exchanges[1]?.error?.kind).toBe('network');
    expect((await listAllCallLegProfiles()).total).toBe(before + 1);
    expect(ledger.writes[0]?.settled?.summary).toMatch(/new since: [0-9a-f-]{36}, with the settings sent/);
    expect((await getSpace(ledger.refs.space!)).callLegProfile).toBe(ledger.writes[0]?.settled?.id);
  });

  it('a PUT and a DELETE whose answers were lost are settled by reading the object', async () => {
    mock.faults.failWrite = { nth: 1, kind: 'applyThenReset' };
    const put = await applyChanges(
      plan({ key: 'space', title: 'Rename', operation: { op: 'updateSpace', space: LAB.coSpaces.coolBridge, form: { name: 'Renamed' }, before: { name: 'Cool Bridge Space' } } }),
      options,
    );
    expect(put.writes[0]).toMatchObject({ outcome: 'unknown', settled: { verdict: 'took-effect', observed: { name: 'Renamed' } } });

    mock.faults.failWrite = { nth: 1, kind: 'applyThenStatus', status: 500 };
    const del = await applyChanges(plan({ key: 'space', title: 'Delete', operation: { op: 'deleteSpace', space: LAB.coSpaces.coolBridge } }), options);
    expect(del.writes[0]).toMatchObject({ outcome: 'unknown', status: 500, settled: { verdict: 'took-effect', observed: null } });
    // The journal holds what was deleted, read just before.
    expect(journal().runs[1]?.writes[0]?.intent.before).toMatchObject({ name: 'Renamed', uri: 'cool.bridge.space' });
  });
});

describe('a journal that cannot record stops the run before the write', () => {
  it('sends nothing when the run cannot start', async () => {
    journal().setUnavailable(true);
    const ledger = await applyChanges(plan(newSpace('engine.nojournal')), options);
    expect(ledger.stop).toMatchObject({ reason: 'journal' });
    expect(ledger.stop?.reason === 'journal' && ledger.stop.message).toMatch(/^The change journal could not start this run, so nothing was sent to CMS/);
    expect(exchanges).toEqual([]);
  });

  it('sends no write whose intent it could not record', async () => {
    const ledger = await applyChanges(plan(newSpace('engine.first'), { ...newSpace('engine.second'), key: 'second' }), {
      ...options,
      onProgress: (event) => {
        if (event.key === 'space' && event.status === 'applied') journal().setUnavailable(true);
      },
    });
    expect(ledger.stop).toMatchObject({ reason: 'journal', key: 'second' });
    expect(sent()).toEqual(['POST /api/v1/coSpaces 200']);
    expect(ledger.state).toBe('partially-applied');
  });
});

describe('a run that stopped on an unknown write', () => {
  it('continues once a read can settle it, without sending the POST again', async () => {
    mock.faults.failWrite = { nth: 1, kind: 'applyThenReset' };
    server.use(http.get(`${TEST_CMS_URL}/api/v1/coSpaces`, () => new HttpResponse(null, { status: 500 })));
    const stopped = await applyChanges(plan(newSpace('engine.later'), newProfile), options);
    expect(stopped.stop).toMatchObject({ reason: 'unknown', key: 'space' });
    expect(stopped.state).toBe('unknown');
    expect(stopped.writes[0]?.unsettled).toMatch(/500/);

    server.resetHandlers();
    exchanges = [];
    const done = await continueChanges(stopped, options);
    expect(done.state).toBe('applied');
    expect(sent().filter((line) => line.startsWith('POST'))).toEqual(['POST /api/v1/callLegProfiles 200']);
    expect(await spacesWithUri('engine.later')).toHaveLength(1);
    expect(journal().runs[0]?.writes[0]?.reconciliation?.verdict).toBe('took-effect');
  });
});

describe('rollback', () => {
  const attachNewProfile = (): ChangePlan =>
    plan(newProfile, {
      key: 'space',
      title: 'Use it on the space',
      operation: { op: 'updateSpace', space: LAB.coSpaces.guest, form: { callLegProfile: { ref: 'profile' } }, before: { callLegProfile: LAB.callLegProfiles.guest } },
    });

  it('restores references before deleting what they point at, and proves CMS is as before by reading', async () => {
    const before = await dumpCms();
    const applied = await applyChanges(attachNewProfile(), options);
    exchanges = [];
    const { report, ledger } = await rollbackChanges(applied, options);
    const writes = sent().filter((line) => !line.startsWith('GET'));
    expect(writes).toEqual([`PUT /api/v1/coSpaces/${LAB.coSpaces.guest} 200`, `DELETE /api/v1/callLegProfiles/${applied.refs.profile} 200`]);
    expect(report).toMatchObject({ verified: true, differences: [], problems: [] });
    expect(report.items.map((i) => i.result)).toEqual(['deleted', 'restored']);
    expect(ledger.state).toBe('rolled-back');
    expect(journal().runs[0]?.writes.map((w) => [w.intent.phase, w.intent.method])).toEqual([
      ['forward', 'POST'],
      ['forward', 'PUT'],
      ['rollback', 'PUT'],
      ['rollback', 'DELETE'],
    ]);
    expect(await dumpCms()).toEqual(before);
  });

  it('keeps the profile when the restore fails, names the difference, and a retry finishes it', async () => {
    const before = await dumpCms();
    const applied = await applyChanges(attachNewProfile(), options);
    const profile = applied.refs.profile!;
    mock.faults.failWrite = { nth: 1, kind: 'refuse', status: 400, code: 'databaseNotReady' };
    const first = await rollbackChanges(applied, { ...options, resends: 0 });
    expect(first.report.verified).toBe(false);
    expect(first.report.items.map((i) => [i.key, i.result])).toEqual([
      ['profile', 'kept'],
      ['space', 'failed'],
    ]);
    expect(first.report.items[0]?.sentence).toContain(`still points at it`);
    expect(first.report.differences.map((d) => d.sentence)).toEqual([
      `The call leg profile /api/v1/callLegProfiles/${profile}, which “Create a host profile” created, still exists.`,
      `The space /api/v1/coSpaces/${LAB.coSpaces.guest}: callLegProfile is now ${profile}, before this run it was ${LAB.callLegProfiles.guest}.`,
    ]);
    expect(first.ledger.state).toBe('rollback-incomplete');
    // The space still points at the profile, and the profile is still there.
    expect((await getSpace(LAB.coSpaces.guest)).callLegProfile).toBe(profile);
    expect((await listAllCallLegProfiles()).items.some((p) => p.id === profile)).toBe(true);

    const retry = await rollbackChanges(first.ledger, options);
    expect(retry.report).toMatchObject({ verified: true, differences: [], problems: [] });
    expect(retry.ledger.state).toBe('rolled-back');
    expect(await dumpCms()).toEqual(before);
  });
});
