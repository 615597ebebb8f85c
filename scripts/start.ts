import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { createCmsHandlers } from '../src/mocks/cms/handlers';
import { createMockCms } from '../src/mocks/cms/mock-cms';
import { handleWithMsw } from '../src/mocks/cms/server';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Rebuilds when any input of the SPA is newer than the last build, so `npm start` never serves stale code. */
function buildIfStale(): void {
  const built = newestMtime(join(dist, 'index.html'));
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newestMtime(join(root, p)));
  if (built > 0 && built >= Math.max(...inputs)) return;
  console.log('building the SPA…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

async function main() {
  buildIfStale();
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 8080);
  const mock = createMockCms({ credentials: null, seed: 'lab' });
  const handlers = createCmsHandlers(mock);
  const serveStatic = sirv(dist, { single: true, etag: true, gzip: false });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/studio/connection') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ mode: 'mock' }));
      return;
    }
    if (/^\/(api|mock-cms)(\/|$)/i.test(path)) {
      handleWithMsw(handlers, req, res, `http://${req.headers.host ?? host}`)
        .then((handled) => {
          if (!handled) {
            res.writeHead(404, { 'Content-Type': 'text/plain' });
            res.end('Not found');
          }
        })
        .catch((error: unknown) => {
          console.error(error);
          res.writeHead(500);
          res.end();
        });
      return;
    }
    serveStatic(req, res);
  });
  server.listen(port, host, () => {
    console.log(`listening on http://${host}:${port} (mock CMS, seed lab)`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
