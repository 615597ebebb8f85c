import { createCmsClient } from '../../src/api/transport/client';
import { collectAll } from '../../src/api/transport/paging';
import { coSpaceSchema } from '../../src/api/params/schemas';
import { count, ms, perSecond } from '../format';
import { median, min, timeAsync } from '../measure';
import { LARGE_MOCK_ARGS, LARGE_MOCK_SPACES, MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

const SPACES = LARGE_MOCK_SPACES;
const CONCURRENCIES = [1, 8];
const WARM_UPS = 1;
const RUNS = 3;

export const listingSpaces: Section = {
  name: 'listing',
  title: `Listing ${count(SPACES)} spaces through the client`,
  note: `standalone mock (${LARGE_MOCK_ARGS.join(' ')}), collectAll over Node fetch; ${WARM_UPS} warm-up + ${RUNS} timed runs each`,
  async run({ mock, progress }) {
    const { url } = await mock(LARGE_MOCK_ARGS);
    let requests = 0;
    let failedExchanges = 0;
    const client = createCmsClient({
      baseUrl: url,
      credentials: () => ({ ...MOCK_CREDENTIALS }),
      onExchange: (exchange) => {
        requests++;
        if (exchange.error !== undefined || (exchange.status ?? 0) >= 300) failedExchanges++;
      },
    });

    const rows: Row[] = [];
    for (const concurrency of CONCURRENCIES) {
      const times: number[] = [];
      const requestCounts: number[] = [];
      let spaces = 0;
      for (let run = 1; run <= WARM_UPS + RUNS; run++) {
        const warmUp = run <= WARM_UPS;
        progress(`concurrency ${concurrency}: ${warmUp ? 'warm-up' : `run ${run - WARM_UPS}/${RUNS}`}`);
        requests = 0;
        const { ms: elapsed, value } = await timeAsync(() =>
          collectAll(client, '/coSpaces', { item: 'coSpace', schema: coSpaceSchema, concurrency }),
        );
        spaces = value.items.length;
        if (spaces !== SPACES || value.total !== SPACES) {
          throw new BenchFailure(
            `concurrency ${concurrency}: received ${spaces} spaces (CMS total ${value.total}), expected ${SPACES}.`,
          );
        }
        if (warmUp) continue;
        times.push(elapsed);
        requestCounts.push(requests);
      }
      const typical = median(times);
      rows.push({
        name: `concurrency ${concurrency}`,
        median: ms(typical),
        min: ms(min(times)),
        requests: requestCounts.every((n) => n === requestCounts[0]) ? count(requestCounts[0] ?? 0) : requestCounts.map(count).join('/'),
        spaces: count(spaces),
        'spaces/s': perSecond(spaces, typical),
      });
    }
    if (failedExchanges > 0) {
      // collectAll recovered (503 retries), so the figures stand, but they include the back-off.
      rows.push({ name: `(${count(failedExchanges)} exchanges answered non-2xx and were retried)` });
    }
    return rows;
  },
};
