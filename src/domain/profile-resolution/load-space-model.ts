import { queryOptions } from '@tanstack/react-query';
import { getCallLegProfile } from '../../api/resources/call-leg-profiles';
import { getCallProfile } from '../../api/resources/call-profiles';
import type { CmsClient, CmsCollection } from '../../api/transport/client';
import type { PageParams } from '../../api/transport/collection';
import { CmsError, isNotFound } from '../../api/transport/errors';
import { listAll } from '../../api/transport/paging';
import {
  accessMethodSchema,
  coSpaceUserSchema,
  type AccessMethod,
  type CallLegProfile,
  type CallProfile,
  type CoSpaceUser,
  type SystemProfiles,
  type Tenant,
} from '../../api/params/schemas';
import { getAccessMethod, getSpace, getSpaceMember, listAccessMethods, listSpaceMembers, spaceQueries } from '../../api/resources/spaces';
import { getSystemProfiles } from '../../api/resources/system';
import { getTenant } from '../../api/resources/tenants';
import { createLimiter, type Limiter } from '../../lib/limit';
import type { SpaceModel } from './model';

/**
 * The reads every space of a cluster shares: the system's profiles, each tenant, each profile. A
 * scan of many spaces passes one set (see fleet-reads.ts) so each is read once; on its own, a load
 * reads them itself.
 */
export interface SharedReads {
  systemProfiles(): Promise<SystemProfiles>;
  tenant(id: string): Promise<Tenant & { id: string }>;
  /** undefined: CMS answered 404 (a dangling reference) */
  callLegProfile(id: string): Promise<CallLegProfile | undefined>;
  callProfile(id: string): Promise<CallProfile | undefined>;
}

export interface LoadSpaceModelOptions {
  /** Requests in flight at once, over the whole load: list pages, member GETs and profiles alike. */
  concurrency?: number;
  signal?: AbortSignal;
  /** every request of this load through this limiter (a scan's, shared by every space it reads) instead of one of its own */
  limiter?: Pick<Limiter, 'run'>;
  shared?: SharedReads;
  /**
   * `when-counted`: list access methods only when the space's own GET counts some. CMS reports
   * numAccessMethods "if any have been configured" (blueprint, coSpace GET), so a space without it
   * has none; the list then waits for the space's GET. `always` (default) lists at once, in parallel.
   */
  accessMethods?: 'always' | 'when-counted';
}

const withId = <T extends { id?: string }>(item: T): item is T & { id: string } => typeof item.id === 'string' && item.id !== '';

const pageParam = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** A profile CMS answers 404 for is a dangling reference: undefined, not a failure. */
export async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

const abortedError = (path: string) => new CmsError({ kind: 'aborted', method: 'GET', path: `/api/v1/${path}` });

/**
 * paging.ts's pager (page cap, shifting lists, pages in parallel) over one page function of a
 * request module, so that pages take their turn with the other requests under one limit.
 * `wanted` is listAll's own signal: a page it gave up on while queued is not sent; one already
 * sent just finishes and is dropped (not listening to it keeps one listener per request off it).
 */
export function pagerOver<T>(readPage: (params: PageParams, wanted: AbortSignal | undefined) => Promise<CmsCollection<T>>): Pick<CmsClient, 'getCollection'> {
  return {
    getCollection: (_path, { query, signal }) => readPage({ offset: pageParam(query?.offset), limit: pageParam(query?.limit) }, signal),
  } as Pick<CmsClient, 'getCollection'>;
}

/**
 * Reads everything the resolver needs for one space: the space, every access method and member
 * (each by its own GET: a member's callLegProfile and an access method's name are not in the
 * list entries), its
 * tenant, the global profiles and every callLegProfile/callProfile they reference, each once.
 * A referenced profile CMS answers 404 for lands in `missingProfiles`; any other failure rejects,
 * after stopping the requests still queued or in flight.
 */
export async function loadSpaceModel(spaceId: string, options: LoadSpaceModelOptions = {}): Promise<SpaceModel> {
  const { concurrency = 6, signal } = options;
  const own = new AbortController();
  const onCallerAbort = () => own.abort(signal?.reason);
  if (signal?.aborted) own.abort(signal.reason);
  else signal?.addEventListener('abort', onCallerAbort, { once: true });

  const limiter = options.limiter ?? createLimiter(concurrency);
  let failure: { error: unknown } | undefined;
  const track = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch((error: unknown) => {
      if (failure !== undefined) return;
      failure = { error };
      own.abort(error);
    });
    return promise;
  };
  // Each request gets its own signal, aborted from one listener: hundreds of requests listening on
  // one shared signal would trip Node's MaxListeners warning.
  const inFlight = new Set<AbortController>();
  own.signal.addEventListener('abort', () => {
    for (const request of inFlight) request.abort(own.signal.reason);
  });
  // Not tracked here: a 404 on a profile or a vanished member is an answer, handled by the caller.
  const run = <T>(path: string, task: (signal: AbortSignal) => Promise<T>, wanted?: AbortSignal): Promise<T> =>
    limiter.run(() => {
      if (own.signal.aborted || wanted?.aborted) return Promise.reject(abortedError(path));
      const request = new AbortController();
      inFlight.add(request);
      return task(request.signal).finally(() => inFlight.delete(request));
    });

  const callLegProfiles = new Map<string, CallLegProfile>();
  const callProfiles = new Map<string, CallProfile>();
  const missingProfiles = new Set<string>();
  const profileReads: Array<Promise<void>> = [];
  const requested = new Set<string>();
  const reads: SharedReads = options.shared ?? {
    systemProfiles: () => run('system/profiles', (s) => getSystemProfiles(s)),
    tenant: (id) => run(`tenants/${id}`, (s) => getTenant(id, s)).then((read) => ({ ...read, id: read.id ?? id })),
    callLegProfile: (id) => orMissing(run(`callLegProfiles/${id}`, (s) => getCallLegProfile(id, s))),
    callProfile: (id) => orMissing(run(`callProfiles/${id}`, (s) => getCallProfile(id, s))),
  };
  const want = (kind: 'callLegProfile' | 'callProfile', reference: string | undefined) => {
    if (reference === undefined || reference === '') return;
    const id = reference.toLowerCase();
    if (requested.has(`${kind}:${id}`)) return;
    requested.add(`${kind}:${id}`);
    const read =
      kind === 'callLegProfile'
        ? reads.callLegProfile(id).then((profile) => (profile ? void callLegProfiles.set(id, profile) : void missingProfiles.add(id)))
        : reads.callProfile(id).then((profile) => (profile ? void callProfiles.set(id, profile) : void missingProfiles.add(id)));
    profileReads.push(track(read));
  };

  try {
    const spaceRead = track(
      run(`coSpaces/${spaceId}`, (s) => getSpace(spaceId, s)).then(async (space) => {
        want('callLegProfile', space.callLegProfile);
        want('callProfile', space.callProfile);
        let tenant: (Tenant & { id: string }) | undefined;
        if (typeof space.tenant === 'string' && space.tenant !== '') {
          tenant = await reads.tenant(space.tenant);
          want('callLegProfile', tenant.callLegProfile);
          want('callProfile', tenant.callProfile);
        }
        return { space: { ...space, id: space.id ?? spaceId.toLowerCase() }, tenant };
      }),
    );
    const systemRead = track(
      reads.systemProfiles().then((profiles) => {
        want('callLegProfile', profiles.callLegProfile);
        want('callProfile', profiles.callProfile);
        return profiles;
      }),
    );
    // An access method's name is only in its own GET: list entries carry uri, callId, passcode and callLegProfile.
    const readMethod = (entry: AccessMethod & { id: string }) =>
      track(
        run(`coSpaces/${spaceId}/accessMethods/${entry.id}`, (s) => getAccessMethod(spaceId, entry.id, s)).then(
          (detail): (AccessMethod & { id: string }) | undefined => {
            const method = { ...entry, ...detail, id: entry.id };
            want('callLegProfile', method.callLegProfile);
            return method;
          },
          (error: unknown) => {
            if (isNotFound(error)) return undefined;
            throw error;
          },
        ),
      );
    const methodsRead = track(
      (async () => {
        const methods: Array<Promise<(AccessMethod & { id: string }) | undefined>> = [];
        if (options.accessMethods === 'when-counted' && ((await spaceRead).space.numAccessMethods ?? 0) === 0) return [];
        const pager = pagerOver((params, wanted) => run(`coSpaces/${spaceId}/accessMethods`, (s) => listAccessMethods(spaceId, params, s), wanted));
        const pages = listAll(pager, `coSpaces/${spaceId}/accessMethods`, { item: 'accessMethod', schema: accessMethodSchema, concurrency, signal: own.signal });
        for await (const page of pages) methods.push(...page.items.filter(withId).map(readMethod));
        return (await Promise.all(methods)).filter((method) => method !== undefined);
      })(),
    );
    const readMember = (entry: CoSpaceUser & { id: string }) =>
      track(
        run(`coSpaces/${spaceId}/coSpaceUsers/${entry.id}`, (s) => getSpaceMember(spaceId, entry.id, s)).then(
          (detail): (CoSpaceUser & { id: string }) | undefined => {
            want('callLegProfile', detail.callLegProfile);
            return { ...entry, ...detail, id: entry.id };
          },
          (error: unknown) => {
            // Removed between the list and its GET: it is no longer a way in.
            if (isNotFound(error)) return undefined;
            throw error;
          },
        ),
      );
    const membersRead = track(
      (async () => {
        // Each member's GET starts as soon as its page arrives, while later pages are still coming.
        const members: Array<Promise<(CoSpaceUser & { id: string }) | undefined>> = [];
        const pager = pagerOver((params, wanted) => run(`coSpaces/${spaceId}/coSpaceUsers`, (s) => listSpaceMembers(spaceId, params, s), wanted));
        const pages = listAll(pager, `coSpaces/${spaceId}/coSpaceUsers`, { item: 'coSpaceUser', schema: coSpaceUserSchema, concurrency, signal: own.signal });
        for await (const page of pages) members.push(...page.items.filter(withId).map(readMember));
        return (await Promise.all(members)).filter((member) => member !== undefined);
      })(),
    );

    const [{ space, tenant }, systemProfiles, accessMethods, members] = await Promise.all([spaceRead, systemRead, methodsRead, membersRead]);
    // Every reference is known by now, so every profile read has been started.
    await Promise.all(profileReads);
    const model: SpaceModel = { space, accessMethods, members, systemProfiles, callLegProfiles, callProfiles, missingProfiles };
    if (tenant !== undefined) model.tenant = tenant;
    return model;
  } catch (error) {
    throw failure?.error ?? error;
  } finally {
    signal?.removeEventListener('abort', onCallerAbort);
    own.abort();
  }
}

/** Under `spaceQueries.detail(id)`, so invalidating a space (or its access methods or members) refreshes the model too. */
export const spaceModelQueries = {
  detail: (spaceId: string) =>
    queryOptions({
      queryKey: [...spaceQueries.detail(spaceId).queryKey, 'model'] as const,
      queryFn: ({ signal }) => loadSpaceModel(spaceId, { signal }),
    }),
};
