import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCallLegProfile, deleteCallLegProfile } from '../../api/resources/call-leg-profiles';
import { CmsError } from '../../api/transport/errors';
import { createAccessMethod, createSpace, createSpaceMember, spaceQueries, updateAccessMethod } from '../../api/resources/spaces';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { loadSpaceModel, spaceModelQueries } from './load-space-model';

const { mock, server } = withMockCms();
afterEach(() => vi.useRealTimers());

/** Counts the API requests msw sees, and the most in flight at once. */
function watchRequests() {
  const seen: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const started = new Set<string>();
  const onStart = ({ request, requestId }: { request: Request; requestId: string }) => {
    if (!new URL(request.url).pathname.startsWith('/api/v1/')) return;
    started.add(requestId);
    seen.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
    inFlight++;
    peak = Math.max(peak, inFlight);
  };
  const onEnd = ({ requestId }: { requestId: string }) => {
    if (started.delete(requestId)) inFlight--;
  };
  server.events.on('request:start', onStart);
  server.events.on('request:end', onEnd);
  return {
    seen,
    get peak() {
      return peak;
    },
    stop() {
      server.events.removeListener('request:start', onStart);
      server.events.removeListener('request:end', onEnd);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<CmsError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(CmsError);
  return outcome as CmsError;
}

describe('loadSpaceModel on the lab seed', () => {
  it('reads each access method by its own GET, for the name the list leaves out', async () => {
    await updateAccessMethod(LAB.coSpaces.guest, LAB.accessMethods.host, { name: 'Hosts' });
    const list = await (await fetch(`${TEST_CMS_URL}/api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods`)).text();
    expect(list).not.toContain('<name>');
    const model = await loadSpaceModel(LAB.coSpaces.guest);
    expect(model.accessMethods).toEqual([expect.objectContaining({ id: LAB.accessMethods.host, name: 'Hosts', uri: 'host.space' })]);
  });

  it('reads the Global space: its access method, its member with the host profile (from the member GET), the profiles', async () => {
    const model = await loadSpaceModel(LAB.coSpaces.global);
    expect(model.space).toMatchObject({ id: LAB.coSpaces.global, name: 'Global', uri: 'global', callId: '1234', callLegProfile: LAB.callLegProfiles.guest4 });
    expect(model.accessMethods).toEqual([
      expect.objectContaining({ id: LAB.accessMethods.globalHost, uri: 'global', callId: '1234', passcode: '12345', callLegProfile: LAB.callLegProfiles.host4 }),
    ]);
    expect(model.members).toEqual([
      expect.objectContaining({ id: LAB.coSpaceUsers.globalUser1, userJid: 'user1@evacanoalone.net', callLegProfile: LAB.callLegProfiles.host4, canDestroy: true }),
    ]);
    expect(model.tenant).toBeUndefined();
    expect(model.systemProfiles.callLegProfile).toBe(LAB.callLegProfiles.global);
    expect([...model.callLegProfiles.keys()].sort()).toEqual([LAB.callLegProfiles.global, LAB.callLegProfiles.guest4, LAB.callLegProfiles.host4].sort());
    expect(model.callLegProfiles.get(LAB.callLegProfiles.guest4)).toMatchObject({ needsActivation: true, deactivationMode: 'deactivate' });
    expect(model.callProfiles.size).toBe(0);
    expect(model.missingProfiles.size).toBe(0);
  });

  it('reads the tenant of Acme lobby with its callLegProfile', async () => {
    const model = await loadSpaceModel(LAB.coSpaces.tenantLobby);
    expect(model.tenant).toMatchObject({ id: LAB.tenants.acme, name: 'Acme', callLegProfile: LAB.callLegProfiles.tenantGuest });
    expect(model.callLegProfiles.get(LAB.callLegProfiles.tenantGuest)).toMatchObject({ needsActivation: true });
    expect(model.callLegProfiles.has(LAB.callLegProfiles.host)).toBe(true);
    expect(model.space.callLegProfile).toBeUndefined();
  });

  it("reads guestpin.space's callProfile", async () => {
    const model = await loadSpaceModel(LAB.coSpaces.guestPin);
    expect(model.callProfiles.get(LAB.callProfiles.passcodeTimeout)).toMatchObject({ passcodeMode: 'timeout', passcodeTimeout: 5 });
  });

  it('fetches each referenced profile once, however many objects name it', async () => {
    const extra = await createAccessMethod(LAB.coSpaces.global, { uri: 'global.extra', passcode: '1', callLegProfile: LAB.callLegProfiles.host4 });
    expect(extra).toBeTruthy();
    const requests = watchRequests();
    try {
      await loadSpaceModel(LAB.coSpaces.global);
    } finally {
      requests.stop();
    }
    const profileReads = requests.seen.filter((r) => r.startsWith('GET /api/v1/callLegProfiles/'));
    expect(profileReads.sort()).toEqual(
      [LAB.callLegProfiles.global, LAB.callLegProfiles.guest4, LAB.callLegProfiles.host4].map((id) => `GET /api/v1/callLegProfiles/${id}`).sort(),
    );
    expect(requests.seen.filter((r) => r.includes(`/coSpaceUsers/${LAB.coSpaceUsers.globalUser1}`))).toHaveLength(1);
  });
});

describe('loadSpaceModel, larger and failing spaces', () => {
  it('reads every page of access methods, with at most `concurrency` requests in flight', async () => {
    const spaceId = await createSpace({ name: 'Paged', uri: 'paged', callLegProfile: LAB.callLegProfiles.guest });
    const profiles = await Promise.all(Array.from({ length: 8 }, () => createCallLegProfile({ needsActivation: false })));
    for (let i = 0; i < 25; i++) {
      await createAccessMethod(spaceId, { uri: `paged.${i}`, passcode: String(i), callLegProfile: profiles[i % profiles.length] });
    }
    for (const user of ['user1@evacanoalone.net', 'Guest@cms.steven.lab', 'stejanss.movi@steven.lab']) {
      await createSpaceMember(spaceId, { userJid: user, callLegProfile: LAB.callLegProfiles.host });
    }
    mock.faults.latencyMs = 3;
    const requests = watchRequests();
    let model;
    try {
      model = await loadSpaceModel(spaceId, { concurrency: 2 });
    } finally {
      requests.stop();
    }
    expect(model.accessMethods).toHaveLength(25);
    expect(model.members).toHaveLength(3);
    expect(model.members.every((m) => m.callLegProfile === LAB.callLegProfiles.host)).toBe(true);
    expect(model.callLegProfiles.size).toBe(1 + 8 + 2); // global, the eight, guest and host
    expect(requests.peak).toBe(2);
    expect(requests.seen.filter((r) => r.includes('/accessMethods?'))).toHaveLength(3);
  });

  it('keeps to one request at a time with concurrency 1', async () => {
    mock.faults.latencyMs = 2;
    const requests = watchRequests();
    try {
      await loadSpaceModel(LAB.coSpaces.global, { concurrency: 1 });
    } finally {
      requests.stop();
    }
    expect(requests.peak).toBe(1);
  });

  it('puts a profile deleted after it was attached into missingProfiles, and still loads', async () => {
    const doomed = await createCallLegProfile({ needsActivation: false });
    await updateAccessMethod(LAB.coSpaces.guest, LAB.accessMethods.host, { callLegProfile: doomed });
    await deleteCallLegProfile(doomed);
    const model = await loadSpaceModel(LAB.coSpaces.guest);
    expect([...model.missingProfiles]).toEqual([doomed]);
    expect(model.callLegProfiles.has(doomed)).toBe(false);
    expect(model.accessMethods[0]?.callLegProfile).toBe(doomed);
    expect(model.callLegProfiles.has(LAB.callLegProfiles.guest)).toBe(true);
  });

  it('drops a member removed between the list and its own GET', async () => {
    server.use(
      http.get(`${TEST_CMS_URL}/api/v1/coSpaces/:space/coSpaceUsers/:member`, () =>
        HttpResponse.text('<?xml version="1.0"?><failureDetails><coSpaceUserDoesNotExist/></failureDetails>', { status: 404 }),
      ),
    );
    const model = await loadSpaceModel(LAB.coSpaces.global);
    expect(model.members).toEqual([]);
    expect(model.accessMethods).toHaveLength(1);
  });

  it('fails on an unknown space with its notFound error', async () => {
    const error = await rejection(loadSpaceModel('00000000-0000-4000-8000-0000000000aa'));
    expect(error.kind).toBe('notFound');
    expect(error.failures[0]?.code).toBe('coSpaceDoesNotExist');
  });

  it('fails with the first error that is not a 404 on a profile, and stops the rest', async () => {
    server.use(
      http.get(`${TEST_CMS_URL}/api/v1/callLegProfiles/:id`, () =>
        HttpResponse.text('<?xml version="1.0"?><failureDetails><databaseNotReady/></failureDetails>', { status: 500 }),
      ),
    );
    const error = await rejection(loadSpaceModel(LAB.coSpaces.global));
    expect(error.status).toBe(500);
  });

  it('stops when the caller aborts', async () => {
    // The mock's latency runs on a fake clock: the abort lands while the first reads are on their way.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    mock.faults.latencyMs = 20;
    const controller = new AbortController();
    const loading = rejection(loadSpaceModel(LAB.coSpaces.global, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5);
    controller.abort();
    const error = await loading;
    expect(error.kind).toBe('aborted');
    const already = await rejection(loadSpaceModel(LAB.coSpaces.global, { signal: AbortSignal.abort() }));
    expect(already.kind).toBe('aborted');
  });
});

describe('spaceModelQueries', () => {
  it('keys the model under the space detail, so invalidating the space refetches it', async () => {
    const options = spaceModelQueries.detail(LAB.coSpaces.global);
    expect(options.queryKey).toEqual(['cms', 'spaces', 'detail', LAB.coSpaces.global, 'model']);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const model = await client.fetchQuery(options);
    expect(model.members).toHaveLength(1);
    await client.invalidateQueries({ queryKey: spaceQueries.detail(LAB.coSpaces.global).queryKey, refetchType: 'none' });
    expect(client.getQueryState(options.queryKey)?.isInvalidated).toBe(true);
  });
});
