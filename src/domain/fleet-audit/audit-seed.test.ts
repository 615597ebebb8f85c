import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../api/wire/scan-contract';
import { createAdaptiveLimiter } from '../../lib/adaptive-limit';
import { AUDIT } from '../../mocks/cms/seeds/audit';
import { withMockCms } from '../../testing/mock-cms';
import { scanFleet } from './fleet-scan';

const { mock } = withMockCms();

describe('the audit seed, as the scan sees it', () => {
  it('has failing, checking and passing spaces, for the reasons its comments give', async () => {
    mock.reset('audit');
    const results: ScanResult[] = [];
    await scanFleet({ limiter: createAdaptiveLimiter({ max: 8 }), onResult: (r) => results.push(r) });
    const byNumber = new Map(results.map((r) => [Number(r.name?.slice('Audit '.length)), r]));
    const statusOf = (n: number) => byNumber.get(n)?.status;
    expect(AUDIT.failing.map(statusOf)).toEqual(AUDIT.failing.map(() => 'fail'));
    expect(AUDIT.checking.map(statusOf)).toEqual(AUDIT.checking.map(() => 'warn'));
    expect(AUDIT.passing.map(statusOf)).toEqual(AUDIT.passing.map(() => 'pass'));
    const kinds = (n: number) => byNumber.get(n)?.findings.filter((f) => f.severity !== 'info').map((f) => f.kind);
    expect(kinds(1)).toEqual(['no-host-path']);
    expect(kinds(5)).toEqual(['no-host-path']);
    expect(kinds(9)).toContain('same-pin-guest-and-host');
    expect(kinds(11)).toContain('missing-profile');
    expect(kinds(12)).toContain('access-method-joins-as-guest');
    expect(kinds(13)).toEqual(['blank-guest-pin-without-passcode-mode']);
    expect(kinds(15)).toEqual(['member-resolves-to-guest']);
    expect(byNumber.get(5)?.tenantName).toBe('Northwind');
    expect(JSON.stringify(results)).not.toMatch(/73\d{4}/);
  });
});
