import { createCallLegProfile } from '../../src/api/resources/call-leg-profiles';
import { configureCmsClient } from '../../src/api/transport/cms-client';
import { fleetReach } from '../../src/domain/space-evaluation/fleet-reach';
import { count, ms, perSecond } from '../format';
import { LARGE_MOCK_ARGS, LARGE_MOCK_SPACES, MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

/** What one request costs on a real CMS, for the estimate column. */
const CMS_LATENCY_MS = 20;
const CONCURRENCY = 6;

/**
 * fleetReach of a global callLegProfile change on the large seed (every space has a guest profile
 * that sets needsActivation and deactivationMode): once for a change its spaces' own profiles
 * cover (no space is read one by one), once for one they do not (every space is).
 */
export const reach: Section = {
  name: 'reach',
  title: `Reach of a global callLegProfile change over ${count(LARGE_MOCK_SPACES)} spaces`,
  note: `fleetReach against the standalone mock (${LARGE_MOCK_ARGS.join(' ')}), concurrency ${CONCURRENCY}, one run each; estimate = requests × ${CMS_LATENCY_MS} ms ÷ ${CONCURRENCY}`,
  async run({ mock, progress }) {
    const { url } = await mock(LARGE_MOCK_ARGS);
    configureCmsClient({ baseUrl: url, credentials: () => ({ ...MOCK_CREDENTIALS }) });
    try {
      const covered = await createCallLegProfile({ name: 'bench: activation only', needsActivation: true, deactivationMode: 'disconnect' });
      const inherited = await createCallLegProfile({ name: 'bench: labels', participantLabels: true, deactivationModeTime: 30 });
      const rows: Row[] = [];
      for (const [label, to, expected] of [
        ['covered by every space’s own profile', covered, 0],
        ['inherited by every space', inherited, LARGE_MOCK_SPACES],
      ] as const) {
        progress(`reach: ${label}`);
        const t0 = performance.now();
        const result = await fleetReach({ kind: 'callLegProfile', level: { scope: 'global' }, to }, { concurrency: CONCURRENCY });
        const wall = performance.now() - t0;
        if (result.spaces.length !== expected) throw new BenchFailure(`${label}: ${result.spaces.length} spaces reached, expected ${expected}`);
        rows.push({
          name: label,
          'spaces reached': count(result.spaces.length),
          'ways in': count(result.pathsChanged),
          'spaces read': count(result.spacesRead),
          requests: count(result.requests),
          wall: ms(wall),
          'req/s': perSecond(result.requests, wall),
          'estimate on a CMS': ms((result.requests * CMS_LATENCY_MS) / CONCURRENCY),
        });
      }
      return rows;
    } finally {
      configureCmsClient();
    }
  },
};
