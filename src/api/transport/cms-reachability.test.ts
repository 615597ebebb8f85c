import { afterEach, describe, expect, it } from 'vitest';
import { proxyProblem } from '../wire/proxy-problem';
import type { CmsExchange } from './client';
import { cmsReachability } from './cms-reachability';
import { CmsError } from './errors';

const exchange = (fields: Partial<CmsExchange>): CmsExchange => ({ method: 'GET', path: '/api/v1/coSpaces', query: {}, attempt: 1, durationMs: 1, failures: [], ...fields });
const proxyError = (kind: 'cms-unreachable' | 'cms-deadline') => {
  const problem = proxyProblem(kind, 502, `${kind} detail`);
  return new CmsError({ kind: 'proxy', method: 'GET', path: '/api/v1/coSpaces', status: 502, problem });
};

afterEach(() => cmsReachability.reset());

describe('cmsReachability', () => {
  it('is down once the proxy says CMS cannot be reached, per cluster, and up again when CMS answers', () => {
    cmsReachability.record(exchange({ status: 502, error: proxyError('cms-unreachable') }), 'paris');
    expect(cmsReachability.get('paris')).toMatchObject({ state: 'down', problem: { kind: 'cms-unreachable', detail: 'cms-unreachable detail' } });
    expect(cmsReachability.get(undefined)).toEqual({ state: 'unknown' });
    cmsReachability.record(exchange({ status: 404, error: new CmsError({ kind: 'notFound', method: 'GET', path: '/x', status: 404 }) }), 'paris');
    expect(cmsReachability.get('paris')).toEqual({ state: 'answering' });
  });

  it('stays as it was for problems that do not mean CMS is down (a slow answer) and for network errors', () => {
    cmsReachability.record(exchange({ status: 200 }), undefined);
    cmsReachability.record(exchange({ status: 504, error: proxyError('cms-deadline') }), undefined);
    cmsReachability.record(exchange({ error: new CmsError({ kind: 'network', method: 'GET', path: '/x' }) }), undefined);
    expect(cmsReachability.get(undefined)).toEqual({ state: 'answering' });
  });
});
