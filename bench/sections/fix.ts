import { configureChangeJournal } from '../../src/api/changes/journal-port';
import { createMemoryJournal } from '../../src/api/changes/memory-journal';
import { configureCmsClient } from '../../src/api/transport/cms-client';
import { batchPatternSchema } from '../../src/domain/batch-fix/batch-pattern';
import { planBatchFix, reviewOf } from '../../src/domain/batch-fix/plan-batch';
import { createBatchRun } from '../../src/domain/batch-fix/run-batch';
import { createAdaptiveLimiter } from '../../src/lib/adaptive-limit';
import { createLimiter } from '../../src/lib/limit';
import { count, ms, perSecond } from '../format';
import { MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

/** Requests in flight at once, for planning and applying alike (a limiter around fetch holds every request to it). */
const IN_FLIGHT = 8;
const LATENCY_MS = 20;
/** The large seed gives every tenth space a host way in; 1,111 spaces hold exactly 1,000 broken ones. */
const SEEDED = 1_111;
const BROKEN = Array.from({ length: SEEDED }, (_, i) => i + 1).filter((i) => i % 10 !== 0);
const spaceId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/**
 * Pattern 2 (same URI, two PINs) with the large seed's own profile settings, so the planner finds
 * and reuses the seed's guest and host profiles (no shared run) and each broken space needs exactly
 * one write: its host access method, with a fresh 4-digit host PIN.
 */
const PATTERN = batchPatternSchema.parse({
  scenario: 'same-uri-two-pins',
  profiles: {
    guest: { mode: 'create', settings: { needsActivation: true, deactivationMode: 'deactivate' }, advanced: {} },
    host: { mode: 'create', settings: { needsActivation: false }, advanced: {} },
  },
  host: { uriPrefix: '', uriSuffix: '', callIdPrefix: '', callIdSuffix: '9', pinDigits: 4 },
});

/**
 * The requests applying the batch must make: one POST per space (createAccessMethod; its URI and
 * call ID are unique, so the engine needs no read of the collection before it, and the answer's
 * Location names the new object). Nothing can be saved: CMS has no bulk write for access methods.
 */
const APPLY_REQUESTS = BROKEN.length;

/** Every request to the mock waits for one of IN_FLIGHT slots, the answer read in full inside it. */
function limitedFetch(): typeof fetch {
  const limiter = createLimiter(IN_FLIGHT);
  return (input, init) =>
    limiter.run(async () => {
      const answer = await fetch(input, init);
      const body = await answer.arrayBuffer();
      return new Response(answer.status === 204 ? null : body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    });
}

async function fixOnce(url: string, progress: (message: string) => void) {
  let requests = 0;
  configureCmsClient({ baseUrl: url, credentials: () => ({ ...MOCK_CREDENTIALS }), fetch: limitedFetch(), onExchange: () => void requests++ });
  configureChangeJournal(createMemoryJournal());
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const plan = await planBatchFix(PATTERN, BROKEN.map(spaceId), {
      limiter: createAdaptiveLimiter({ max: IN_FLIGHT }),
      onPlanned: (done, total) => {
        if (done % 100 === 0) progress(`planned ${count(done)} of ${count(total)}`);
      },
    });
    const planWall = performance.now() - t0;
    const planCpu = process.cpuUsage(cpu0);
    const planRequests = requests;
    const review = reviewOf(plan);
    if (review.ready !== BROKEN.length || review.writes.createAccessMethod !== BROKEN.length || review.totalWrites !== BROKEN.length) {
      throw new BenchFailure(`planned ${review.ready} ready spaces and ${JSON.stringify(review.writes)}, expected ${BROKEN.length} access methods to create`);
    }
    requests = 0;
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    const batch = createBatchRun(plan, {
      concurrency: IN_FLIGHT,
      onChange: (state) => {
        if (state.done % 100 === 0) progress(`applied ${count(state.done)} of ${count(state.total)}`);
      },
    });
    const end = await batch.start();
    const applyWall = performance.now() - t1;
    const applyCpu = process.cpuUsage(cpu1);
    const applied = end.spaces.filter((s) => s.status === 'applied').length;
    if (applied !== BROKEN.length) throw new BenchFailure(`${applied} spaces applied of ${BROKEN.length}: ${end.spaces.find((s) => s.reason)?.reason ?? ''}`);
    if (requests !== APPLY_REQUESTS) throw new BenchFailure(`applying sent ${requests} requests, expected ${APPLY_REQUESTS}`);
    const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    return { planWall, planRequests, planCpuMs: cpuMs(planCpu), applyWall, applyRequests: requests, applyCpuMs: cpuMs(applyCpu) };
  } finally {
    configureCmsClient();
    configureChangeJournal();
  }
}

/**
 * A batch fix of 1,000 broken spaces as the Audit page runs it: planned (every space read and
 * pre-flighted as the wizard does), then applied one run per space, each against the bound
 * requests × latency ÷ requests in flight.
 */
export const fixBench: Section = {
  name: 'fix',
  title: `Batch fix: ${count(BROKEN.length)} broken spaces with one pattern`,
  note: [
    `planBatchFix + createBatchRun against the standalone mock (--seed large:${SEEDED} --page-limit 10 [--latency ${LATENCY_MS}]), ${IN_FLIGHT} requests in flight; bound = requests × latency ÷ ${IN_FLIGHT}; journal in memory`,
    `   apply: ${count(APPLY_REQUESTS)} requests = one POST per space (its host access method); plan: the requests counted (shared reads once; per space its GET, access-method and member lists, and the wizard's pre-flight: tenants, dial-in security profiles, uriUsageQuery per tenant, call-ID look-ups)`,
  ].join('\n'),
  async run({ mock, progress }) {
    const rows: Row[] = [];
    for (const [label, latency] of [
      ['no latency', 0],
      [`${LATENCY_MS} ms latency`, LATENCY_MS],
    ] as const) {
      const args = ['--seed', `large:${SEEDED}`, '--page-limit', '10', ...(latency === 0 ? [] : ['--latency', String(latency)])];
      const { url } = await mock(args);
      progress(`fix: ${label}`);
      const figures = await fixOnce(url, (m) => progress(`fix (${label}): ${m}`));
      for (const [phase, wall, requests, cpuMs] of [
        ['plan', figures.planWall, figures.planRequests, figures.planCpuMs],
        ['apply', figures.applyWall, figures.applyRequests, figures.applyCpuMs],
      ] as const) {
        const bound = latency === 0 ? undefined : (requests * latency) / IN_FLIGHT;
        rows.push({
          name: `${phase}, ${label}`,
          spaces: count(BROKEN.length),
          'spaces/s': perSecond(BROKEN.length, wall),
          requests: count(requests),
          'req/space': (requests / BROKEN.length).toFixed(1),
          wall: ms(wall),
          bound: bound === undefined ? '–' : ms(bound),
          'wall ÷ bound': bound === undefined ? '–' : (wall / bound).toFixed(2),
          // The studio's own CPU per request (fetch, XML, zod, planning, the engine's journaling): with one Node thread, requests/s cannot exceed its inverse.
          'client CPU/req': ms(cpuMs / requests),
        });
      }
    }
    return rows;
  },
};
