import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chromiumPath,
  decideChromiumAction,
  defaultChromiumPath,
  installCommand,
  missingMessage,
} from './ensure-chromium-decision';

function chromiumVersion(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) return undefined;
  return result.stdout.trim() || undefined;
}

const path = chromiumPath(process.env);
const isRoot = process.getuid?.() === 0;
let installAttempted = false;

for (;;) {
  const version = chromiumVersion(path);
  const action = decideChromiumAction({
    runs: version !== undefined,
    isRoot,
    installAttempted,
    customPath: path !== defaultChromiumPath,
  });

  if (action === 'ready') {
    console.log(`${version} (${path})`);
    process.exit(0);
  }
  if (action === 'install') {
    console.log(`Chromium not found at ${path}; running: ${installCommand}`);
    spawnSync('sh', ['-c', installCommand], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    installAttempted = true;
    continue;
  }
  if (path !== defaultChromiumPath) console.error(`CHROMIUM_PATH=${path} does not run (--version failed).`);
  console.error(missingMessage);
  process.exit(1);
}
