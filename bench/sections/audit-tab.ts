import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { buildIfStale } from '../../proxy/build';
import { spawnProxy } from '../../proxy/testing/spawn-proxy';
import { chromiumPath } from '../../scripts/ensure-chromium-decision';
import { bytes, count, ms, perSecond } from '../format';
import { LARGE_MOCK_ARGS, LARGE_MOCK_SPACES, MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

const ROOT = join(import.meta.dirname, '../..');
const LATENCY_MS = 20;
const SAMPLE_EVERY_MS = 1_000;
/** The bar: no main-thread task longer than this while results stream in. */
const LONG_TASK_LIMIT_MS = 200;
const SCAN_TIMEOUT_MS = 45 * 60_000;

declare global {
  interface Window {
    studioLongTasks?: number[];
  }
}

function parentOf(pid: string): string | undefined {
  try {
    return /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** Whether `pid` was started, directly or not, by this process (so another browser on the machine is not counted). */
function descendsFromUs(pid: string): boolean {
  let current: string | undefined = pid;
  for (let depth = 0; current !== undefined && current !== '1' && depth < 8; depth++) {
    if (current === String(process.pid)) return true;
    current = parentOf(current);
  }
  return false;
}

/** The resident memory of the renderer processes this bench's browser runs (the tab and its scan worker live there). */
function rendererRss(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') || !descendsFromUs(pid)) continue;
      total += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // a process that ended while being read
    }
  }
  return total;
}

async function jsHeapUsed(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

interface TabFigures {
  wallMs: number;
  longTasks: number[];
  heapPeak: number;
  heapEnd: number;
  rssPeak: number;
  summary: string;
}

async function scanInTab(browser: Browser, studioUrl: string, progress: (m: string) => void): Promise<TabFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Registered before the app loads, so every main-thread task over 50 ms from then on is seen.
  await page.addInitScript(() => {
    window.studioLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.studioLongTasks?.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  await page.goto(`${studioUrl}/audit`);
  await page.getByRole('button', { name: 'Scan all spaces' }).click();
  const started = performance.now();
  // Only the tasks while results stream in count: the first screen's own load is the first-load section's business.
  const before = await page.evaluate(() => window.studioLongTasks?.length ?? 0);
  const done = page.getByRole('alert').filter({ hasText: /Scan complete/ });
  let heapPeak = 0;
  let rssPeak = 0;
  while (!(await done.isVisible())) {
    heapPeak = Math.max(heapPeak, await jsHeapUsed(session));
    rssPeak = Math.max(rssPeak, rendererRss());
    const status = await page.getByRole('status').filter({ hasText: /of [\d,]+ spaces/ }).first().textContent().catch(() => '');
    progress(`audit-tab: ${status ?? ''}`);
    if (performance.now() - started > SCAN_TIMEOUT_MS) throw new BenchFailure(`The scan did not complete within ${SCAN_TIMEOUT_MS / 60_000} minutes.`);
    await page.waitForTimeout(SAMPLE_EVERY_MS);
  }
  const wallMs = performance.now() - started;
  const longTasks = await page.evaluate((skip) => (window.studioLongTasks ?? []).slice(skip), before);
  const heapEnd = await jsHeapUsed(session);
  const summary = (await done.textContent()) ?? '';
  await context.close();
  return { wallMs, longTasks, heapPeak: Math.max(heapPeak, heapEnd), heapEnd, rssPeak, summary };
}

/**
 * The Audit page scanning the large seed in Chromium, through npm start's proxy, with CMS's latency:
 * the main thread's long tasks while results stream in, and the tab's memory.
 */
export const auditTabBench: Section = {
  name: 'audit-tab',
  title: `Fleet audit in the browser: the tab while ${count(LARGE_MOCK_SPACES)} spaces are scanned`,
  note: [
    `Chromium (headless) on /audit, "Scan all spaces" through the proxy to the standalone mock (${LARGE_MOCK_ARGS.join(' ')} --latency ${LATENCY_MS});`,
    `   long tasks = main-thread PerformanceObserver('longtask') entries during the scan (target: none over ${LONG_TASK_LIMIT_MS} ms);`,
    `   JS heap = the page's JSHeapUsedSize (CDP), sampled every ${SAMPLE_EVERY_MS / 1000} s; renderer RSS = the tab's process, scan worker included`,
  ].join('\n'),
  async run({ mock, progress }) {
    progress('audit-tab: building the SPA');
    buildIfStale(ROOT);
    const cms = await mock([...LARGE_MOCK_ARGS, '--latency', String(LATENCY_MS)]);
    const studio = await spawnProxy({ CMS_URL: cms.url, CMS_USER: MOCK_CREDENTIALS.user, CMS_PASSWORD: MOCK_CREDENTIALS.password });
    const browser = await chromium.launch({
      executablePath: chromiumPath(process.env),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
    });
    try {
      const figures = await scanInTab(browser, studio.url, progress);
      if (!figures.summary.includes(`${count(LARGE_MOCK_SPACES)} spaces`)) throw new BenchFailure(`The scan ended with "${figures.summary}".`);
      const longest = Math.max(0, ...figures.longTasks);
      const over = figures.longTasks.filter((d) => d > LONG_TASK_LIMIT_MS).length;
      const row: Row = {
        name: `${LATENCY_MS} ms latency`,
        spaces: count(LARGE_MOCK_SPACES),
        wall: ms(figures.wallMs),
        'spaces/s': perSecond(LARGE_MOCK_SPACES, figures.wallMs),
        'long tasks': count(figures.longTasks.length),
        [`over ${LONG_TASK_LIMIT_MS} ms`]: count(over),
        longest: ms(longest),
        'JS heap peak': bytes(figures.heapPeak),
        'JS heap end': bytes(figures.heapEnd),
        'renderer RSS peak': figures.rssPeak > 0 ? bytes(figures.rssPeak) : '–',
      };
      return [row];
    } finally {
      await browser.close();
      await studio.stop();
    }
  },
};
