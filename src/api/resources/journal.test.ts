import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnStudio, type SpawnedStudio } from '../../testing/spawn-studio';
import { beginRun, finishRun, getRunDetail, listRuns, recordIntent, recordOutcome, recordReconciliation } from './journal';
import { configureStudioClient, isStudioError } from './studio-request';

let studio: SpawnedStudio;

beforeAll(async () => {
  studio = await spawnStudio();
  configureStudioClient({ baseUrl: studio.url, retryDelayMs: 1 });
}, 180_000);

afterAll(async () => {
  configureStudioClient();
  await studio?.stop();
});

const intent = (seq: number) => ({
  seq,
  operation: { kind: 'updateCoSpace', json: { op: 'updateCoSpace', space: 'sp-1', form: { passcode: '2468' } } },
  method: 'PUT' as const,
  path: '/api/v1/coSpaces/sp-1',
  form: { passcode: '2468' },
  objectKind: 'coSpace',
  objectId: 'sp-1',
  spaceId: 'sp-1',
  before: { passcode: '1357' },
  after: { passcode: '2468' },
});

describe('journal client against the real studio server', () => {
  it('records a run the way the change engine will: begin, intent, outcome, reconciliation, finish', async () => {
    const runId = await beginRun({ kind: 'page', name: 'space/edit' }, 'Change the guest PIN', [{ id: 'sp-1', label: 'guest.space' }]);
    expect(runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const pending = await recordIntent(runId, intent(1));
    expect(pending).toMatchObject({ seq: 1, outcome: 'pending', form: { passcode: '*****' } });
    expect(await recordIntent(runId, intent(1))).toMatchObject({ seq: 1 });
    await recordOutcome(runId, 1, { outcome: 'unknown', error: 'connection reset' });
    const read = { method: 'GET' as const, path: '/api/v1/coSpaces/sp-1', status: 200, observed: { passcode: '2468' } };
    expect(await recordReconciliation(runId, 1, { verdict: 'took-effect', read })).toMatchObject({ reconciliation: { verdict: 'took-effect' } });
    expect(await finishRun(runId, 'applied')).toMatchObject({ state: 'applied', cluster: 'mock', writeCounts: { unknown: 1 } });

    const page = await listRuns({ space: 'guest.space' });
    expect(page.runs.map((r) => r.id)).toEqual([runId]);
    const masked = await getRunDetail(runId);
    expect(masked.writes[0]).toMatchObject({ before: { passcode: '*****' }, reconciliation: { read: { observed: { passcode: '*****' } } } });
    expect((await getRunDetail(runId, { reveal: true })).writes[0]?.before).toEqual({ passcode: '1357' });
  });

  it('rejects with a StudioError the engine can act on: conflict, or unavailable when the journal is gone', async () => {
    const runId = await beginRun({ kind: 'wizard', name: 'scenario-1' }, 'Conflicts');
    await recordIntent(runId, intent(1));
    const conflict = await recordIntent(runId, { ...intent(1), path: '/api/v1/coSpaces/sp-2' }).catch((e: unknown) => e);
    expect(isStudioError(conflict) && conflict.kind).toBe('conflict');

    await studio.stop();
    const gone = await recordIntent(runId, intent(2)).catch((e: unknown) => e);
    expect(isStudioError(gone) && gone.kind).toBe('unavailable');
    expect(String(gone)).toMatch(/could not be reached/);
  });
});
