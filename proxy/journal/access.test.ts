import { describe, expect, it, vi } from 'vitest';
import type { Target } from '../config';
import { createJournalAccess } from './access';

const signIn: Target = { name: 'paris', url: 'https://cms.paris.example', insecureTls: false, caSetting: 'CMS_CA_FILE' };
const held: Target = { name: 'london', url: 'https://cms.london.example', insecureTls: false, caSetting: 'CMS_CA_FILE', credentials: { user: 'api', password: 'pw' } };
const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

describe('journal access', () => {
  it('names the mock, or a server-held cluster and its configured user, without asking CMS', async () => {
    const check = vi.fn();
    expect(await createJournalAccess({ targets: null, timeoutMs: 1000, check })({})).toEqual({ ok: true, recorder: { cluster: 'mock', cmsUser: 'mock' } });
    const identify = createJournalAccess({ targets: [held, signIn], timeoutMs: 1000, check });
    expect(await identify({ authorization: basic('eve', 'x') })).toEqual({ ok: true, recorder: { cluster: 'london', cmsUser: 'api' } });
    expect(check).not.toHaveBeenCalled();
  });

  it('asks CMS once per credentials and keeps the verdict for 60 s', async () => {
    const clock = { now: 0 };
    const check = vi.fn(async (_target: Target, authorization: string) => (authorization === basic('ann', 'right') ? ('accepted' as const) : ('refused' as const)));
    const identify = createJournalAccess({ targets: [signIn], timeoutMs: 1000, check, now: () => clock.now });
    const ann = { authorization: basic('ann', 'right') };
    const [a, b] = await Promise.all([identify(ann), identify(ann)]);
    expect(a).toEqual({ ok: true, recorder: { cluster: 'paris', cmsUser: 'ann' } });
    expect(b).toEqual(a);
    expect(check).toHaveBeenCalledTimes(1);
    clock.now = 59_000;
    await identify(ann);
    expect(check).toHaveBeenCalledTimes(1);
    clock.now = 61_000;
    await identify(ann);
    expect(check).toHaveBeenCalledTimes(2);
    // Another password is other credentials: CMS is asked, and refuses.
    expect(await identify({ authorization: basic('ann', 'wrong') })).toMatchObject({ ok: false, status: 401, code: 'unauthorized' });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('answers 401 without Basic credentials and 502 when CMS cannot be asked, without caching that', async () => {
    const check = vi.fn().mockRejectedValueOnce(new Error('connect ECONNREFUSED')).mockResolvedValue('accepted');
    const identify = createJournalAccess({ targets: [signIn], timeoutMs: 1000, check });
    expect(await identify({})).toMatchObject({ ok: false, status: 401 });
    expect(await identify({ authorization: 'Bearer abc' })).toMatchObject({ ok: false, status: 401 });
    const ann = { authorization: basic('ann', 'pw') };
    expect(await identify(ann)).toMatchObject({ ok: false, status: 502, code: 'unavailable', message: expect.stringMatching(/ECONNREFUSED/) });
    expect(await identify(ann)).toMatchObject({ ok: true });
    expect(await identify({ ...ann, 'x-cms-target': 'tokyo' })).toMatchObject({ ok: false, status: 400 });
  });
});
