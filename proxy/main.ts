import { createWriteStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { createAccessLog } from './access-log';
import { buildIfStale } from './build';
import { ConfigError, loadConfig } from './config';
import { createStudioServer } from './server';

const root = join(import.meta.dirname, '..');

function main() {
  const config = loadConfig(process.env);
  if (process.env.STUDIO_SKIP_BUILD !== '1') buildIfStale(root);
  const logFile = process.env.ACCESS_LOG_FILE;
  const logStream = logFile ? createWriteStream(logFile, { flags: 'a' }) : process.stdout;
  const accessLog = createAccessLog((text) => logStream.write(text));
  const dist = join(root, 'dist');
  // Only a STUDIO_SKIP_BUILD run (the proxy's own tests) can start without a build.
  const serveStatic: (req: IncomingMessage, res: ServerResponse) => void = existsSync(dist)
    ? sirv(dist, { single: true, etag: true })
    : (_req, res) => {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('The SPA is not built: run npm run build, or npm start without STUDIO_SKIP_BUILD.\n');
      };
  const { server, studio } = createStudioServer(config, accessLog, serveStatic);

  for (const target of config.targets ?? []) {
    if (target.insecureTls) {
      console.warn(
        `WARNING: TLS certificate checks are OFF for ${target.url} (CMS_INSECURE_TLS=1). Anyone on the path can read the CMS credentials. Use CMS_CA_FILE instead.`,
      );
    }
  }
  const where = config.targets
    ? config.targets.map((t) => `${t.name} → ${t.url} (${t.credentials ? `as ${t.credentials.user}` : 'sign-in form'})`).join(', ')
    : 'built-in mock CMS (seed lab)';

  // No CMS write may be sent that the journal cannot record, so a journal that cannot open stops the start.
  studio.journalReady.then(
    (journal) =>
      server.listen(config.port, config.host, () => {
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        console.log(`CMS: ${where}`);
        console.log(`journal: ${journal}`);
        console.log(`listening on http://${host}:${port}`);
      }),
    (error: unknown) => {
      console.error(`The change journal cannot open: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );

  const stop = () => {
    accessLog.flush();
    server.close();
    server.closeAllConnections();
    void studio.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
