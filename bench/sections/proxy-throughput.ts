import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  note: `wrk, 1 thread, ${SECONDS} s per run, direct and proxied back to back at each connection count; upstreams: the mock (seed lab, first page of 10 spaces) and a fixed answer of the same bytes`,
  async run({ mock, progress }) {
    const wrk = ensureWrk();
    if (!wrk) return [{ name: 'skipped', reason: 'wrk is missing and this is not root: apt-get install -y wrk' }];
    const cms = await mock(['--seed', 'lab', '--page-limit', '10']);
    const auth = `Basic ${btoa(`${MOCK_CREDENTIALS.user}:${MOCK_CREDENTIALS.password}`)}`;
    const body = await (await fetch(cms.url + PATH, { headers: { Authorization: auth } })).text();
    // The mock spends more per request than a CMS would; a fixed answer shows the proxy's own cost.
    const fixed = await fixedAnswerServer(body);
    const rows: Row[] = [];
    try {
      for (const [upstream, url] of [
        ['mock CMS', cms.url],
        ['fixed answer', fixed.url],
      ] as const) {
        // The access log goes to a file, as in production, not through a pipe into this process.
        const log = join(mkdtempSync(join(tmpdir(), 'studio-bench-')), 'access.log');
        const proxy = await spawnProxy(
          { CMS_URL: url, CMS_USER: MOCK_CREDENTIALS.user, CMS_PASSWORD: MOCK_CREDENTIALS.password, ACCESS_LOG_FILE: log },
          false,
        );
        try {
          for (const connections of CONNECTIONS) {
            progress(`${upstream}, ${connections} connections: direct`);
            const direct = await runWrk(wrk, url + PATH, connections, SECONDS, { Authorization: auth });
            progress(`${upstream}, ${connections} connections: through the proxy`);
            const proxied = await runWrk(wrk, proxy.url + PATH, connections, SECONDS, { 'X-Requested-By': 'cms-access-studio' });
            for (const [label, r] of [['direct', direct], ['proxy', proxied]] as Array<[string, WrkResult]>) {
              if (r.errors > 0) throw new BenchFailure(`${upstream}, ${label} at ${connections} connections: ${r.errors} failed requests`);
            }
            rows.push({
              name: `${upstream}, ${connections} conn.`,
              'direct req/s': count(Math.round(direct.requestsPerSecond)),
              'proxy req/s': count(Math.round(proxied.requestsPerSecond)),
              ratio: `${(proxied.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}×`,
              'direct p50': micros(direct.p50Us),
              'proxy p50': micros(proxied.p50Us),
              'added p50': micros(proxied.p50Us - direct.p50Us),
              'direct p99': micros(direct.p99Us),
              'proxy p99': micros(proxied.p99Us),
            });
          }
        } finally {
          await proxy.stop();
        }
      }
    } finally {
      await new Promise((resolve) => fixed.server.close(resolve));
    }
    rows.push({ name: `answer ${bytes(body.length)}` });
    return rows;
  },
};

/** An upstream that costs next to nothing: the same XML for every request, as nginx serving a file would. */
async function fixedAnswerServer(body: string): Promise<{ url: string; server: Server }> {
  const payload = Buffer.from(body);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': payload.length });
    res.end(payload);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}
