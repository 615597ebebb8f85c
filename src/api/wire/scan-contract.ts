import { z } from 'zod';

/**
 * The fleet audit's JSON contract, shared by the server (which stores scans in the journal's
 * database) and the SPA (which scans CMS and shows the results). A scan is one pass over every
 * space of one cluster; a result is one space's verdict as the one space evaluation gives it.
 * Results never hold a passcode: a way in says whether it has a PIN, not which.
 */
export const SCANS_PREFIX = '/studio/scans';

/** The header the lease holder sends with its results, heartbeats and finish. */
export const SCAN_LEASE_HEADER = 'X-Scan-Lease';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lowercase UUID');
const isoTime = z.iso.datetime();
const objectId = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);

export const scanIdSchema = uuid;

/** A space's verdict (pass, warn, fail), or `unread`: CMS did not answer the reads it needs. */
export const scanStatusSchema = z.enum(['pass', 'warn', 'fail', 'unread']);
export type ScanStatus = z.infer<typeof scanStatusSchema>;

export const wizardScenarioSchema = z.enum(['different-uris', 'same-uri-two-pins', 'blank-guest-pin', 'members-are-hosts']);

export const scanFindingSchema = z.object({
  /** the evaluation's stable id: `no-host-path`, `member-resolves-to-guest:<memberId>` */
  id: text(200).min(1),
  /** the id without what it is about (`member-resolves-to-guest`): what the finding filter groups by */
  kind: text(80).min(1),
  severity: z.enum(['error', 'warning', 'info']),
  title: text(500),
  /** the guest/host pattern whose wizard fixes it */
  fix: wizardScenarioSchema.optional(),
});
export type ScanFinding = z.infer<typeof scanFindingSchema>;

export const scanPathSchema = z.object({
  key: text(120).min(1),
  kind: z.enum(['spaceUri', 'spaceSecondaryUri', 'spaceCallId', 'accessMethod', 'member']),
  /** the evaluation's label with every PIN masked */
  label: text(300),
  role: z.enum(['host', 'guest']),
  /** whether a caller on this way in is asked a PIN; absent for members signed in to the web app */
  pin: z.enum(['set', 'blank']).optional(),
});
export type ScanPath = z.infer<typeof scanPathSchema>;

/** Results keep this many ways in; a space with thousands of members keeps its counts and the first ones. */
export const SCAN_PATHS_KEPT = 50;

export const scanResultSchema = z.object({
  spaceId: objectId,
  name: text(200).optional(),
  uri: text(200).optional(),
  secondaryUri: text(200).optional(),
  callId: text(200).optional(),
  tenant: objectId.optional(),
  tenantName: text(200).optional(),
  status: scanStatusSchema,
  /** the verdict's sentence, or why the space could not be read */
  summary: text(1000),
  findings: z.array(scanFindingSchema).max(200),
  roles: z.object({ host: z.number().int().min(0), guest: z.number().int().min(0) }),
  paths: z.array(scanPathSchema).max(SCAN_PATHS_KEPT),
  scannedAt: isoTime,
});
export type ScanResult = z.infer<typeof scanResultSchema>;

/** running: a tab scans, or did until its lease expired (`live` false); stopped: cancelled; failed: stopped by an error. */
export const scanStateSchema = z.enum(['running', 'stopped', 'complete', 'failed']);
export type ScanState = z.infer<typeof scanStateSchema>;

const count = z.number().int().min(0);

export const scanSchema = z.object({
  id: uuid,
  /** set by the server: the cluster the request named (X-CMS-Target), its default, or `mock` */
  cluster: z.string(),
  /** set by the server: who started it */
  cmsUser: z.string(),
  state: scanStateSchema,
  startedAt: isoTime,
  updatedAt: isoTime,
  finishedAt: isoTime.optional(),
  /** how many spaces CMS listed, once the scan has read the first page */
  spacesTotal: count.nullable(),
  counts: z.object({ results: count, pass: count, warn: count, fail: count, unread: count }),
  /** CMS requests the scan sent, over every tab that held it */
  requests: count,
  /** a tab holds the scan's lease right now */
  live: z.boolean(),
  error: z.string().optional(),
});
export type Scan = z.infer<typeof scanSchema>;

/** Starts a scan of the request's cluster, or resumes `resume`; the id is the client's, so a resent start is recognised. */
export const startScanSchema = z.object({ id: uuid, resume: uuid.optional() });
export type StartScan = z.infer<typeof startScanSchema>;

export const leaseSchema = z.object({ token: z.string().min(16).max(100), ttlMs: z.number().int().min(1) });
export type ScanLease = z.infer<typeof leaseSchema>;

/** With a lease, the caller scans; without one, another tab or studio already does, and this is its scan. */
export const startScanAnswerSchema = z.object({ scan: scanSchema, lease: leaseSchema.optional() });
export type StartScanAnswer = z.infer<typeof startScanAnswerSchema>;

export const SCAN_RESULTS_BATCH_MAX = 500;

export const scanResultsBatchSchema = z.object({
  results: z.array(scanResultSchema).max(SCAN_RESULTS_BATCH_MAX),
  /** CMS requests sent under this lease so far (a running total, so a resent batch counts once) */
  requests: count,
  spacesTotal: count.optional(),
});
export type ScanResultsBatch = z.input<typeof scanResultsBatchSchema>;

export const finishScanSchema = z.object({ state: scanStateSchema.exclude(['running']), error: z.string().max(2000).optional(), requests: count.optional() });
export type FinishScan = z.infer<typeof finishScanSchema>;

export const scanListSchema = z.object({ scans: z.array(scanSchema) });
export const scanDoneSchema = z.object({ spaceIds: z.array(z.string()) });

const commaList = <S extends z.ZodType<unknown, string>>(item: S, max: number) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .pipe(z.array(item).min(1).max(max));

export const SCAN_SORTS = ['status', 'name', 'uri', 'tenant', 'findings', 'scannedAt'] as const;

/**
 * Which results: those of the given scans (one per cluster, usually each cluster's latest), narrowed
 * by status, finding kind, tenant and text. With `base` (one scan only), `change` keeps the spaces
 * with a problem the base did not have (`new`) or that lost one the base had (`fixed`).
 */
export const scanResultFilterSchema = z.object({
  scans: commaList(uuid, 20),
  status: commaList(scanStatusSchema, 4).optional(),
  finding: text(80).min(1).optional(),
  /** a tenant id, or `none` for spaces without one */
  tenant: z.string().min(1).max(64).optional(),
  /** part of the name, URI, call ID or id */
  q: z.string().trim().min(1).max(200).optional(),
  base: uuid.optional(),
  change: z.enum(['new', 'fixed']).optional(),
});
export type ScanResultFilter = z.output<typeof scanResultFilterSchema>;
/** The filter as query parameters (lists comma-separated). */
export type ScanResultQuery = z.input<typeof scanResultFilterSchema>;

export const SCAN_RESULT_PAGE_MAX = 1000;

export const scanResultListQuerySchema = scanResultFilterSchema.extend({
  sort: z.enum(SCAN_SORTS).default('status'),
  dir: z.enum(['asc', 'desc']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SCAN_RESULT_PAGE_MAX).default(200),
});

export const scanResultRowSchema = scanResultSchema.extend({
  scanId: uuid,
  cluster: z.string(),
  /** the space's status in the base scan, when one is compared (absent: not in it) */
  was: scanStatusSchema.optional(),
});
export type ScanResultRow = z.infer<typeof scanResultRowSchema>;

export const scanResultPageSchema = z.object({ results: z.array(scanResultRowSchema), total: count });
export type ScanResultPage = z.infer<typeof scanResultPageSchema>;

/** The spaces a filter selects, for an action on all of them (up to this many). */
export const SCAN_IDS_MAX = 100_000;
export const scanSelectionSchema = z.object({ spaces: z.array(z.object({ cluster: z.string(), spaceId: z.string() })), total: count });
export type ScanSelection = z.infer<typeof scanSelectionSchema>;

export const scanFacetsSchema = z.object({
  findings: z.array(z.object({ kind: z.string(), severity: z.enum(['error', 'warning', 'info']), title: z.string(), spaces: count })),
  tenants: z.array(z.object({ id: z.string(), name: z.string().optional(), spaces: count })),
});
export type ScanFacets = z.infer<typeof scanFacetsSchema>;

export const scanCompareQuerySchema = z.object({ scan: uuid, base: uuid });
export const scanComparisonSchema = z.object({ scan: scanSchema, base: scanSchema, new: count, fixed: count });
export type ScanComparison = z.infer<typeof scanComparisonSchema>;

export const SCAN_STATUS_SPACES_MAX = 200;
export const scanStatusQuerySchema = z.object({ spaces: commaList(objectId, SCAN_STATUS_SPACES_MAX) });
export const spaceScanStatusSchema = z.object({ spaceId: z.string(), status: scanStatusSchema, scannedAt: isoTime, scanId: uuid });
export type SpaceScanStatus = z.infer<typeof spaceScanStatusSchema>;
export const scanStatusesSchema = z.object({ statuses: z.array(spaceScanStatusSchema) });

/** The part of a finding id before `:`, which names what it is about. */
export const findingKind = (id: string) => id.split(':', 1)[0] ?? id;
