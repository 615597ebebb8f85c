import { describe, expect, it } from 'vitest';
import { planUndo } from '../../api/changes/undo-plan';
import { getSpace, listAllAccessMethods } from '../../api/resources/spaces';
import { listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import type { ScanResult } from '../../api/wire/scan-contract';
import { createAdaptiveLimiter } from '../../lib/adaptive-limit';
import { AUDIT } from '../../mocks/cms/seeds/audit';
import { dumpCms } from '../../testing/cms-dump';
import { journalWritesOf } from '../../testing/journal-records';
import { TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { scanFleet } from '../fleet-audit/fleet-scan';
import { GUIDE_GUEST_SETTINGS, GUIDE_HOST_SETTINGS } from '../space-planning/wizard-schema';
import { batchPatternSchema, type BatchPatternValues } from './batch-pattern';
import { planBatchFix, reviewOf, type BatchFixPlan } from './plan-batch';
import type { SpaceFix } from './plan-space';
import { createBatchRun } from './run-batch';
import { applyBatchUndo, planBatchUndo } from './undo-batch';

const { mock, journal } = withMockCms();

const existingProfiles = { guest: { mode: 'existing', id: AUDIT.callLegProfiles.guest }, host: { mode: 'existing', id: AUDIT.callLegProfiles.host } } as const;
const newProfiles = {
  guest: { mode: 'create', settings: { ...GUIDE_GUEST_SETTINGS }, advanced: {} },
  host: { mode: 'create', settings: { ...GUIDE_HOST_SETTINGS }, advanced: {} },
} as const;
const hostRule = { uriPrefix: '', uriSuffix: '.host', callIdPrefix: '', callIdSuffix: '9', pinDigits: 4 };

const pattern = (values: Partial<BatchPatternValues> = {}) =>
  batchPatternSchema.parse({ scenario: 'different-uris', profiles: existingProfiles, host: hostRule, ...values });
const plan = (values: Partial<BatchPatternValues>, numbers: readonly number[], batchId = 'batch-test') =>
  planBatchFix(pattern(values), numbers.map(AUDIT.space), { limiter: createAdaptiveLimiter({ max: 4 }), batchId });
const spaceOf = (p: BatchFixPlan, n: number) => p.spaces.find((s) => s.spaceId === AUDIT.space(n)) as SpaceFix;

async function statuses(numbers: readonly number[]): Promise<Array<ScanResult['status'] | undefined>> {
  const results: ScanResult[] = [];
  await scanFleet({ limiter: createAdaptiveLimiter({ max: 8 }), onResult: (r) => results.push(r) });
  return numbers.map((n) => results.find((r) => r.spaceId === AUDIT.space(n))?.status);
}

const form = (values: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(values) });

describe('batch fix: planning', () => {
  it('plans each space as the wizard does and counts spaces and writes for the review', async () => {
    mock.reset('audit');
    const p = await plan({}, [1, 2, 3, 4, 5, 6, 7, 8, 13, 16]);
    expect(p.shared.steps).toEqual([]);
    expect(p.shared.ids).toMatchObject({ guestProfile: AUDIT.callLegProfiles.guest, hostProfile: AUDIT.callLegProfiles.host });
    expect(reviewOf(p)).toEqual({
      spaces: 10,
      ready: 8,
      fine: 1,
      conflicts: 1,
      unread: 0,
      writes: { createAccessMethod: 8, updateSpace: 4 },
      totalWrites: 12,
    });
    expect(spaceOf(p, 5).steps.map((s) => s.operation.op)).toEqual(['updateSpace', 'createAccessMethod']);
    expect(spaceOf(p, 16).status).toBe('fine');
    // Space 13's host method is on the guest URI: "different URIs" cannot keep it as it is.
    expect(spaceOf(p, 13).issues.map((i) => i.message).join(' ')).toMatch(/Hosts need their own URI/);
  });

  it('makes the shared profiles once, and lists spaces CMS no longer has', async () => {
    mock.reset('audit');
    const p = await plan({ profiles: newProfiles }, [1, 2, 3]);
    const gone = 'a0d17005-0000-4000-8000-0000000000ff';
    const withGone = await planBatchFix(p.pattern, [AUDIT.space(1), gone], { limiter: createAdaptiveLimiter({ max: 2 }) });
    expect(p.shared.steps.map((s) => s.operation.op)).toEqual(['createCallLegProfile', 'createCallLegProfile']);
    expect(reviewOf(p).writes).toEqual({ createCallLegProfile: 2, updateSpace: 3, createAccessMethod: 3 });
    expect(withGone.spaces.find((s) => s.spaceId === gone)).toMatchObject({ status: 'unread', reason: 'CMS has no such space any more.' });
  });

  it('gives each space a random host PIN of N digits, different from its guest PIN, and longer where the dial-in security profile asks', async () => {
    mock.reset('audit');
    const p = await plan({ scenario: 'same-uri-two-pins' }, [1, 2, 3, 4]);
    for (const n of [1, 2, 3, 4]) {
      const space = spaceOf(p, n);
      expect(space.status).toBe('ready');
      expect(space.host.pin).toMatch(/^\d{4}$/);
      expect(space.host.pin).not.toBe(String(730_000 + n * 11));
      expect(space.host.uri).toBe(`audit.${n}`);
      expect(space.host.callId).toBe(`${8_300_000 + n}9`);
    }
    const created = await fetch(`${TEST_CMS_URL}/api/v1/dialInSecurityProfiles`, form({ name: 'Six digits', minPasscodeLength: '6' }));
    const id = created.headers.get('Location')?.split('/').pop() ?? '';
    await fetch(`${TEST_CMS_URL}/api/v1/system/profiles`, { ...form({ dialInSecurityProfile: id }), method: 'PUT' });
    const longer = await plan({ scenario: 'same-uri-two-pins' }, [1]);
    expect(spaceOf(longer, 1).host.pin).toMatch(/^\d{6}$/);
    expect(spaceOf(longer, 1).issues).toEqual([]);
  });

  it('reports URI clashes with other spaces and spaces that need an input as conflicts, sending nothing for them', async () => {
    mock.reset('audit');
    // audit.1 + "0" is audit.10, the URI of space 10.
    const clash = await plan({ host: { ...hostRule, uriSuffix: '0' } }, [1]);
    expect(spaceOf(clash, 1).status).toBe('conflict');
    expect(spaceOf(clash, 1).issues).toEqual([expect.objectContaining({ field: 'access.uri', message: expect.stringMatching(/audit\.10/) })]);
    // Space 13 has no guest PIN: two PINs cannot tell guests and hosts apart there.
    const needsPin = await plan({ scenario: 'same-uri-two-pins' }, [13]);
    expect(spaceOf(needsPin, 13).issues.map((i) => i.message)).toContain('Enter a guest PIN: in this setup guests and hosts are told apart by their PINs.');
    expect(reviewOf(needsPin)).toMatchObject({ conflicts: 1, totalWrites: 0 });
  });
});

describe('batch fix: apply and undo', () => {
  it('applies one journaled run per space sharing one batchId, profiles once; rescan shows them healthy; undo of the batch restores CMS exactly', async () => {
    mock.reset('audit');
    const before = await dumpCms();
    const profilesBefore = (await listAllCallLegProfiles()).items.length;
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(await statuses(numbers)).toEqual(numbers.map(() => 'fail'));
    const p = await plan({ scenario: 'same-uri-two-pins', profiles: newProfiles }, numbers);
    const batch = createBatchRun(p, { concurrency: 3 });
    const end = await batch.start();
    expect(end).toMatchObject({ phase: 'done', done: 8, total: 8, shared: { status: 'applied' } });
    expect(end.spaces.map((s) => s.status)).toEqual(numbers.map(() => 'applied'));
    expect((await listAllCallLegProfiles()).items.length).toBe(profilesBefore + 2);
    const runs = journal().runs;
    expect(runs).toHaveLength(9);
    expect(new Set(runs.map((r) => `${r.origin.kind}/${r.origin.batchId}/${r.state}`))).toEqual(new Set(['batch/batch-test/applied']));
    const hostProfile = end.shared?.ledger?.refs.hostProfile;
    for (const n of numbers) {
      const methods = (await listAllAccessMethods(AUDIT.space(n))).items;
      expect(methods).toHaveLength(1);
      expect(methods[0]).toMatchObject({ uri: `audit.${n}`, callLegProfile: hostProfile });
      expect((await getSpace(AUDIT.space(n))).callLegProfile).toBe(end.shared?.ledger?.refs.guestProfile);
    }
    expect(await statuses(numbers)).toEqual(numbers.map(() => 'pass'));

    const undo = await planBatchUndo('batch-test', runs, {
      concurrency: 3,
      load: async (id) => {
        const run = runs.find((r) => r.id === id);
        if (!run) throw new Error(id);
        return planUndo(run, journalWritesOf(run));
      },
    });
    // a host access method and the guest profile on each space, and the two shared profiles
    expect(undo.counts).toEqual({ ready: 8 + 8 + 2, conflict: 0, 'done-already': 0, 'cannot-undo': 0 });
    expect(undo.runs.at(-1)?.run.spaces).toEqual([]);
    const outcomes = await applyBatchUndo(undo, { concurrency: 3 });
    expect(outcomes.map((o) => o.status)).toEqual(undo.runs.map(() => 'undone'));
    expect(await dumpCms()).toEqual(before);
    expect(await statuses(numbers)).toEqual(numbers.map(() => 'fail'));
  });

  it('pause finishes what is in flight and sends nothing new; resume goes on; cancel keeps what was applied and lists the rest', async () => {
    mock.reset('audit');
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8];
    const p = await plan({}, numbers);
    let paused = false;
    const batch = createBatchRun(p, {
      concurrency: 2,
      onChange: (state) => {
        if (!paused && state.done === 2) {
          paused = true;
          batch.pause();
        }
      },
    });
    const atPause = await batch.start();
    expect(atPause.phase).toBe('paused');
    const sent = atPause.spaces.filter((s) => s.status === 'applied').length;
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(sent).toBeLessThanOrEqual(3);
    expect(atPause.spaces.filter((s) => s.status === 'sending')).toEqual([]);
    const methodsOf = async (n: number) => (await listAllAccessMethods(AUDIT.space(n))).items.length;
    expect(await Promise.all(numbers.map(methodsOf))).toEqual(atPause.spaces.map((s) => (s.status === 'applied' ? 1 : 0)));

    let cancelled = false;
    const resumed = batch.resume();
    const done = await resumed;
    expect(done.phase).toBe('done');
    expect(done.spaces.every((s) => s.status === 'applied')).toBe(true);

    mock.reset('audit');
    const again = await plan({}, numbers, 'batch-cancel');
    const second = createBatchRun(again, {
      concurrency: 1,
      onChange: (state) => {
        if (!cancelled && state.done === 3) {
          cancelled = true;
          second.cancel();
        }
      },
    });
    const stopped = await second.start();
    expect(stopped.phase).toBe('cancelled');
    expect(stopped.spaces.map((s) => s.status)).toEqual(['applied', 'applied', 'applied', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(await Promise.all(numbers.map(methodsOf))).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('a lost answer on one space is settled by a read and a refusal on another is listed with CMS reason, while the others are applied; retry takes the failed one up', async () => {
    mock.reset('audit');
    const numbers = [1, 2, 3, 4];
    const p = await plan({}, numbers);
    // One write per space, one space at a time: write 2 is space 2's, write 3 space 3's.
    mock.faults.failWrite = [
      { nth: 2, kind: 'applyThenStatus', status: 503 },
      { nth: 3, kind: 'refuse', status: 400, code: 'duplicateCoSpaceUri' },
    ];
    const batch = createBatchRun(p, { concurrency: 1, resendDelayMs: 0 });
    const end = await batch.start();
    expect(end.spaces.map((s) => s.status)).toEqual(['applied', 'applied', 'failed', 'applied']);
    const lost = end.spaces[1]?.ledger?.writes[0];
    expect(lost).toMatchObject({ outcome: 'unknown', settled: { verdict: 'took-effect' } });
    expect(end.spaces[2]?.reason).toMatch(/^Add the host access method .*: .*URI/);
    expect((await listAllAccessMethods(AUDIT.space(2))).items).toHaveLength(1);
    expect((await listAllAccessMethods(AUDIT.space(3))).items).toHaveLength(0);
    const retried = await batch.retry(AUDIT.space(3));
    expect(retried.spaces[2]?.status).toBe('applied');
    expect((await listAllAccessMethods(AUDIT.space(3))).items).toHaveLength(1);
    expect(journal().runs.map((r) => r.state)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });

  it('stops before any space when the shared profiles cannot be made, and taking it up again never creates a profile twice', async () => {
    mock.reset('audit');
    const profilesBefore = (await listAllCallLegProfiles()).items.length;
    const p = await plan({ profiles: newProfiles }, [1, 2]);
    // The guest profile is made, the host profile refused.
    mock.faults.failWrite = { nth: 2, kind: 'refuse', status: 400, code: 'databaseNotReady' };
    const batch = createBatchRun(p, { concurrency: 2 });
    const stopped = await batch.start();
    expect(stopped).toMatchObject({ phase: 'stopped', done: 0, shared: { status: 'failed' } });
    expect(stopped.shared?.reason).toMatch(/^Create the host call leg profile/);
    expect(stopped.spaces.map((s) => s.status)).toEqual(['waiting', 'waiting']);
    expect((await listAllCallLegProfiles()).items.length).toBe(profilesBefore + 1);
    const end = await batch.start();
    expect(end).toMatchObject({ phase: 'done', done: 2, shared: { status: 'applied' } });
    expect((await listAllCallLegProfiles()).items.length).toBe(profilesBefore + 2);
    expect(journal().runs.map((r) => r.state)).toEqual(['applied', 'applied', 'applied']);
  });

  it('a pause while the shared profiles are made waits for them, sends no space, and resume goes on', async () => {
    mock.reset('audit');
    const p = await plan({ profiles: newProfiles }, [1, 2]);
    const batch = createBatchRun(p, {
      concurrency: 2,
      onChange: (summary) => {
        if (summary.phase === 'profiles') batch.pause();
      },
    });
    const paused = await batch.start();
    expect(paused).toMatchObject({ phase: 'paused', done: 0, shared: { status: 'applied' } });
    expect(paused.spaces.map((s) => s.status)).toEqual(['waiting', 'waiting']);
    expect((await listAllAccessMethods(AUDIT.space(1))).items).toHaveLength(0);
    expect(await batch.resume()).toMatchObject({ phase: 'done', done: 2 });
  });
});
