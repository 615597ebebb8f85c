import {
  cmsFailureSchema,
  fieldValuesSchema,
  reconciliationSchema,
  type JournalRun,
  type JournalWrite,
  runStateSchema,
  type SpaceRef,
} from '../../src/api/wire/journal-contract';
import type { JsonValue } from '../../src/api/wire/secrets';
import { z } from 'zod';
import { numberOf, optionalNumber, optionalText, textOf, type SqlRow, type SqlSession } from './sql-driver';

export const iso = (ms: number): string => new Date(ms).toISOString();

const storedReconciliation = reconciliationSchema.extend({ at: z.iso.datetime() });

function json<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  return text === undefined ? undefined : schema.parse(JSON.parse(text));
}

/** A row of journal_writes as the contract's write. */
export function writeFromRow(row: SqlRow): JournalWrite {
  const reconciliation = json(storedReconciliation, optionalText(row.reconciliation));
  const status = optionalNumber(row.status);
  const error = optionalText(row.error);
  const durationMs = optionalNumber(row.duration_ms);
  const answeredAt = optionalNumber(row.answered_at);
  const objectKind = optionalText(row.object_kind);
  const objectId = optionalText(row.object_id);
  const spaceId = optionalText(row.space_id);
  const operation: JsonValue = JSON.parse(textOf(row.operation));
  return {
    seq: numberOf(row.seq),
    phase: textOf(row.phase) === 'rollback' ? 'rollback' : 'forward',
    operation: { kind: textOf(row.operation_kind), json: operation },
    method: z.enum(['POST', 'PUT', 'DELETE']).parse(row.method),
    path: textOf(row.path),
    form: z.record(z.string(), z.string()).parse(JSON.parse(textOf(row.form))),
    ...(objectKind === undefined ? {} : { objectKind }),
    ...(objectId === undefined ? {} : { objectId }),
    ...(spaceId === undefined ? {} : { spaceId }),
    before: json(fieldValuesSchema, optionalText(row.before_values)) ?? null,
    after: json(fieldValuesSchema, optionalText(row.after_values)) ?? null,
    outcome: z.enum(['pending', 'applied', 'refused', 'unknown']).parse(row.outcome),
    ...(status === undefined ? {} : { status }),
    failures: z.array(cmsFailureSchema).parse(JSON.parse(textOf(row.failures))),
    ...(error === undefined ? {} : { error }),
    ...(durationMs === undefined ? {} : { durationMs }),
    sentAt: iso(numberOf(row.sent_at)),
    ...(answeredAt === undefined ? {} : { answeredAt: iso(answeredAt) }),
    ...(reconciliation === undefined ? {} : { reconciliation }),
  };
}

const emptyCounts = () => ({ total: 0, pending: 0, applied: 0, refused: 0, unknown: 0 });

/** journal_runs rows → runs, with their spaces and write counts read in two queries for the whole page. */
export async function runsFromRows(session: SqlSession, rows: readonly SqlRow[]): Promise<JournalRun[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => textOf(row.id));
  const marks = ids.map(() => '?').join(', ');
  const spaces = new Map<string, SpaceRef[]>();
  for (const row of await session.all(`SELECT run_id, space_id, label FROM journal_run_spaces WHERE run_id IN (${marks}) ORDER BY space_id`, ids)) {
    const label = optionalText(row.label);
    const list = spaces.get(textOf(row.run_id)) ?? [];
    list.push({ id: textOf(row.space_id), ...(label === undefined ? {} : { label }) });
    spaces.set(textOf(row.run_id), list);
  }
  const counts = new Map<string, ReturnType<typeof emptyCounts>>();
  const grouped = await session.all(`SELECT run_id, outcome, COUNT(*) AS n FROM journal_writes WHERE run_id IN (${marks}) GROUP BY run_id, outcome`, ids);
  for (const row of grouped) {
    const entry = counts.get(textOf(row.run_id)) ?? emptyCounts();
    const outcome = z.enum(['pending', 'applied', 'refused', 'unknown']).parse(row.outcome);
    const n = numberOf(row.n);
    entry[outcome] += n;
    entry.total += n;
    counts.set(textOf(row.run_id), entry);
  }
  return rows.map((row) => runFromRow(row, spaces.get(textOf(row.id)) ?? [], counts.get(textOf(row.id)) ?? emptyCounts()));
}

function runFromRow(row: SqlRow, spaces: SpaceRef[], writeCounts: JournalRun['writeCounts']): JournalRun {
  const undoesRunId = optionalText(row.undoes_run_id);
  const batchId = optionalText(row.batch_id);
  const finishedAt = optionalNumber(row.finished_at);
  return {
    id: textOf(row.id),
    origin: {
      kind: z.enum(['wizard', 'page', 'undo', 'batch']).parse(row.origin_kind),
      name: textOf(row.origin_name),
      ...(undoesRunId === undefined ? {} : { undoesRunId }),
      ...(batchId === undefined ? {} : { batchId }),
    },
    title: textOf(row.title),
    spaces,
    cluster: textOf(row.cluster),
    cmsUser: textOf(row.cms_user),
    state: runStateSchema.parse(row.state),
    startedAt: iso(numberOf(row.started_at)),
    updatedAt: iso(numberOf(row.updated_at)),
    ...(finishedAt === undefined ? {} : { finishedAt: iso(finishedAt) }),
    writeCounts,
  };
}
