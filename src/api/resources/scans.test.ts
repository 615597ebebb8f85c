import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../wire/scan-contract';
import { spawnStudio, type SpawnedStudio } from '../../testing/spawn-studio';
import { finishScan, getScanSelection, getSpaceStatus, listScanResults, sendScanResults, startScan } from './scans';
import { configureStudioClient, isStudioError } from './studio-request';

let studio: SpawnedStudio;
const sent: string[] = [];

beforeAll(async () => {
  studio = await spawnStudio();
  configureStudioClient({
    baseUrl: studio.url,
    retryDelayMs: 1,
    fetch: (input, init) => {
      sent.push(String(input));
      return fetch(input, init);
    },
  });
}, 60_000);

afterAll(async () => {
  configureStudioClient();
  await studio?.stop();
});

const result = (spaceId: string, status: ScanResult['status']): ScanResult => ({
  spaceId,
  name: spaceId,
  status,
  summary: status,
  findings: status === 'fail' ? [{ id: 'no-host-path', kind: 'no-host-path', severity: 'error', title: 'No way in for a host: guests wait forever' }] : [],
  roles: { host: 0, guest: 1 },
  paths: [],
  scannedAt: new Date().toISOString(),
});

describe('scans client', () => {
  it('stores results under the lease and reads them back with the filter as query parameters', async () => {
    const { scan, lease } = await startScan();
    expect(lease).toBeDefined();
    await sendScanResults(scan.id, lease!.token, { results: [result('s-1', 'fail'), result('s-2', 'pass'), result('s-3', 'warn')], requests: 7 });
    const page = await listScanResults({ scans: [scan.id], status: ['fail', 'warn'] }, { sort: 'name', dir: 'desc' }, { offset: 0, limit: 10 });
    expect(page.results.map((r) => r.spaceId)).toEqual(['s-3', 's-1']);
    expect(sent.at(-1)).toContain(`/studio/scans/results?scans=${scan.id}&status=fail%2Cwarn&sort=name&dir=desc&offset=0&limit=10`);
    expect(await getScanSelection({ scans: [scan.id], finding: 'no-host-path' })).toEqual({ spaces: [{ cluster: 'mock', spaceId: 's-1' }], total: 1 });
    await finishScan(scan.id, lease!.token, { state: 'complete' });
    const refused = await sendScanResults(scan.id, lease!.token, { results: [], requests: 7 }).catch((e: unknown) => e);
    expect(isStudioError(refused) && refused.kind).toBe('conflict');
  });

  it('asks for the statuses of the rows shown together in one request', async () => {
    const before = sent.length;
    const answers = await Promise.all(['S-1', 's-2', 's-3', 'never-scanned'].map((id) => getSpaceStatus(id)));
    expect(answers.map((a) => a?.status ?? null)).toEqual(['fail', 'pass', 'warn', null]);
    expect(sent.slice(before)).toHaveLength(1);
  });
});
