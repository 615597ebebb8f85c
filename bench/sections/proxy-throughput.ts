import { spawnProxy } from '../../proxy/testing/spawn-proxy';
import { bytes, count } from '../format';
import { MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';
import { ensureWrk, runWrk, type WrkResult } from '../wrk';

const CONNECTIONS = [1, 16, 64];
const SECONDS = 5;
const PATH = '/api/v1/coSpaces';

const micros = (value: number) => `${Math.round(value)} µs`;

export const proxyThroughput: Section = {
  name: 'proxy',
  title: 'Proxy overhead: GET /api/v1/coSpaces direct to the mock and through the proxy',
  note: `wrk, 1 thread, ${SECONDS} s per run, direct and proxied back to back at each connection count; mock seed lab (first page of 10 spaces)`,
  async run({ mock, progress }) {
    const wrk = ensureWrk();
    if (!wrk) return [{ name: 'skipped', reason: 'wrk is missing and this is not root: apt-get install -y wrk' }];
    const cms = await mock(['--seed', 'lab', '--page-limit', '10']);
    const proxy = await spawnProxy({ CMS_URL: cms.url, CMS_USER: MOCK_CREDENTIALS.user, CMS_PASSWORD: MOCK_CREDENTIALS.password });
    try {
      const auth = `Basic ${btoa(`${MOCK_CREDENTIALS.user}:${MOCK_CREDENTIALS.password}`)}`;
      const size = (await (await fetch(cms.url + PATH, { headers: { Authorization: auth } })).text()).length;
      const rows: Row[] = [];
      for (const connections of CONNECTIONS) {
        progress(`${connections} connections: direct`);
        const direct = runWrk(wrk, cms.url + PATH, connections, SECONDS, { Authorization: auth });
        progress(`${connections} connections: through the proxy`);
        const proxied = runWrk(wrk, proxy.url + PATH, connections, SECONDS, { 'X-Requested-By': 'cms-access-studio' });
        for (const [label, r] of [['direct', direct], ['proxy', proxied]] as Array<[string, WrkResult]>) {
          if (r.errors > 0) throw new BenchFailure(`${label} at ${connections} connections: ${r.errors} failed requests`);
        }
        rows.push({
          name: `${connections} connection${connections === 1 ? '' : 's'}`,
          'direct req/s': count(Math.round(direct.requestsPerSecond)),
          'proxy req/s': count(Math.round(proxied.requestsPerSecond)),
          'ratio': `${(proxied.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}×`,
          'direct p50': micros(direct.p50Us),
          'proxy p50': micros(proxied.p50Us),
          'added p50': micros(proxied.p50Us - direct.p50Us),
          'direct p99': micros(direct.p99Us),
          'proxy p99': micros(proxied.p99Us),
        });
      }
      rows.push({ name: `answer ${bytes(size)}` });
      return rows;
    } finally {
      await proxy.stop();
    }
  },
};
