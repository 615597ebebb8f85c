import { parseArgs } from 'node:util';
import { createCmsHandlers } from './handlers';
import { createMockCms } from './mock-cms';
import { parseSeedName } from './seeds/seed';
import { listen } from './server';
import { selfSignedCertificate } from './tls';

const USAGE = 'usage: npm run mock-cms -- [--port N] [--host H] [--tls] [--page-limit N] [--latency MS] [--seed lab|empty|large:N]';

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} needs a whole number, got "${text}".\n${USAGE}`);
  return Number(text);
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      tls: { type: 'boolean' },
      'page-limit': { type: 'string' },
      latency: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const user = process.env.MOCK_CMS_USER ?? 'admin';
  const password = process.env.MOCK_CMS_PASSWORD ?? 'admin';
  const host = values.host ?? '127.0.0.1';
  const mock = createMockCms({
    pageLimit: Math.max(1, positiveInt('page-limit', values['page-limit'], 10)),
    latencyMs: positiveInt('latency', values.latency, 0),
    seed: parseSeedName(values.seed ?? 'lab'),
    credentials: { user, password },
  });
  const tls = values.tls ? await selfSignedCertificate(host) : undefined;
  const running = await listen(createCmsHandlers(mock), {
    host,
    port: positiveInt('port', values.port, 8443),
    ...(tls ? { tls: { key: tls.key, cert: tls.cert } } : {}),
  });
  if (tls) console.log(`CA certificate (trust it with CMS_CA_FILE): ${tls.caFile}`);
  console.log(
    process.env.MOCK_CMS_PASSWORD
      ? `credentials: user "${user}", password from MOCK_CMS_PASSWORD`
      : `credentials: ${user}/${password} (set MOCK_CMS_USER / MOCK_CMS_PASSWORD to change)`,
  );
  console.log(`seed: ${mock.options.seed}, page limit: ${mock.options.pageLimit}, latency: ${mock.options.latencyMs} ms`);
  console.log(`mock CMS listening on ${running.url}`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
