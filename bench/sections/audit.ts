import type { ScanResult } from '../../src/api/wire/scan-contract';
import { configureCmsClient } from '../../src/api/transport/cms-client';
import { followCmsPressure } from '../../src/domain/fleet-audit/cms-pressure';
import { scanFleet } from '../../src/domain/fleet-audit/fleet-scan';
import { createAdaptiveLimiter } from '../../src/lib/adaptive-limit';
import { count, ms, perSecond } from '../format';
import { LARGE_MOCK_ARGS, LARGE_MOCK_SPACES, MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

/** What the scan keeps in flight, as the Audit page does. */
const IN_FLIGHT = 8;
const PAGE_LIMIT = 10;
const LATENCY_MS = 20;
/** The large seed: every tenth space has one access method and one member, both with the host profile. */
const EVERY_NTH_HAS_EXTRAS = 10;
const VERDICTS: ReadonlyArray<ScanResult['status']> = ['fail', 'warn', 'pass'];

/**
 * The requests a scan of the large seed cannot do without: each page of the space list; per space
 * its GET and its member list; per tenth space also its access-method list, that method's GET and
 * the member's GET; once for the scan the system's profiles and the two callLegProfiles.
 */
function requestsForLargeSeed(spaces: number): { pages: number; perSpace: number; shared: number; total: number } {
  const pages = Math.ceil(spaces / PAGE_LIMIT);
  const withExtras = Math.floor(spaces / EVERY_NTH_HAS_EXTRAS);
  const perSpace = spaces * 2 + withExtras * 3;
  const shared = 1 + 2;
  return { pages, perSpace, shared, total: pages + perSpace + shared };
}

const EXPECTED = requestsForLargeSeed(LARGE_MOCK_SPACES);

async function scanOnce(url: string, progress: (message: string) => void) {
  configureCmsClient({ baseUrl: url, credentials: () => ({ ...MOCK_CREDENTIALS }) });
  const limiter = createAdaptiveLimiter({ max: IN_FLIGHT });
  const unfollow = followCmsPressure(limiter);
  const verdicts = new Map<ScanResult['status'], number>();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const done = await scanFleet({
      limiter,
      spacesInFlight: IN_FLIGHT * 4,
      onResult: (result) => verdicts.set(result.status, (verdicts.get(result.status) ?? 0) + 1),
      onProgress: (p) => {
        if (p.scanned % 500 === 0) progress(`scanned ${count(p.scanned)} of ${count(p.total ?? 0)}, limit ${limiter.limit}`);
      },
    });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { done, verdicts, wall, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    unfollow();
    configureCmsClient();
  }
}

/**
 * A fleet scan of the large seed as the Audit page runs it (scanFleet under the adaptive limiter),
 * once on a mock that answers at once (the studio's own cost) and once with CMS's latency, against
 * the lower bound requests × latency ÷ requests in flight.
 */
export const auditBench: Section = {
  name: 'audit',
  title: `Fleet audit: scan of ${count(LARGE_MOCK_SPACES)} spaces`,
  note: [
    `scanFleet against the standalone mock (${LARGE_MOCK_ARGS.join(' ')} [--latency ${LATENCY_MS}]), ${IN_FLIGHT} requests in flight, one run each; bound = requests × latency ÷ ${IN_FLIGHT}`,
    `   requests = ${count(EXPECTED.pages)} pages + ${count(EXPECTED.perSpace)} per-space reads (GET and member list each; access-method list, its GET and the member's GET every tenth) + ${EXPECTED.shared} shared (system profiles, 2 callLegProfiles) = ${count(EXPECTED.total)}`,
  ].join('\n'),
  async run({ mock, progress }) {
    const rows: Row[] = [];
    for (const [label, args, latency] of [
      ['no latency', LARGE_MOCK_ARGS, 0],
      [`${LATENCY_MS} ms latency`, [...LARGE_MOCK_ARGS, '--latency', String(LATENCY_MS)], LATENCY_MS],
    ] as const) {
      const { url } = await mock(args);
      progress(`audit: ${label}`);
      const { done, verdicts, wall, cpuMs } = await scanOnce(url, (m) => progress(`audit (${label}): ${m}`));
      if (done.scanned !== LARGE_MOCK_SPACES || done.unread !== 0) {
        throw new BenchFailure(`${label}: ${done.scanned} spaces scanned (${done.unread} unread), expected ${LARGE_MOCK_SPACES} read`);
      }
      // Only the spaces with the host access method have a way in for hosts.
      const passing = Math.floor(LARGE_MOCK_SPACES / EVERY_NTH_HAS_EXTRAS);
      if (verdicts.get('pass') !== passing || verdicts.get('fail') !== LARGE_MOCK_SPACES - passing) {
        throw new BenchFailure(`${label}: ${verdicts.get('pass') ?? 0} spaces pass and ${verdicts.get('fail') ?? 0} fail, expected ${passing} and ${LARGE_MOCK_SPACES - passing}`);
      }
      if (done.requests !== EXPECTED.total) throw new BenchFailure(`${label}: ${done.requests} requests, expected ${EXPECTED.total}`);
      const bound = latency === 0 ? undefined : (done.requests * latency) / IN_FLIGHT;
      rows.push({
        name: label,
        spaces: count(done.scanned),
        'spaces/s': perSecond(done.scanned, wall),
        requests: count(done.requests),
        'req/s': perSecond(done.requests, wall),
        wall: ms(wall),
        bound: bound === undefined ? '–' : ms(bound),
        'wall ÷ bound': bound === undefined ? '–' : (wall / bound).toFixed(2),
        // The studio's own CPU per request (fetch, XML, zod, evaluation): requests/s can never exceed its inverse, whatever CMS's latency.
        'client CPU/req': ms(cpuMs / done.requests),
        'fail/warn/pass': VERDICTS.map((s) => count(verdicts.get(s) ?? 0)).join('/'),
      });
    }
    return rows;
  },
};
