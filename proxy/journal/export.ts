import { maskJournalWrite, RUN_PAGE_MAX, type JournalRun, type JournalWrite, type RunFilter } from '../../src/api/wire/journal-contract';
import type { JournalStore } from './store';

export interface ExportedRun extends JournalRun {
  writes: JournalWrite[];
}

/** Every run matching the filter, newest first, with its writes, passcodes and secrets masked. */
export async function* maskedRuns(store: JournalStore, filter: RunFilter): AsyncGenerator<ExportedRun> {
  let cursor: string | undefined;
  do {
    const page = await store.listRuns(filter, { limit: RUN_PAGE_MAX, ...(cursor ? { cursor } : {}) });
    const writes = await store.runWrites(page.runs.map((r) => r.id));
    for (const run of page.runs) yield { ...run, writes: (writes.get(run.id) ?? []).map(maskJournalWrite) };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function exportJson(store: JournalStore, filter: RunFilter, exportedAt: Date): Promise<string> {
  const runs: ExportedRun[] = [];
  for await (const run of maskedRuns(store, filter)) runs.push(run);
  return `${JSON.stringify({ exportedAt: exportedAt.toISOString(), filter, masked: true, runs }, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'run_id', 'run_title', 'origin_kind', 'origin_name', 'undoes_run_id', 'cluster', 'cms_user', 'run_state', 'started_at', 'finished_at', 'spaces',
  'seq', 'phase', 'operation', 'method', 'path', 'form', 'object_kind', 'object_id', 'before', 'after',
  'outcome', 'status', 'failures', 'error', 'reconciliation', 'sent_at', 'answered_at',
] as const;

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const jsonOrEmpty = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

function writeCells(write: JournalWrite | undefined): string[] {
  if (!write) return Array.from({ length: 17 }, () => '');
  const reconciliation = write.reconciliation ? `${write.reconciliation.verdict} (GET ${write.reconciliation.read.path} → ${write.reconciliation.read.status})` : '';
  return [
    String(write.seq), write.phase, write.operation.kind, write.method, write.path, form(write.form), write.objectKind ?? '', write.objectId ?? '',
    jsonOrEmpty(write.before), jsonOrEmpty(write.after), write.outcome, write.status === undefined ? '' : String(write.status),
    write.failures.map((f) => (f.parameter ? `${f.code} (${f.parameter})` : f.code)).join('; '), write.error ?? '', reconciliation,
    write.sentAt, write.answeredAt ?? '',
  ];
}

/** One row per write (a run without writes gets one row), masked like the JSON export. */
export async function exportCsv(store: JournalStore, filter: RunFilter): Promise<string> {
  const lines = [CSV_COLUMNS.join(',')];
  for await (const run of maskedRuns(store, filter)) {
    const runCells = [
      run.id, run.title, run.origin.kind, run.origin.name, run.origin.undoesRunId ?? '', run.cluster, run.cmsUser, run.state, run.startedAt, run.finishedAt ?? '',
      run.spaces.map((s) => (s.label ? `${s.id} (${s.label})` : s.id)).join('; '),
    ];
    const writes = run.writes.length === 0 ? [undefined] : run.writes;
    for (const write of writes) lines.push([...runCells, ...writeCells(write)].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
