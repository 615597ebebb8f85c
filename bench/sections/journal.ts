import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { buildIfStale } from '../../proxy/build';
import { JOURNAL_FILE, type JournalConfig } from '../../proxy/journal/config';
import { migrate } from '../../proxy/journal/migrations';
import { openDriver } from '../../proxy/journal/open-store';
import { createJournalStore } from '../../proxy/journal/store';
import { startPostgres } from '../../proxy/journal/testing/postgres-server';
import { seedRuns } from '../../proxy/journal/testing/seed';
import { openSqliteDriver } from '../../proxy/journal/sqlite-driver';
import { spawnProxy, type SpawnedProxy } from '../../proxy/testing/spawn-proxy';
import { chromiumPath } from '../../scripts/ensure-chromium-decision';
import { count, ms } from '../format';
import { median } from '../measure';
import { BenchFailure, type Row, type Section } from '../section';

const STORE_WRITES = 300;
const HTTP_WRITES = 200;
const HISTORY_RUNS = 10_000;
const API_SAMPLES = 9;
const BROWSER_SAMPLES = 5;
const HEADERS = { 'X-Requested-By': 'cms-access-studio', 'Content-Type': 'application/json' };
const repoRoot = join(import.meta.dirname, '..', '..');

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const intent = (seq: number) => ({
  seq,
  phase: 'forward' as const,
  operation: { kind: 'createAccessMethod', json: { space: 'sp-1', form: { uri: `host-${seq}`, passcode: '4711' } } },
  method: 'POST' as const,
  path: '/api/v1/coSpaces/sp-1/accessMethods',
  form: { uri: `host-${seq}`, passcode: '4711' },
  objectKind: 'accessMethod',
  spaceId: 'sp-1',
  before: null,
  after: { uri: `host-${seq}`, passcode: '4711' },
});

/** Intent then outcome for each write, in process: the store's own cost, fsync included. */
async function storeCost(config: JournalConfig): Promise<number[]> {
  const { driver, release } = openDriver(config);
  try {
    await migrate(driver);
    const store = createJournalStore(driver);
    const by = { cluster: 'bench', cmsUser: 'bench' };
    const { run } = await store.createRun({ id: randomUUID(), origin: { kind: 'page', name: 'bench' }, title: 'bench', spaces: [] }, by);
    const times: number[] = [];
    for (let seq = 1; seq <= STORE_WRITES; seq++) {
      const started = performance.now();
      await store.appendIntent(run.id, intent(seq), by);
      await store.recordAnswer(run.id, seq, { outcome: 'applied', status: 200, failures: [] }, by);
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await driver.close();
    release();
  }
}

/** What the change engine pays per write: two HTTP calls to the studio, each stored before it answers. */
async function httpCost(proxy: SpawnedProxy): Promise<number[]> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${proxy.url}/studio/journal${path}`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
    if (!response.ok) throw new BenchFailure(`POST ${path} answered ${response.status}: ${await response.text()}`);
  };
  const id = randomUUID();
  await post('/runs', { id, origin: { kind: 'page', name: 'bench' }, title: 'bench' });
  const times: number[] = [];
  for (let seq = 1; seq <= HTTP_WRITES; seq++) {
    const started = performance.now();
    await post(`/runs/${id}/writes`, intent(seq));
    await post(`/runs/${id}/writes/${seq}/outcome`, { outcome: 'applied', status: 200 });
    times.push(performance.now() - started);
  }
  return times;
}

async function firstPageApi(proxy: SpawnedProxy): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < API_SAMPLES; i++) {
    const started = performance.now();
    const response = await fetch(`${proxy.url}/studio/journal/runs?limit=200`, { headers: HEADERS });
    const page = (await response.json()) as { runs: unknown[]; total: number };
    times.push(performance.now() - started);
    if (page.total < HISTORY_RUNS || page.runs.length !== 200) throw new BenchFailure(`first page: ${page.runs.length} runs of ${page.total}`);
  }
  return times;
}

/** Navigation start → the first run row in Chromium's DOM, the page and its chunks already in the HTTP cache after the first load. */
async function firstRowsInChromium(url: string): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(process.env),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext();
    const times: number[] = [];
    for (let i = 0; i <= BROWSER_SAMPLES; i++) {
      const page = await context.newPage();
      await page.goto(`${url}/history`, { waitUntil: 'commit' });
      await page.getByRole('list', { name: 'Runs, newest first' }).getByRole('link').first().waitFor();
      const at = await page.evaluate(() => performance.now());
      if (i > 0) times.push(at);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function seededSqlite(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-bench-journal-'));
  const driver = openSqliteDriver(join(dataDir, JOURNAL_FILE), { synchronous: 'OFF' });
  await migrate(driver);
  await seedRuns(driver, HISTORY_RUNS);
  await driver.close();
  return dataDir;
}

export const journalBench: Section = {
  name: 'journal',
  title: `Change journal: cost per write, and History's first rows for ${count(HISTORY_RUNS)} runs`,
  note:
    `per write = intent stored + outcome stored (SQLite synchronous=FULL; PostgreSQL ${'fsync=on'} on a throwaway local server); ` +
    `store: ${STORE_WRITES} writes in process; HTTP: ${HTTP_WRITES} writes through a spawned studio. ` +
    `History: ${count(HISTORY_RUNS)} seeded runs; API = GET first page of 200; Chromium = navigation start → first run row in the DOM, median of ${BROWSER_SAMPLES} warm loads`,
  async run({ progress }) {
    const rows: Row[] = [];
    progress('starting PostgreSQL');
    const pg = await startPostgres({ durable: true });
    const proxies: SpawnedProxy[] = [];
    try {
      const sqliteDir = mkdtempSync(join(tmpdir(), 'studio-bench-journal-'));
      const stores: Array<[string, JournalConfig, Record<string, string>]> = [
        ['SQLite file', { kind: 'sqlite', dataDir: sqliteDir, file: join(sqliteDir, JOURNAL_FILE) }, { STUDIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'studio-bench-journal-')) }],
        ['PostgreSQL', { kind: 'postgres', url: await pg.createDatabase() }, { DATABASE_URL: await pg.createDatabase() }],
      ];
      for (const [name, config, env] of stores) {
        progress(`${name}: store cost per write`);
        const inProcess = await storeCost(config);
        rows.push({ name: `${name}, store: intent + outcome`, p50: ms(percentile(inProcess, 50)), p99: ms(percentile(inProcess, 99)), writes: inProcess.length });
        progress(`${name}: HTTP cost per write`);
        const proxy = await spawnProxy(env, false);
        proxies.push(proxy);
        const http = await httpCost(proxy);
        rows.push({ name: `${name}, HTTP: intent + outcome`, p50: ms(percentile(http, 50)), p99: ms(percentile(http, 99)), writes: http.length });
      }

      progress(`seeding ${count(HISTORY_RUNS)} runs`);
      const pgHistory = await pg.createDatabase();
      const { driver } = openDriver({ kind: 'postgres', url: pgHistory });
      await migrate(driver);
      await seedRuns(driver, HISTORY_RUNS);
      await driver.close();
      const sqliteHistory = await seededSqlite();
      buildIfStale(repoRoot);
      for (const [name, env] of [
        ['SQLite file', { STUDIO_DATA_DIR: sqliteHistory }],
        ['PostgreSQL', { DATABASE_URL: pgHistory }],
      ] as const) {
        progress(`${name}: History first page`);
        const proxy = await spawnProxy({ ...env, STUDIO_SKIP_BUILD: '1' }, false);
        proxies.push(proxy);
        const api = await firstPageApi(proxy);
        const row: Row = { name: `${name}, History first 200 of ${count(HISTORY_RUNS)}: API`, p50: ms(median(api)), p99: ms(Math.max(...api)), writes: '' };
        rows.push(row);
        if (!existsSync(chromiumPath(process.env))) {
          rows.push({ name: `${name}, History first rows: Chromium`, p50: 'skipped: no Chromium', p99: '', writes: '' });
          continue;
        }
        progress(`${name}: History first rows in Chromium`);
        const browser = await firstRowsInChromium(proxy.url);
        rows.push({ name: `${name}, History first rows: Chromium`, p50: ms(median(browser)), p99: ms(Math.max(...browser)), writes: '' });
      }
    } finally {
      await Promise.all(proxies.map((p) => p.stop()));
      await pg.stop();
    }
    return rows;
  },
};
