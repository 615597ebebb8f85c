import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IntentInput, JournalStore, NewRunInput, Recorder } from './store';
import { createJournalStore, JournalStoreError } from './store';
import { migrate } from './migrations';
import { openDriver } from './open-store';
import { bothStores } from './testing/stores';
import type { JournalConfig } from './config';

const ADMIN: Recorder = { cluster: 'london', cmsUser: 'admin' };
const T0 = Date.parse('2026-03-01T09:00:00.000Z');

function newRun(overrides: Partial<NewRunInput> = {}): NewRunInput {
  return { id: randomUUID(), origin: { kind: 'wizard', name: 'scenario-2' }, title: 'Same URI, different PINs', spaces: [], ...overrides };
}

function hostMethodIntent(seq: number, overrides: Partial<IntentInput> = {}): IntentInput {
  return {
    seq,
    phase: 'forward',
    operation: { kind: 'createAccessMethod', json: { op: 'createAccessMethod', space: 'sp-1', form: { uri: 'host.space', passcode: '4711' } } },
    method: 'POST',
    path: '/api/v1/coSpaces/sp-1/accessMethods',
    form: { uri: 'host.space', passcode: '4711' },
    objectKind: 'accessMethod',
    spaceId: 'sp-1',
    before: null,
    after: { uri: 'host.space', passcode: '4711' },
    ...overrides,
  };
}

async function open(config: JournalConfig, clock: { now: number }) {
  const { driver, release } = openDriver(config);
  await migrate(driver);
  const store = createJournalStore(driver, () => clock.now);
  return { store, close: async () => (await store.close(), release()) };
}

async function expectStoreError(promise: Promise<unknown>, code: JournalStoreError['code']) {
  await expect(promise).rejects.toBeInstanceOf(JournalStoreError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe.each(bothStores())('journal store on $name', (kind) => {
  async function withStore(work: (store: JournalStore, clock: { now: number }) => Promise<void>) {
    const clock = { now: T0 };
    const { store, close } = await open(await kind.fresh(), clock);
    try {
      await work(store, clock);
    } finally {
      await close();
    }
  }

  it('records a run with the cluster and CMS user the server names, and recognises a resent create', () =>
    withStore(async (store) => {
      const input = newRun({ spaces: [{ id: 'SP-1', label: 'Guest PIN space' }] });
      const { run, created } = await store.createRun(input, ADMIN);
      expect(created).toBe(true);
      expect(run).toMatchObject({
        id: input.id,
        cluster: 'london',
        cmsUser: 'admin',
        state: 'running',
        startedAt: '2026-03-01T09:00:00.000Z',
        spaces: [{ id: 'sp-1', label: 'Guest PIN space' }],
        writeCounts: { total: 0, pending: 0, applied: 0, refused: 0, unknown: 0 },
      });
      expect(run.finishedAt).toBeUndefined();
      expect((await store.createRun(input, ADMIN)).created).toBe(false);
      await expectStoreError(store.createRun({ ...input, title: 'Something else' }, ADMIN), 'conflict');
    }));

  it('stores an intent as pending before the outcome, and the outcome after', () =>
    withStore(async (store, clock) => {
      const { run } = await store.createRun(newRun(), ADMIN);
      clock.now = T0 + 1_000;
      const { write } = await store.appendIntent(run.id, hostMethodIntent(1), ADMIN);
      expect(write).toMatchObject({ seq: 1, outcome: 'pending', sentAt: '2026-03-01T09:00:01.000Z', form: { passcode: '4711' } });
      expect(write.answeredAt).toBeUndefined();
      expect((await store.runDetail(run.id))?.run.writeCounts).toMatchObject({ total: 1, pending: 1 });

      clock.now = T0 + 1_250;
      const answered = await store.recordAnswer(run.id, 1, { outcome: 'applied', status: 200, failures: [], objectId: 'am-1', durationMs: 42 }, ADMIN);
      expect(answered).toMatchObject({ outcome: 'applied', status: 200, objectId: 'am-1', durationMs: 42, answeredAt: '2026-03-01T09:00:01.250Z' });
      const detail = await store.runDetail(run.id);
      expect(detail?.run.writeCounts).toMatchObject({ total: 1, pending: 0, applied: 1 });
      expect(detail?.run.updatedAt).toBe('2026-03-01T09:00:01.250Z');
      // The store keeps the real values (undo needs them); masking is the API's job.
      expect(detail?.writes[0]?.operation.json).toEqual({ op: 'createAccessMethod', space: 'sp-1', form: { uri: 'host.space', passcode: '4711' } });
    }));

  it('accepts a resent identical intent or outcome, and refuses a different one for the same seq', () =>
    withStore(async (store) => {
      const { run } = await store.createRun(newRun(), ADMIN);
      await store.appendIntent(run.id, hostMethodIntent(1), ADMIN);
      expect((await store.appendIntent(run.id, hostMethodIntent(1), ADMIN)).created).toBe(false);
      await expectStoreError(store.appendIntent(run.id, hostMethodIntent(1, { path: '/api/v1/coSpaces/sp-2/accessMethods' }), ADMIN), 'conflict');
      const refused = { outcome: 'refused' as const, status: 400, failures: [{ code: 'duplicateCoSpaceUriPasscode' }] };
      await store.recordAnswer(run.id, 1, refused, ADMIN);
      expect((await store.recordAnswer(run.id, 1, refused, ADMIN)).failures).toEqual([{ code: 'duplicateCoSpaceUriPasscode' }]);
      await expectStoreError(store.recordAnswer(run.id, 1, { outcome: 'applied', status: 200, failures: [] }, ADMIN), 'conflict');
    }));

  it('names what is missing: an unknown run or write', () =>
    withStore(async (store) => {
      await expectStoreError(store.appendIntent(randomUUID(), hostMethodIntent(1), ADMIN), 'not-found');
      const { run } = await store.createRun(newRun(), ADMIN);
      await expectStoreError(store.recordAnswer(run.id, 7, { outcome: 'applied', status: 200, failures: [] }, ADMIN), 'not-found');
      expect(await store.runDetail(randomUUID())).toBeUndefined();
    }));

  it('keeps a lost answer unknown and adds the read that reconciled it', () =>
    withStore(async (store, clock) => {
      const { run } = await store.createRun(newRun(), ADMIN);
      await store.appendIntent(run.id, hostMethodIntent(1), ADMIN);
      await store.recordAnswer(run.id, 1, { outcome: 'unknown', status: 503, failures: [], error: 'CMS answered 503 after 4 tries' }, ADMIN);
      clock.now = T0 + 5_000;
      const read = { method: 'GET' as const, path: '/api/v1/coSpaces/sp-1/accessMethods', status: 200, observed: { uri: 'host.space', passcode: '4711' } };
      // Another admin of the same cluster may reconcile an abandoned run.
      const reconciled = await store.recordReconciliation(run.id, 1, { verdict: 'took-effect', read, objectId: 'am-9' }, { ...ADMIN, cmsUser: 'support' });
      expect(reconciled).toMatchObject({ outcome: 'unknown', objectId: 'am-9', reconciliation: { verdict: 'took-effect', read, at: '2026-03-01T09:00:05.000Z' } });

      await store.appendIntent(run.id, hostMethodIntent(2), ADMIN);
      await store.recordAnswer(run.id, 2, { outcome: 'applied', status: 200, failures: [] }, ADMIN);
      await expectStoreError(store.recordReconciliation(run.id, 2, { verdict: 'did-not-take-effect', read }, ADMIN), 'conflict');
    }));

  it('lets only the run’s own cluster and user add to it', () =>
    withStore(async (store) => {
      const { run } = await store.createRun(newRun(), ADMIN);
      await expectStoreError(store.appendIntent(run.id, hostMethodIntent(1), { cluster: 'paris', cmsUser: 'admin' }), 'conflict');
      await expectStoreError(store.appendIntent(run.id, hostMethodIntent(1), { cluster: 'london', cmsUser: 'eve' }), 'conflict');
      await expectStoreError(store.finishRun(run.id, 'applied', { cluster: 'london', cmsUser: 'eve' }), 'conflict');
    }));

  it('finishes a run, refuses more writes until it is reopened', () =>
    withStore(async (store, clock) => {
      const { run } = await store.createRun(newRun(), ADMIN);
      clock.now = T0 + 9_000;
      const finished = await store.finishRun(run.id, 'rollback-incomplete', ADMIN);
      expect(finished).toMatchObject({ state: 'rollback-incomplete', finishedAt: '2026-03-01T09:00:09.000Z' });
      await expectStoreError(store.appendIntent(run.id, hostMethodIntent(1, { phase: 'rollback' }), ADMIN), 'conflict');
      const reopened = await store.reopenRun(run.id, ADMIN);
      expect(reopened.state).toBe('running');
      expect(reopened.finishedAt).toBeUndefined();
      expect((await store.appendIntent(run.id, hostMethodIntent(1, { phase: 'rollback' }), ADMIN)).write.phase).toBe('rollback');
      expect((await store.finishRun(run.id, 'rolled-back', ADMIN)).state).toBe('rolled-back');
    }));

  it('lists runs newest first and pages through them without gaps or repeats, ties included', () =>
    withStore(async (store, clock) => {
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        clock.now = T0 + Math.floor(i / 3) * 1_000; // three runs share each millisecond
        ids.push((await store.createRun(newRun({ title: `run ${i}` }), ADMIN)).run.id);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 5; pages++) {
        const page = await store.listRuns({}, { limit: 10, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(25);
        seen.push(...page.runs.map((r) => r.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      const started = (await Promise.all(seen.map((id) => store.runDetail(id)))).map((d) => Date.parse(d!.run.startedAt));
      expect(started).toEqual([...started].sort((a, b) => b - a));
      expect(seen[seen.length - 1]).toBe([...ids.slice(0, 3)].sort().reverse()[2]);
      await expectStoreError(store.listRuns({}, { limit: 10, cursor: 'not-a-cursor' }), 'invalid');
    }));

  it('filters by space (id or recorded name), cluster, CMS user, date range and batch', () =>
    withStore(async (store, clock) => {
      const a = (await store.createRun(newRun({ title: 'A', spaces: [{ id: 'sp-a', label: '100%_Guest Room' }] }), ADMIN)).run;
      clock.now = T0 + 86_400_000;
      const b = (await store.createRun(newRun({ title: 'B' }), { cluster: 'paris', cmsUser: 'ops' })).run;
      await store.appendIntent(b.id, hostMethodIntent(1, { spaceId: 'sp-b' }), { cluster: 'paris', cmsUser: 'ops' });
      clock.now = T0 + 2 * 86_400_000;
      const c = (await store.createRun(newRun({ title: 'C' }), ADMIN)).run;
      await store.appendIntent(c.id, hostMethodIntent(1, { spaceId: undefined, path: '/api/v1/coSpaces' }), ADMIN);
      await store.recordAnswer(c.id, 1, { outcome: 'applied', status: 200, failures: [], objectId: 'sp-c', spaceId: 'sp-c' }, ADMIN);

      const titles = async (filter: Parameters<JournalStore['listRuns']>[0]) => (await store.listRuns(filter, { limit: 50 })).runs.map((r) => r.title);
      expect(await titles({})).toEqual(['C', 'B', 'A']);
      expect(await titles({ space: 'sp-b' })).toEqual(['B']);
      expect(await titles({ space: 'SP-C' })).toEqual(['C']);
      expect(await titles({ space: 'guest room' })).toEqual(['A']);
      expect(await titles({ space: '100%_' })).toEqual(['A']);
      expect(await titles({ space: '%' })).toEqual(['A']);
      expect(await titles({ cluster: 'paris' })).toEqual(['B']);
      expect(await titles({ cmsUser: 'admin' })).toEqual(['C', 'A']);
      expect(await titles({ from: '2026-03-02T00:00:00.000Z' })).toEqual(['C', 'B']);
      expect(await titles({ to: '2026-03-02T23:59:59.999Z' })).toEqual(['B', 'A']);
      expect(await titles({ run: a.id })).toEqual(['A']);
      const batch = { kind: 'batch', name: 'different-uris', batchId: 'batch-1' } as const;
      await store.createRun(newRun({ title: 'D1', origin: batch }), ADMIN);
      clock.now += 1;
      await store.createRun(newRun({ title: 'D2', origin: batch }), ADMIN);
      await store.createRun(newRun({ title: 'E', origin: { ...batch, batchId: 'batch-2' } }), ADMIN);
      expect(await titles({ batch: 'batch-1' })).toEqual(['D2', 'D1']);
      expect(await titles({ batch: 'batch-1', cluster: 'paris' })).toEqual([]);
      expect((await store.listRuns({ cmsUser: 'admin' }, { limit: 1 })).total).toBe(5);
      expect(await store.facets()).toEqual({ clusters: ['london', 'paris'], cmsUsers: ['admin', 'ops'] });
    }));

  it('keeps everything across a close and a reopen', async () => {
    const config = await kind.fresh();
    const clock = { now: T0 };
    const first = await open(config, clock);
    const { run } = await first.store.createRun(newRun(), ADMIN);
    await first.store.appendIntent(run.id, hostMethodIntent(1), ADMIN);
    await first.close();

    const second = await open(config, clock);
    try {
      const detail = await second.store.runDetail(run.id);
      expect(detail?.writes.map((w) => [w.seq, w.outcome, w.form.passcode])).toEqual([[1, 'pending', '4711']]);
    } finally {
      await second.close();
    }
  });
});
