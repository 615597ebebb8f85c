import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/ensure-chromium-decision';

const ci = Boolean(process.env.CI);
// Several checkouts on one machine each run their own studio: E2E_PORT keeps them apart.
const port = process.env.E2E_PORT ?? '4173';
// Each run's studio starts with an empty journal and no stored scans, so no spec sees an earlier run's
// history. Set once here; the worker processes inherit it instead of making folders of their own.
process.env.E2E_STUDIO_DATA_DIR ??= mkdtempSync(join(tmpdir(), `cms-studio-e2e-${port}-`));

export default defineConfig({
  testDir: 'e2e',
  retries: ci ? 1 : 0,
  // The e2e files share one mock CMS behind npm start and reset it, so they never run side by side.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  // A loaded machine (CI shares its two cores) can take seconds to import a lazy route; speed is the bench's job, not the e2e's.
  expect: { timeout: 15_000 },
  // A journey that scans the fleet twice against a slowed mock takes tens of seconds on a busy machine; 30 s (the default) is too tight.
  timeout: 120_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: chromiumPath(process.env),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'npm start',
    // The journal of the e2e studio lives apart from the one `npm start` keeps in .studio-data.
    env: { PORT: port, HOST: '127.0.0.1', STUDIO_DATA_DIR: process.env.E2E_STUDIO_DATA_DIR },
    url: `http://127.0.0.1:${port}/studio/connection`,
    reuseExistingServer: !ci,
    timeout: 180_000,
  },
});
