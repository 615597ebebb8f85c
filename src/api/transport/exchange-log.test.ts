import { beforeEach, describe, expect, it } from 'vitest';
import { getSpace, updateSpace } from '../resources/spaces';
import { exchangeLog, exportText, statusClass, toCurl, type LoggedExchange } from './exchange-log';
import { LAB, withMockCms } from '../../testing/mock-cms';

withMockCms();

const base = { baseUrl: 'https://cms.example:445' };

describe('exchange log', () => {
  beforeEach(() => exchangeLog.clear());

  it('records every exchange of the shared client with secrets masked', async () => {
    await updateSpace(LAB.coSpaces.coolBridge, { name: 'Renamed', passcode: '4321', regenerateSecret: true });
    await getSpace('00000000-0000-4000-8000-0000000000ff').catch(() => undefined);
    const [put, missing] = exchangeLog.entries();
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/api/v1/coSpaces/${LAB.coSpaces.coolBridge}`,
      status: 200,
      form: { name: 'Renamed', passcode: '*****', regenerateSecret: 'true' },
    });
    expect(JSON.stringify(exchangeLog.entries())).not.toContain('4321');
    expect(missing).toMatchObject({ method: 'GET', status: 404, failures: [{ code: 'coSpaceDoesNotExist' }] });
    expect(missing?.error).toMatch(/does not exist/);
    expect(statusClass(missing!)).toBe('clientError');
  });

  it('writes a curl command with placeholder credentials and quoted values', () => {
    const entry: LoggedExchange = {
      seq: 1,
      startedAt: 0,
      method: 'PUT',
      path: '/api/v1/coSpaces/abc',
      query: {},
      form: { name: "Tim's meeting", passcode: '*****' },
      attempt: 1,
      status: 200,
      durationMs: 3,
      failures: [],
    };
    expect(toCurl(entry, base)).toBe(
      "curl -sS -X PUT -u 'USER:PASSWORD' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'name=Tim%27s+meeting&passcode=*****' 'https://cms.example:445/api/v1/coSpaces/abc'",
    );
    const get: LoggedExchange = { ...entry, method: 'GET', form: undefined, query: { filter: 'user1', offset: '0' } };
    expect(toCurl(get, { baseUrl: 'http://127.0.0.1:8080/', viaStudioProxy: true })).toBe(
      "curl -sS -u 'USER:PASSWORD' -H 'X-Requested-By: cms-access-studio' 'http://127.0.0.1:8080/api/v1/coSpaces/abc?filter=user1&offset=0'",
    );
    const text = exportText([entry, { ...get, seq: 2, status: undefined, error: 'Could not reach CMS.' }], { ...base, exportedAt: new Date(0) });
    expect(text).toContain('#1 1970-01-01T00:00:00.000Z PUT /api/v1/coSpaces/abc → 200 in 3 ms');
    expect(text).toContain('→ no answer');
    expect(text).toContain('error: Could not reach CMS.');
    expect(text).not.toMatch(/admin/);
  });
});
