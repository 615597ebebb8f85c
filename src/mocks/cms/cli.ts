import { parseArgs } from 'node:util';
import { createCmsHandlers } from './handlers';
import { describePageLimits, parsePageLimits } from './http/page-limits';
import { createMockCms } from './mock-cms';
import { parseSeedName } from './seeds/seed';
import { listen } from './server';
import { selfSignedCertificate } from './tls';

const USAGE =
  'usage: npm run mock-cms -- [--port N] [--host H] [--tls] [--page-limit N | --page-limit coSpaces=20,default=10] [--latency MS] [--seed lab|empty|reach|large:N] [--studio-origin URL[,URL]]';

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} needs a whole number, got "${text}".\n${USAGE}`);
  return Number(text);
}

function readArgs() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      tls: { type: 'boolean' },
      'page-limit': { type: 'string' },
      latency: { type: 'string' },
      seed: { type: 'string' },
      'studio-origin': { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
}

async function main() {
  const values = readArgs();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const user = process.env.MOCK_CMS_USER ?? 'admin';
  const password = process.env.MOCK_CMS_PASSWORD ?? 'admin';
  const host = values.host ?? '127.0.0.1';
  const limits = parsePageLimits(values['page-limit'] ?? '10');
  const mock = createMockCms({
    pageLimit: limits.default,
    pageLimits: { ...limits.byCollection },
    latencyMs: positiveInt('latency', values.latency, 0),
    seed: parseSeedName(values.seed ?? 'lab'),
    credentials: { user, password },
    controlOrigins: (values['studio-origin'] ?? '').split(',').map((o) => o.trim()).filter(Boolean),
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
  console.log(`seed: ${mock.options.seed}, page limit: ${describePageLimits(mock.options.pageLimits)}, latency: ${mock.options.latencyMs} ms`);
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
