import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/ensure-chromium-decision';

const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  retries: ci ? 1 : 0,
  // The e2e files share one mock CMS behind npm start and reset it, so they never run side by side.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  use: {
    baseURL: 'http://127.0.0.1:4173',
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
    env: { PORT: '4173', HOST: '127.0.0.1' },
    url: 'http://127.0.0.1:4173/studio/connection',
    reuseExistingServer: !ci,
    timeout: 180_000,
  },
});
