import { z } from 'zod';
import { maskSecretsDeep, maskValue } from './secrets';

/**
 * The change journal's JSON contract, shared by the proxy (which stores runs) and the SPA (which
 * records them and shows History). A run is one thing an admin did (a wizard, a page's save, an
 * undo); its writes are the CMS requests it sent, in order. A write's intent is stored before it
 * is sent and its outcome after, so a tab that dies mid-write leaves a visible pending write.
 */
export const JOURNAL_PREFIX = '/studio/journal';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lowercase UUID');
const isoTime = z.iso.datetime();
const objectId = z.string().min(1).max(64);

export const runIdSchema = uuid;

export const runOriginSchema = z
  .object({
    kind: z.enum(['wizard', 'page', 'undo', 'batch']),
    /** which wizard or page: `scenario-2`, `system/global-profiles`, `space/edit-access-method` */
    name: z.string().min(1).max(120),
    undoesRunId: uuid.optional(),
    batchId: z.string().min(1).max(120).optional(),
  })
  .refine((origin) => origin.kind !== 'undo' || origin.undoesRunId !== undefined, {
    message: 'an undo names the run it undoes (undoesRunId)',
    path: ['undoesRunId'],
  });
export type RunOrigin = z.infer<typeof runOriginSchema>;

/**
 * running: writes may still be added. applied: every write took effect. refused: CMS refused a
 * write and nothing of the run is left in CMS. partially-applied: some writes took effect and were
 * kept. unknown: some write's effect is not proven either way. rolled-back: reads proved CMS is as
 * before. rollback-incomplete: a rollback write failed, so CMS differs from before.
 */
export const runStateSchema = z.enum(['running', 'applied', 'refused', 'partially-applied', 'unknown', 'rolled-back', 'rollback-incomplete']);
export type RunState = z.infer<typeof runStateSchema>;
export const finalRunStateSchema = runStateSchema.exclude(['running']);
export type FinalRunState = z.infer<typeof finalRunStateSchema>;

export const spaceRefSchema = z.object({ id: objectId, label: z.string().max(200).optional() });
export type SpaceRef = z.infer<typeof spaceRefSchema>;

export const newRunSchema = z.object({
  /** chosen by the client, so a create whose answer was lost can be sent again safely */
  id: uuid,
  origin: runOriginSchema,
  title: z.string().min(1).max(200),
  spaces: z.array(spaceRefSchema).max(1000).default([]),
});
export type NewRun = z.input<typeof newRunSchema>;

const count = z.number().int().min(0);
export const writeCountsSchema = z.object({ total: count, pending: count, applied: count, refused: count, unknown: count });

export const journalRunSchema = z.object({
  id: uuid,
  origin: runOriginSchema,
  title: z.string(),
  spaces: z.array(spaceRefSchema),
  /** set by the server: the CMS target the request named (X-CMS-Target), its default, or `mock` */
  cluster: z.string(),
  /** set by the server: the configured CMS user, or the signed-in user of the request */
  cmsUser: z.string(),
  state: runStateSchema,
  startedAt: isoTime,
  /** the last time anything was recorded for the run; a running run that stays quiet was abandoned */
  updatedAt: isoTime,
  finishedAt: isoTime.optional(),
  writeCounts: writeCountsSchema,
});
export type JournalRun = z.infer<typeof journalRunSchema>;

/** Field values of one object: `null` is unset (absent from CMS's answer, or to be unset by an empty value). */
export const fieldValuesSchema = z.record(z.string(), z.string().nullable());
export type FieldValues = z.infer<typeof fieldValuesSchema>;

export const writeMethodSchema = z.enum(['POST', 'PUT', 'DELETE']);
/** forward: the run's own writes; rollback: writes that undo them after a failure within the run. */
export const writePhaseSchema = z.enum(['forward', 'rollback']);
export const writeOutcomeSchema = z.enum(['pending', 'applied', 'refused', 'unknown']);
export type WriteOutcome = z.infer<typeof writeOutcomeSchema>;

export const writeIntentSchema = z.object({
  /** position in the run, from 1; the client numbers its writes so a resent intent is recognised */
  seq: z.number().int().min(1).max(1_000_000),
  phase: writePhaseSchema.default('forward'),
  /** the typed operation as the change engine built it: stored and returned as it came */
  operation: z.object({ kind: z.string().min(1).max(80), json: z.json() }),
  method: writeMethodSchema,
  /** as sent, under /api/v1 */
  path: z.string().regex(/^\/api\/v1\//, 'a path under /api/v1/').max(2000),
  /** the form as sent (parameter → value); empty for DELETE */
  form: z.record(z.string(), z.string()).default({}),
  objectKind: z.string().min(1).max(60).optional(),
  /** the object written; a POST learns it from the outcome */
  objectId: objectId.optional(),
  /** the space the write belongs to, for History's space filter */
  spaceId: objectId.optional(),
  /** values of exactly the fields touched, before; null: the object did not exist (a POST) */
  before: fieldValuesSchema.nullable(),
  /** values of exactly the fields touched, after; null: the object is gone (a DELETE) */
  after: fieldValuesSchema.nullable(),
});
export type WriteIntent = z.input<typeof writeIntentSchema>;

export const cmsFailureSchema = z.object({ code: z.string().max(120), parameter: z.string().max(120).optional(), error: z.string().max(120).optional() });

export const writeAnswerSchema = z
  .object({
    outcome: writeOutcomeSchema.exclude(['pending']),
    /** CMS's HTTP status; absent when no answer came (reset, timeout) */
    status: z.number().int().min(100).max(599).optional(),
    failures: z.array(cmsFailureSchema).max(50).default([]),
    /** what went wrong without an answer, in words */
    error: z.string().max(2000).optional(),
    /** the id of the object a POST created (from Location) */
    objectId: objectId.optional(),
    /** the space a POST created, so History finds the run under it */
    spaceId: objectId.optional(),
    /** values read back after the write, when the engine read them */
    after: fieldValuesSchema.nullable().optional(),
    durationMs: z.number().min(0).max(86_400_000).optional(),
  })
  .refine((a) => a.outcome !== 'applied' || (a.status !== undefined && a.status >= 200 && a.status < 300), {
    message: 'applied means CMS answered 2xx',
    path: ['status'],
  })
  .refine((a) => a.outcome !== 'refused' || (a.status !== undefined && a.status >= 400 && a.status < 500), {
    message: 'refused means CMS answered 4xx',
    path: ['status'],
  });
export type WriteAnswer = z.input<typeof writeAnswerSchema>;

/** The read that settled a write whose answer was lost: did it take effect or not. */
export const reconciliationSchema = z.object({
  verdict: z.enum(['took-effect', 'did-not-take-effect']),
  read: z.object({
    method: z.literal('GET'),
    path: z.string().regex(/^\/api\/v1\//).max(2000),
    query: z.record(z.string(), z.string()).optional(),
    status: z.number().int().min(100).max(599),
    /** the fields as read; null: the object was not found */
    observed: fieldValuesSchema.nullable(),
    summary: z.string().max(500).optional(),
  }),
  /** a POST that took effect: the id of what it created, found by the read */
  objectId: objectId.optional(),
});
export type Reconciliation = z.input<typeof reconciliationSchema>;

export const journalWriteSchema = z.object({
  seq: z.number().int().min(1),
  phase: writePhaseSchema,
  operation: z.object({ kind: z.string(), json: z.json() }),
  method: writeMethodSchema,
  path: z.string(),
  form: z.record(z.string(), z.string()),
  objectKind: z.string().optional(),
  objectId: z.string().optional(),
  spaceId: z.string().optional(),
  before: fieldValuesSchema.nullable(),
  after: fieldValuesSchema.nullable(),
  outcome: writeOutcomeSchema,
  status: z.number().int().optional(),
  failures: z.array(cmsFailureSchema),
  error: z.string().optional(),
  durationMs: z.number().optional(),
  /** when the intent was stored; the write is sent right after */
  sentAt: isoTime,
  answeredAt: isoTime.optional(),
  reconciliation: reconciliationSchema.extend({ at: isoTime }).optional(),
});
export type JournalWrite = z.infer<typeof journalWriteSchema>;

export const runDetailSchema = z.object({ run: journalRunSchema, writes: z.array(journalWriteSchema), revealed: z.boolean() });
export type RunDetail = z.infer<typeof runDetailSchema>;

export const finishRunSchema = z.object({ state: finalRunStateSchema });

export const RUN_PAGE_MAX = 500;

/** History's filter, as query parameters of the list and export endpoints. */
export const runFilterSchema = z.object({
  /** a space id, or part of a space's name or URI as recorded */
  space: z.string().trim().min(1).max(200).optional(),
  cluster: z.string().min(1).max(120).optional(),
  cmsUser: z.string().min(1).max(200).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  /** one run only (export of a run's detail) */
  run: uuid.optional(),
  /** the runs of one batch fix (origin.batchId), its undo runs included */
  batch: z.string().min(1).max(120).optional(),
});
export type RunFilter = z.infer<typeof runFilterSchema>;

export const runListQuerySchema = runFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(RUN_PAGE_MAX).default(100),
});

export const runPageSchema = z.object({
  runs: z.array(journalRunSchema),
  /** pass back as `cursor` for the next (older) page; null at the end */
  nextCursor: z.string().nullable(),
  /** runs matching the filter, all pages */
  total: z.number().int().min(0),
});
export type RunPage = z.infer<typeof runPageSchema>;

export const journalFacetsSchema = z.object({ clusters: z.array(z.string()), cmsUsers: z.array(z.string()) });
export type JournalFacets = z.infer<typeof journalFacetsSchema>;

export const journalErrorCodeSchema = z.enum(['invalid', 'not-found', 'conflict', 'unauthorized', 'forbidden', 'unavailable', 'too-large']);
export type JournalErrorCode = z.infer<typeof journalErrorCodeSchema>;
export const journalErrorBodySchema = z.object({ error: z.string(), code: journalErrorCodeSchema });

/** What a write did to CMS, as far as CMS's answer or a later read proves it. */
export function writeEffect(write: Pick<JournalWrite, 'outcome' | 'reconciliation'>): 'applied' | 'not-applied' | 'unknown' {
  if (write.outcome === 'applied') return 'applied';
  if (write.outcome === 'refused') return 'not-applied';
  if (write.reconciliation) return write.reconciliation.verdict === 'took-effect' ? 'applied' : 'not-applied';
  return 'unknown';
}

function maskFields(values: FieldValues | null): FieldValues | null {
  if (values === null) return null;
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, maskValue(name, value)]));
}

function maskForm(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).map(([name, value]) => [name, maskValue(name, value) ?? '']));
}

/** The write with every passcode and secret masked: in forms, before/after values, the operation and the reconciling read. */
export function maskJournalWrite(write: JournalWrite): JournalWrite {
  const reconciliation = write.reconciliation && {
    ...write.reconciliation,
    read: { ...write.reconciliation.read, observed: maskFields(write.reconciliation.read.observed) },
  };
  return {
    ...write,
    operation: { kind: write.operation.kind, json: maskSecretsDeep(write.operation.json) },
    form: maskForm(write.form),
    before: maskFields(write.before),
    after: maskFields(write.after),
    ...(reconciliation ? { reconciliation } : {}),
  };
}
