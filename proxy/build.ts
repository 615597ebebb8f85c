import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Rebuilds when any input of the SPA is newer than the last build, so `npm start` never serves stale code. */
export function buildIfStale(root: string): void {
  const built = newestMtime(join(root, 'dist', 'index.html'));
  // The security headers module writes the page policy into index.html at build time.
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'proxy/dev-plugin.ts', 'proxy/security-headers.ts'].map((p) =>
    newestMtime(join(root, p)),
  );
  if (built > 0 && built >= Math.max(...inputs)) return;
  console.log('building the SPA…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}
