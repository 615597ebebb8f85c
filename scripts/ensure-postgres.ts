import { spawnSync } from 'node:child_process';
import { findPostgresBin, POSTGRES_INSTALL_COMMAND, POSTGRES_MISSING_MESSAGE } from '../proxy/journal/testing/postgres-bin';

// The journal's PostgreSQL tests start a throwaway server from Debian's postgresql, installed here like Chromium is.
let bin = findPostgresBin();
if (!bin && process.getuid?.() === 0) {
  console.log(`PostgreSQL not found; running: ${POSTGRES_INSTALL_COMMAND}`);
  spawnSync('sh', ['-c', POSTGRES_INSTALL_COMMAND], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  bin = findPostgresBin();
}
if (!bin) {
  console.error(POSTGRES_MISSING_MESSAGE);
  process.exit(1);
}
console.log(`PostgreSQL server programs in ${bin}`);
