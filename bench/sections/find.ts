import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { buildIfStale } from '../../proxy/build';
import { spawnProxy, type SpawnedProxy } from '../../proxy/testing/spawn-proxy';
import { chromiumPath } from '../../scripts/ensure-chromium-decision';
import { configureCmsClient } from '../../src/api/transport/cms-client';
import { answerDialled } from '../../src/features/spaces/dialled-answer';
import { parseDialled } from '../../src/features/spaces/dialled-input';
import { cmsFindSources, findDialled } from '../../src/features/spaces/find-dialled';
import { count, ms } from '../format';
import { median, min } from '../measure';
import { LARGE_MOCK_SPACES, MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

const SPACES = LARGE_MOCK_SPACES;
const LATENCY_MS = 20;
const MOCK_ARGS: readonly string[] = ['--seed', `large:${SPACES}`, '--page-limit', '10', '--latency', String(LATENCY_MS)];
const RUNS = 5;
const JUMPS = 3;
const repoRoot = join(import.meta.dirname, '..', '..');

/** What support staff would type, and what the answer must say (the large seed: every tenth space has a host access method, PIN 9999). */
const SEARCHES: ReadonlyArray<{ name: string; query: string; expect: (answer: string) => boolean }> = [
  { name: 'space URI with sip:, domain and PIN', query: 'sip:space.12345@example.com PIN 4345', expect: (a) => a === 'joins space:uri guest' },
  { name: 'shared URI + host PIN', query: 'space.12340 PIN 9999', expect: (a) => a.startsWith('joins accessMethod:') && a.endsWith(' host') },
  { name: 'space call ID + its PIN', query: '100012345 PIN 4345', expect: (a) => a === 'joins space:callId guest' },
  { name: 'access-method call ID', query: '200012340', expect: (a) => a === 'routed, space not named' },
  { name: 'short call ID, a substring in 38 spaces', query: '888', expect: (a) => a === 'nowhere' },
];

async function searchOnce(query: string): Promise<string> {
  const parsed = parseDialled(query);
  if (!parsed.ok) throw new BenchFailure(`"${query}": ${parsed.message}`);
  const { located, spaces } = await findDialled(parsed.search, cmsFindSources);
  const [space] = spaces;
  if (!space) return located.callIdRouted ? 'routed, space not named' : 'nowhere';
  if ('error' in space) throw new BenchFailure(`"${query}": ${space.error}`);
  const plan = answerDialled(space.evaluation, parsed.search, 'sip')?.plan;
  return plan?.outcome === 'joins' ? `joins ${plan.path.key} ${plan.role}` : (plan?.outcome ?? 'no answer');
}

async function timeSearches(url: string, progress: (message: string) => void): Promise<Row[]> {
  let requests = 0;
  configureCmsClient({ baseUrl: url, credentials: () => ({ ...MOCK_CREDENTIALS }), onExchange: () => void requests++ });
  const rows: Row[] = [];
  try {
    for (const search of SEARCHES) {
      const times: number[] = [];
      let perSearch = 0;
      let answer = '';
      for (let run = 0; run <= RUNS; run++) {
        progress(`search ${search.name}: ${run === 0 ? 'warm-up' : `run ${run}/${RUNS}`}`);
        requests = 0;
        const started = performance.now();
        answer = await searchOnce(search.query);
        if (run > 0) times.push(performance.now() - started);
        perSearch = requests;
      }
      if (!search.expect(answer)) throw new BenchFailure(`"${search.query}" answered "${answer}"`);
      rows.push({ name: `search: ${search.name} (${search.query})`, median: ms(median(times)), min: ms(min(times)), requests: count(perSearch), answer });
    }
  } finally {
    configureCmsClient();
  }
  return rows;
}

/** End on the Spaces list in Chromium through the studio: key press → the last row in the DOM, and the list pages it read. */
async function timeFarJump(url: string, progress: (message: string) => void): Promise<Row[]> {
  if (!existsSync(chromiumPath(process.env))) return [{ name: 'far jump: Chromium', median: 'skipped: no Chromium', min: '', requests: '', answer: '' }];
  progress('building the SPA if stale');
  buildIfStale(repoRoot);
  let proxy: SpawnedProxy | undefined;
  const browser = await chromium.launch({
    executablePath: chromiumPath(process.env),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  try {
    proxy = await spawnProxy({ CMS_URL: url, CMS_USER: MOCK_CREDENTIALS.user, CMS_PASSWORD: MOCK_CREDENTIALS.password, STUDIO_SKIP_BUILD: '1' }, false);
    const times: number[] = [];
    const pageCounts: number[] = [];
    for (let run = 0; run <= JUMPS; run++) {
      progress(`far jump: ${run === 0 ? 'warm-up' : `run ${run}/${JUMPS}`}`);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const offsets: number[] = [];
      page.on('request', (request) => {
        const at = new URL(request.url());
        if (at.pathname.toLowerCase() === '/api/v1/cospaces') offsets.push(Number(at.searchParams.get('offset') ?? 0));
      });
      await page.goto(`${proxy.url}/spaces`);
      const table = page.getByRole('table', { name: 'Spaces' });
      await table.getByRole('cell', { name: 'Scale space 1', exact: true }).waitFor();
      await page.getByText(`${count(SPACES)} spaces ·`).waitFor();
      const before = offsets.length;
      await page.locator('[data-space-list]').focus();
      const started = performance.now();
      await page.keyboard.press('End');
      await table.getByRole('cell', { name: `Scale space ${SPACES}`, exact: true }).waitFor({ timeout: 60_000 });
      const elapsed = performance.now() - started;
      const jump = offsets.slice(before);
      if (jump.some((offset) => offset < SPACES - 100)) throw new BenchFailure(`End read pages far from the end: ${jump.join(', ')}`);
      if (run > 0) {
        times.push(elapsed);
        pageCounts.push(jump.length);
      }
      await page.close();
    }
    return [
      {
        name: `far jump: End on ${count(SPACES)} rows, Chromium (key press → last row)`,
        median: ms(median(times)),
        min: ms(min(times)),
        requests: pageCounts.every((n) => n === pageCounts[0]) ? count(pageCounts[0] ?? 0) : pageCounts.map(count).join('/'),
        answer: `list pages read after the key press; in order it would be ${count(SPACES / 10 - 2)} pages one after the other (≥ ${count(((SPACES / 10 - 2) * LATENCY_MS) / 1000)} s of latency alone)`,
      },
    ];
  } finally {
    await browser.close();
    await proxy?.stop();
  }
}

export const findSection: Section = {
  name: 'find',
  title: `Find by what was dialled, and a far jump, on ${count(SPACES)} spaces`,
  note:
    `standalone mock (${MOCK_ARGS.join(' ')}); search = parse, locate with uriUsageQuery / coSpaces filter / accessQuery, ` +
    `read and evaluate the one space, plan the dial (Node fetch, median of ${RUNS} after a warm-up, requests per search); ` +
    `far jump = the Spaces page in Chromium through the studio, median of ${JUMPS} after a warm-up`,
  async run({ mock, progress }) {
    const { url } = await mock(MOCK_ARGS);
    return [...(await timeSearches(url, progress)), ...(await timeFarJump(url, progress))];
  },
};
