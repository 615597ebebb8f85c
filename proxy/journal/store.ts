import type { z } from 'zod';
import type {
  finalRunStateSchema,
  JournalFacets,
  JournalRun,
  JournalWrite,
  newRunSchema,
  reconciliationSchema,
  RunFilter,
  RunPage,
  writeAnswerSchema,
  writeIntentSchema,
} from '../../src/api/wire/journal-contract';
import { iso, runsFromRows, writeFromRow } from './store-rows';
import { numberOf, textOf, type SqlDriver, type SqlSession, type SqlValue } from './sql-driver';

export type NewRunInput = z.output<typeof newRunSchema>;
export type IntentInput = z.output<typeof writeIntentSchema>;
export type AnswerInput = z.output<typeof writeAnswerSchema>;
export type ReconciliationInput = z.output<typeof reconciliationSchema>;
export type FinalState = z.output<typeof finalRunStateSchema>;

/** Who is recording: set by the server from its configuration and the request, never by the client. */
export interface Recorder {
  cluster: string;
  cmsUser: string;
}

export class JournalStoreError extends Error {
  override readonly name = 'JournalStoreError';
  constructor(
    readonly code: 'not-found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export interface JournalStore {
  readonly description: string;
  /** answers `created: false` when the same run was already recorded (a resent create) */
  createRun(run: NewRunInput, by: Recorder): Promise<{ run: JournalRun; created: boolean }>;
  /** stored before the write is sent; a resent identical intent answers `created: false` */
  appendIntent(runId: string, intent: IntentInput, by: Recorder): Promise<{ write: JournalWrite; created: boolean }>;
  recordAnswer(runId: string, seq: number, answer: AnswerInput, by: Recorder): Promise<JournalWrite>;
  /** for a write whose answer was lost (unknown) or never recorded (pending) */
  recordReconciliation(runId: string, seq: number, reconciliation: ReconciliationInput, by: Recorder): Promise<JournalWrite>;
  finishRun(runId: string, state: FinalState, by: Recorder): Promise<JournalRun>;
  reopenRun(runId: string, by: Recorder): Promise<JournalRun>;
  listRuns(filter: RunFilter, page: { cursor?: string; limit: number }): Promise<RunPage>;
  runDetail(runId: string): Promise<{ run: JournalRun; writes: JournalWrite[] } | undefined>;
  /** the writes of several runs at once, in order (exports) */
  runWrites(runIds: readonly string[]): Promise<Map<string, JournalWrite[]>>;
  facets(): Promise<JournalFacets>;
  close(): Promise<void>;
}

const RUN_COLUMNS = 'id, origin_kind, origin_name, undoes_run_id, batch_id, title, cluster, cms_user, state, started_at, updated_at, finished_at';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function filterClause(filter: RunFilter): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, value: SqlValue) => {
    parts.push(sql);
    params.push(value);
  };
  if (filter.run) add('r.id = ?', filter.run);
  if (filter.cluster) add('r.cluster = ?', filter.cluster);
  if (filter.cmsUser) add('r.cms_user = ?', filter.cmsUser);
  if (filter.batch) add('r.batch_id = ?', filter.batch);
  if (filter.from) add('r.started_at >= ?', Date.parse(filter.from));
  if (filter.to) add('r.started_at <= ?', Date.parse(filter.to));
  if (filter.space) {
    const space = filter.space.toLowerCase();
    parts.push(`EXISTS (SELECT 1 FROM journal_run_spaces s WHERE s.run_id = r.id AND (s.space_id = ? OR LOWER(s.label) LIKE ? ESCAPE '\\'))`);
    params.push(space, `%${escapeLike(space)}%`);
  }
  return { sql: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, params };
}

function encodeCursor(startedAtMs: number, id: string): string {
  return Buffer.from(JSON.stringify([startedAtMs, id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // answered below
  }
  throw new JournalStoreError('invalid', 'The cursor is not one this journal gave out; start again from the first page.');
}

const json = (value: unknown): string => JSON.stringify(value);

function sameIntent(stored: JournalWrite, intent: IntentInput): boolean {
  const pick = (w: IntentInput | JournalWrite) =>
    json([w.phase, w.operation, w.method, w.path, w.form, w.objectKind ?? null, w.objectId ?? null, w.spaceId ?? null, w.before, w.after]);
  return pick(stored) === pick(intent);
}

/** The journal over either store; the SQL is the same for both. */
export function createJournalStore(driver: SqlDriver, now: () => number = Date.now): JournalStore {
  async function loadRun(session: SqlSession, runId: string): Promise<JournalRun | undefined> {
    const rows = await session.all(`SELECT ${RUN_COLUMNS} FROM journal_runs r WHERE id = ?`, [runId]);
    return (await runsFromRows(session, rows))[0];
  }

  /** The run's owner and state only: every write checks it, so it reads one row and nothing else. */
  async function requireRun(session: SqlSession, runId: string, by: Recorder, sameUser = true): Promise<{ state: string }> {
    const row = (await session.all('SELECT state, cluster, cms_user FROM journal_runs WHERE id = ?', [runId]))[0];
    if (!row) throw new JournalStoreError('not-found', `No run ${runId} in the journal.`);
    const cluster = textOf(row.cluster);
    const cmsUser = textOf(row.cms_user);
    if (cluster !== by.cluster) throw new JournalStoreError('conflict', `Run ${runId} belongs to cluster ${cluster}, not ${by.cluster}.`);
    if (sameUser && cmsUser !== by.cmsUser) throw new JournalStoreError('conflict', `Run ${runId} was recorded by ${cmsUser}, not ${by.cmsUser}.`);
    return { state: textOf(row.state) };
  }

  async function loadWrite(session: SqlSession, runId: string, seq: number): Promise<JournalWrite | undefined> {
    const rows = await session.all('SELECT * FROM journal_writes WHERE run_id = ? AND seq = ?', [runId, seq]);
    return rows[0] ? writeFromRow(rows[0]) : undefined;
  }

  async function requireWrite(session: SqlSession, runId: string, seq: number): Promise<JournalWrite> {
    const write = await loadWrite(session, runId, seq);
    if (!write) throw new JournalStoreError('not-found', `Run ${runId} has no write #${seq}.`);
    return write;
  }

  const touch = (session: SqlSession, runId: string, at: number) => session.run('UPDATE journal_runs SET updated_at = ? WHERE id = ?', [at, runId]);
  const addSpace = (session: SqlSession, runId: string, spaceId: string, label: string | null) =>
    session.run('INSERT INTO journal_run_spaces (run_id, space_id, label) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [runId, spaceId.toLowerCase(), label]);

  return {
    description: driver.description,

    createRun: (run, by) =>
      driver.transaction(async (tx) => {
        const at = now();
        const inserted = await tx.run(
          `INSERT INTO journal_runs (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, NULL) ON CONFLICT (id) DO NOTHING`,
          [run.id, run.origin.kind, run.origin.name, run.origin.undoesRunId ?? null, run.origin.batchId ?? null, run.title, by.cluster, by.cmsUser, at, at],
        );
        if (inserted === 0) {
          await requireRun(tx, run.id, by);
          const existing = (await loadRun(tx, run.id))!;
          if (json(existing.origin) !== json(run.origin) || existing.title !== run.title) {
            throw new JournalStoreError('conflict', `Run ${run.id} already exists with another origin or title.`);
          }
          return { run: existing, created: false };
        }
        for (const space of run.spaces) await addSpace(tx, run.id, space.id, space.label ?? null);
        return { run: (await loadRun(tx, run.id))!, created: true };
      }),

    appendIntent: (runId, intent, by) =>
      driver.transaction(async (tx) => {
        const run = await requireRun(tx, runId, by);
        const at = now();
        const inserted =
          run.state !== 'running'
            ? 0
            : await tx.run(
                `INSERT INTO journal_writes (run_id, seq, phase, operation_kind, operation, method, path, form, object_kind, object_id, space_id,
                   before_values, after_values, outcome, failures, sent_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', '[]', ?) ON CONFLICT (run_id, seq) DO NOTHING`,
                [
                  runId,
                  intent.seq,
                  intent.phase,
                  intent.operation.kind,
                  json(intent.operation.json),
                  intent.method,
                  intent.path,
                  json(intent.form),
                  intent.objectKind ?? null,
                  intent.objectId ?? null,
                  intent.spaceId ?? null,
                  intent.before === null ? null : json(intent.before),
                  intent.after === null ? null : json(intent.after),
                  at,
                ],
              );
        if (inserted === 0) {
          const existing = await loadWrite(tx, runId, intent.seq);
          if (existing && sameIntent(existing, intent)) return { write: existing, created: false };
          if (existing) throw new JournalStoreError('conflict', `Run ${runId} already has a different write #${intent.seq}.`);
          throw new JournalStoreError('conflict', `Run ${runId} is finished (${run.state}); reopen it before recording more writes.`);
        }
        if (intent.spaceId) await addSpace(tx, runId, intent.spaceId, null);
        await touch(tx, runId, at);
        return { write: (await loadWrite(tx, runId, intent.seq))!, created: true };
      }),

    recordAnswer: (runId, seq, answer, by) =>
      driver.transaction(async (tx) => {
        await requireRun(tx, runId, by);
        const write = await requireWrite(tx, runId, seq);
        if (write.outcome !== 'pending') {
          const same = write.outcome === answer.outcome && write.status === answer.status && (answer.objectId === undefined || answer.objectId === write.objectId);
          if (same) return write;
          throw new JournalStoreError('conflict', `Write #${seq} of run ${runId} already ended ${write.outcome}${write.status ? ` (${write.status})` : ''}.`);
        }
        const at = now();
        await tx.run(
          `UPDATE journal_writes SET outcome = ?, status = ?, failures = ?, error = ?, object_id = COALESCE(?, object_id),
             space_id = COALESCE(?, space_id), after_values = CASE WHEN ? = 1 THEN ? ELSE after_values END, duration_ms = ?, answered_at = ?
           WHERE run_id = ? AND seq = ?`,
          [
            answer.outcome,
            answer.status ?? null,
            json(answer.failures),
            answer.error ?? null,
            answer.objectId ?? null,
            answer.spaceId ?? null,
            answer.after === undefined ? 0 : 1,
            answer.after === undefined || answer.after === null ? null : json(answer.after),
            answer.durationMs ?? null,
            at,
            runId,
            seq,
          ],
        );
        if (answer.spaceId) await addSpace(tx, runId, answer.spaceId, null);
        await touch(tx, runId, at);
        return requireWrite(tx, runId, seq);
      }),

    recordReconciliation: (runId, seq, reconciliation, by) =>
      driver.transaction(async (tx) => {
        await requireRun(tx, runId, by, false);
        const write = await requireWrite(tx, runId, seq);
        if (write.outcome === 'applied' || write.outcome === 'refused') {
          throw new JournalStoreError('conflict', `CMS answered write #${seq} (${write.outcome}); only a lost answer is reconciled.`);
        }
        const at = now();
        await tx.run('UPDATE journal_writes SET reconciliation = ?, reconciled_at = ?, object_id = COALESCE(?, object_id) WHERE run_id = ? AND seq = ?', [
          json({ ...reconciliation, at: iso(at) }),
          at,
          reconciliation.objectId ?? null,
          runId,
          seq,
        ]);
        await touch(tx, runId, at);
        return requireWrite(tx, runId, seq);
      }),

    finishRun: (runId, state, by) =>
      driver.transaction(async (tx) => {
        await requireRun(tx, runId, by);
        const at = now();
        await tx.run('UPDATE journal_runs SET state = ?, finished_at = ?, updated_at = ? WHERE id = ?', [state, at, at, runId]);
        return (await loadRun(tx, runId))!;
      }),

    reopenRun: (runId, by) =>
      driver.transaction(async (tx) => {
        await requireRun(tx, runId, by);
        await tx.run(`UPDATE journal_runs SET state = 'running', finished_at = NULL, updated_at = ? WHERE id = ?`, [now(), runId]);
        return (await loadRun(tx, runId))!;
      }),

    async listRuns(filter, { cursor, limit }) {
      const where = filterClause(filter);
      const conditions = [where.sql];
      const params = [...where.params];
      if (cursor) {
        const [startedAt, id] = decodeCursor(cursor);
        conditions.push(`${where.sql ? 'AND' : 'WHERE'} (r.started_at < ? OR (r.started_at = ? AND r.id < ?))`);
        params.push(startedAt, startedAt, id);
      }
      const rows = await driver.all(`SELECT ${RUN_COLUMNS} FROM journal_runs r ${conditions.join(' ')} ORDER BY r.started_at DESC, r.id DESC LIMIT ?`, [
        ...params,
        limit + 1,
      ]);
      const totalRows = await driver.all(`SELECT COUNT(*) AS n FROM journal_runs r ${where.sql}`, where.params);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        runs: await runsFromRows(driver, page),
        nextCursor: rows.length > limit && last ? encodeCursor(numberOf(last.started_at), textOf(last.id)) : null,
        total: numberOf(totalRows[0]?.n ?? 0),
      };
    },

    async runDetail(runId) {
      const run = await loadRun(driver, runId);
      if (!run) return undefined;
      const writes = (await driver.all('SELECT * FROM journal_writes WHERE run_id = ? ORDER BY seq', [runId])).map(writeFromRow);
      return { run, writes };
    },

    async runWrites(runIds) {
      const byRun = new Map<string, JournalWrite[]>(runIds.map((id) => [id, []]));
      if (runIds.length === 0) return byRun;
      const marks = runIds.map(() => '?').join(', ');
      for (const row of await driver.all(`SELECT * FROM journal_writes WHERE run_id IN (${marks}) ORDER BY run_id, seq`, runIds)) {
        byRun.get(textOf(row.run_id))?.push(writeFromRow(row));
      }
      return byRun;
    },

    async facets() {
      const clusters = await driver.all('SELECT DISTINCT cluster FROM journal_runs ORDER BY cluster');
      const users = await driver.all('SELECT DISTINCT cms_user FROM journal_runs ORDER BY cms_user');
      return { clusters: clusters.map((r) => textOf(r.cluster)), cmsUsers: users.map((r) => textOf(r.cms_user)) };
    },

    close: () => driver.close(),
  };
}
