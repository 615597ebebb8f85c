import { describe, expect, it } from 'vitest';
import type { StudioConnection } from '../../api/transport/studio-connection';
import { clusterOf, planScans } from './cluster-plan';

const clusters: StudioConnection = {
  mode: 'cms',
  target: 'https://london.example:445',
  credentials: 'server',
  targets: [
    { name: 'london', url: 'https://london.example:445', credentials: 'server', user: 'api' },
    { name: 'paris', url: 'https://paris.example:445', credentials: 'form' },
    { name: 'tokyo', url: 'https://tokyo.example:445', credentials: 'server', user: 'api' },
  ],
};
const ADMIN = { user: 'admin', password: 'pw' };

describe('which clusters a scan from this tab covers', () => {
  it('scans the built-in mock as cluster mock', () => {
    expect(planScans({ mode: 'mock', credentials: 'server' }, { target: undefined, credentials: undefined }, 'every')).toEqual([{ cluster: 'mock', job: { target: undefined } }]);
    expect(clusterOf({ mode: 'mock', credentials: 'server' }, 'paris')).toBe('mock');
  });

  it('scans the session’s cluster, or every cluster whose credentials it has', () => {
    expect(clusterOf(clusters, undefined)).toBe('london');
    expect(planScans(clusters, { target: undefined, credentials: undefined }, 'this')).toEqual([{ cluster: 'london', job: { target: undefined } }]);
    expect(planScans(clusters, { target: undefined, credentials: undefined }, 'every')).toEqual([
      { cluster: 'london', job: { target: undefined } },
      { cluster: 'paris', skipped: 'Sign in to paris (pick it at the top) to scan it.' },
      { cluster: 'tokyo', job: { target: 'tokyo' } },
    ]);
  });

  it('hands the typed credentials only to the cluster they were typed for', () => {
    expect(planScans(clusters, { target: 'paris', credentials: ADMIN }, 'every')).toEqual([
      { cluster: 'london', job: { target: 'london' } },
      { cluster: 'paris', job: { target: 'paris', credentials: ADMIN } },
      { cluster: 'tokyo', job: { target: 'tokyo' } },
    ]);
    expect(planScans(clusters, { target: 'paris', credentials: undefined }, 'this')).toEqual([{ cluster: 'paris', skipped: 'Sign in to CMS to scan this cluster.' }]);
  });
});
