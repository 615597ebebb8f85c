import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  JOURNAL_PREFIX,
  journalFacetsSchema,
  journalRunSchema,
  journalWriteSchema,
  runDetailSchema,
  runPageSchema,
  type FinalRunState,
  type JournalRun,
  type JournalWrite,
  type Reconciliation,
  type RunDetail,
  type RunFilter,
  type RunOrigin,
  type RunPage,
  type SpaceRef,
  type WriteAnswer,
  type WriteIntent,
} from '../wire/journal-contract';
import { newUuid, queryString, studioJson, studioRaw } from './studio-request';

const send = <S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown, signal?: AbortSignal) =>
  studioJson(JOURNAL_PREFIX, 'The change journal', method, path, schema, { body, signal });

const runPath = (runId: string, rest = '') => `/runs/${encodeURIComponent(runId)}${rest}`;

/** Starts a run; the server records the cluster, the CMS user and the time. Answers the run's id. */
export async function beginRun(origin: RunOrigin, title: string, spaces: SpaceRef[] = [], signal?: AbortSignal): Promise<string> {
  const run = await send('POST', '/runs', journalRunSchema, { id: newUuid(), origin, title, spaces }, signal);
  return run.id;
}

/** Stores a write before it is sent. If this rejects, the write must not be sent. */
export function recordIntent(runId: string, intent: WriteIntent, signal?: AbortSignal): Promise<JournalWrite> {
  return send('POST', runPath(runId, '/writes'), journalWriteSchema, intent, signal);
}

/** Stores how CMS answered write `seq` (applied 2xx, refused 4xx, unknown: no answer, 5xx, timeout). */
export function recordOutcome(runId: string, seq: number, answer: WriteAnswer, signal?: AbortSignal): Promise<JournalWrite> {
  return send('POST', runPath(runId, `/writes/${seq}/outcome`), journalWriteSchema, answer, signal);
}

/** Stores the read that settled a write whose answer was lost. */
export function recordReconciliation(runId: string, seq: number, reconciliation: Reconciliation, signal?: AbortSignal): Promise<JournalWrite> {
  return send('POST', runPath(runId, `/writes/${seq}/reconciliation`), journalWriteSchema, reconciliation, signal);
}

export function finishRun(runId: string, state: FinalRunState, signal?: AbortSignal): Promise<JournalRun> {
  return send('POST', runPath(runId, '/finish'), journalRunSchema, { state }, signal);
}

/** A finished run takes more writes (a retried rollback) only after this. */
export function reopenRun(runId: string, signal?: AbortSignal): Promise<JournalRun> {
  return send('POST', runPath(runId, '/reopen'), journalRunSchema, {}, signal);
}

const filterQuery = (filter: RunFilter, extra: Record<string, string> = {}) => queryString({ ...filter, ...extra });

export const RUN_PAGE_SIZE = 200;

export function listRuns(filter: RunFilter, cursor?: string, limit = RUN_PAGE_SIZE, signal?: AbortSignal): Promise<RunPage> {
  return send('GET', `/runs${filterQuery(filter, { limit: String(limit), ...(cursor ? { cursor } : {}) })}`, runPageSchema, undefined, signal);
}

/** Passcodes come masked unless `reveal` is asked for explicitly. */
export function getRunDetail(runId: string, { reveal = false } = {}, signal?: AbortSignal): Promise<RunDetail> {
  return send('GET', runPath(runId, reveal ? '?reveal=1' : ''), runDetailSchema, undefined, signal);
}

export function getJournalFacets(signal?: AbortSignal) {
  return send('GET', '/facets', journalFacetsSchema, undefined, signal);
}

/** The server's export of the runs matching `filter` (always masked), with the file name it suggests. */
export async function exportRuns(filter: RunFilter, format: 'json' | 'csv'): Promise<{ filename: string; blob: Blob }> {
  const response = await studioRaw(JOURNAL_PREFIX, 'The change journal', 'GET', `/export.${format}${filterQuery(filter)}`);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `cms-studio-journal.${format}`;
  return { filename, blob: await response.blob() };
}

export const journalQueries = {
  all: () => ['journal'] as const,
  lists: () => [...journalQueries.all(), 'list'] as const,
  list: (filter: RunFilter) =>
    infiniteQueryOptions({
      queryKey: [...journalQueries.lists(), filter] as const,
      queryFn: ({ pageParam, signal }) => listRuns(filter, pageParam, RUN_PAGE_SIZE, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  details: () => [...journalQueries.all(), 'detail'] as const,
  detail: (runId: string, reveal = false) =>
    queryOptions({
      queryKey: [...journalQueries.details(), runId, { reveal }] as const,
      queryFn: ({ signal }) => getRunDetail(runId, { reveal }, signal),
      // Revealed passcodes leave the cache as soon as no screen shows them.
      ...(reveal ? { gcTime: 0 } : {}),
    }),
  facets: () => queryOptions({ queryKey: [...journalQueries.all(), 'facets'] as const, queryFn: ({ signal }) => getJournalFacets(signal) }),
};
