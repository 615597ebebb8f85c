import { http, HttpResponse, passthrough } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getScan, listScanResults } from '../../api/resources/scans';
import { configureStudioClient } from '../../api/resources/studio-request';
import { withMockCms } from '../../testing/mock-cms';
import { spawnStudio, type SpawnedStudio } from '../../testing/spawn-studio';
import { runScan, type ScanEvent } from './run-scan';

const { mock, server } = withMockCms();
let studio: SpawnedStudio;

beforeAll(async () => {
  studio = await spawnStudio();
  configureStudioClient({ baseUrl: studio.url, retryDelayMs: 1 });
}, 60_000);
afterAll(async () => {
  configureStudioClient();
  await studio?.stop();
});
// The CMS is the mock in this process; the scans go to a real studio server.
beforeEach(() => server.use(http.all(`${studio.url}/*`, () => passthrough())));

const kinds = (events: ScanEvent[]) => events.map((e) => e.kind).filter((k, i, all) => k !== 'progress' || all[i - 1] !== 'progress');

describe('runScan with the studio server', () => {
  it('runs one scan per cluster: a second start at the same time follows the first, which stores every result', async () => {
    const a: ScanEvent[] = [];
    const b: ScanEvent[] = [];
    const [first, second] = await Promise.all([runScan({ onEvent: (e) => a.push(e) }), runScan({ onEvent: (e) => b.push(e) })]);
    const [scanning, following] = a[0]?.kind === 'started' ? [a, b] : [b, a];
    expect(kinds(scanning)).toEqual(['started', 'progress', 'finished']);
    expect(kinds(following)).toEqual(['following']);
    const done = (first?.state === 'complete' ? first : second)!;
    expect(done).toMatchObject({ state: 'complete', live: false, spacesTotal: 11, counts: { results: 11, fail: 0, unread: 0 } });
    expect(following[0]).toMatchObject({ scan: { id: done.id, live: true } });
    const stored = await listScanResults({ scans: [done.id] }, { sort: 'name' }, { offset: 0, limit: 50 });
    expect(stored.results.map((r) => r.name)).toContain('Guest/Host PIN');
    expect(JSON.stringify(stored)).not.toMatch(/PIN \d/);
  });

  it('stores what it read when cancelled, and a resume reads only the rest, from what the server stored', async () => {
    mock.reset('large:40');
    const controller = new AbortController();
    const events: ScanEvent[] = [];
    const stopped = await runScan({
      signal: controller.signal,
      concurrency: 2,
      batchSize: 5,
      progressMs: 0,
      onEvent: (e) => {
        events.push(e);
        if (e.kind === 'progress' && e.progress.scanned >= 12) controller.abort();
      },
    });
    expect(stopped).toMatchObject({ state: 'stopped', live: false });
    const storedFirst = stopped!.counts.results;
    expect(storedFirst).toBeGreaterThanOrEqual(12);
    expect(storedFirst).toBeLessThan(40);

    const resumedEvents: ScanEvent[] = [];
    const done = await runScan({ resume: stopped!.id, onEvent: (e) => resumedEvents.push(e) });
    expect(resumedEvents[0]).toMatchObject({ kind: 'started', resumed: true, alreadyDone: storedFirst });
    const last = resumedEvents.filter((e) => e.kind === 'progress').at(-1);
    expect(last).toMatchObject({ progress: { listed: 40, skipped: storedFirst, scanned: 40 - storedFirst } });
    expect(done).toMatchObject({ id: stopped!.id, state: 'complete', counts: { results: 40, fail: 36, pass: 4 } });
    expect(done!.requests).toBe(stopped!.requests + (last?.kind === 'progress' ? last.progress.requests : 0));
    expect((await getScan(done!.id)).counts.results).toBe(40);
  });

  it('sends fewer requests at once while CMS answers 503, and still stores every space', async () => {
    mock.reset('large:40');
    mock.faults.latencyMs = 2;
    const events: ScanEvent[] = [];
    const done = await runScan({
      concurrency: 8,
      progressMs: 0,
      onEvent: (e) => {
        events.push(e);
        // CMS gets busy once the scan runs at full width: the next six requests answer 503.
        if (e.kind === 'progress' && e.progress.scanned === 8) mock.faults.busy = 6;
      },
    });
    const limits = events.flatMap((e) => (e.kind === 'progress' ? [e.limit] : []));
    expect(limits[0]).toBe(8);
    expect(Math.min(...limits)).toBeLessThanOrEqual(4);
    expect(mock.faults.busy).toBe(0);
    expect(done).toMatchObject({ state: 'complete', counts: { results: 40, unread: 0 } });
  });

  it('gives the scan up when another tab or studio has taken its lease: it stops reading CMS, never finishes the scan it lost, and says so', async () => {
    mock.reset('large:40');
    const finishes: string[] = [];
    server.use(
      // What the server answers a holder whose lease expired and went to another start.
      http.post(`${studio.url}/studio/scans/:id/results`, () => HttpResponse.json({ code: 'conflict', error: 'Another start holds this scan now.' }, { status: 409 })),
      http.post(`${studio.url}/studio/scans/:id/finish`, ({ params }) => {
        finishes.push(String(params.id));
        return passthrough();
      }),
    );
    const events: ScanEvent[] = [];
    const result = await runScan({ concurrency: 2, batchSize: 5, progressMs: 0, onEvent: (e) => events.push(e) });
    expect(result).toBeUndefined();
    expect(kinds(events).at(-1)).toBe('failed');
    expect(events.at(-1)).toMatchObject({ message: expect.stringMatching(/^Another tab or studio took this scan over/) });
    const scanned = events.flatMap((e) => (e.kind === 'progress' ? [e.progress.scanned] : []));
    expect(Math.max(...scanned)).toBeLessThan(40);
    expect(finishes).toEqual([]);
    const started = events[0]?.kind === 'started' ? events[0].scan.id : '';
    expect(await getScan(started)).toMatchObject({ state: 'running', counts: { results: 0 } });
  });
});
