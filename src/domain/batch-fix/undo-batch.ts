import { applyChanges } from '../../api/changes/apply-changes';
import { loadUndoPlan, undoChangePlan, type UndoPlan, type UndoStatus } from '../../api/changes/undo-plan';
import type { ChangeLedger } from '../../api/changes/types';
import type { JournalRun } from '../../api/wire/journal-contract';
import { mapLimited } from '../../lib/limit';
import { stopReason } from './run-batch';

/** The runs a batch made, as the journal lists them. */
export type BatchRunRecord = Pick<JournalRun, 'id' | 'title' | 'spaces' | 'origin'>;

export interface BatchUndoPlan {
  batchId: string;
  /** the spaces' runs first, then the shared profiles' run (its profiles go once nothing refers to them) */
  runs: UndoPlan[];
  /** undo items by status, over every run */
  counts: Record<UndoStatus, number>;
  /** writes the undo sends (ready items) */
  writes: number;
}

export interface BatchUndoOutcome {
  runId: string;
  title: string;
  status: 'undone' | 'nothing-to-do' | 'failed' | 'unknown';
  reason?: string;
  ledger?: ChangeLedger;
}

const isShared = (run: Pick<BatchRunRecord, 'spaces'>) => run.spaces.length === 0;

/**
 * Plans the undo of every run of a batch, reading CMS for each as the single-run undo does
 * (conflicts with changes made since, writes done already). Reads only; nothing is sent.
 */
export async function planBatchUndo(
  batchId: string,
  runs: readonly BatchRunRecord[],
  options: { concurrency: number; load?: (runId: string) => Promise<UndoPlan>; signal?: AbortSignal },
): Promise<BatchUndoPlan> {
  const load = options.load ?? ((id: string) => loadUndoPlan(id, options.signal));
  const own = runs.filter((r) => r.origin.kind === 'batch' && r.origin.batchId === batchId);
  const ordered = [...own.filter((r) => !isShared(r)), ...own.filter(isShared)];
  const plans = await mapLimited(ordered, options.concurrency, (run) => load(run.id));
  const counts: Record<UndoStatus, number> = { ready: 0, conflict: 0, 'done-already': 0, 'cannot-undo': 0 };
  for (const plan of plans) for (const item of plan.items) counts[item.status]++;
  return { batchId, runs: plans, counts, writes: counts.ready };
}

/**
 * Sends the undo of each run as an undo run of its own (journaled, origin undo with the batch's id),
 * the spaces' runs `concurrency` at once, then the shared profiles'. A failed undo is listed with
 * CMS's reason; the others go on. Conflicts are left alone (skipped), as the single-run undo does by default.
 */
export async function applyBatchUndo(
  plan: BatchUndoPlan,
  options: { concurrency: number; onOutcome?: (outcome: BatchUndoOutcome) => void },
): Promise<BatchUndoOutcome[]> {
  const undoOne = async (run: UndoPlan): Promise<BatchUndoOutcome> => {
    const change = undoChangePlan(run);
    let outcome: BatchUndoOutcome;
    if (change.steps.length === 0) outcome = { runId: run.run.id, title: run.run.title, status: 'nothing-to-do' };
    else {
      const ledger = await applyChanges({ ...change, origin: { ...change.origin, batchId: plan.batchId } });
      const ok = !ledger.stop && ledger.next >= change.steps.length;
      const reason = stopReason(ledger);
      outcome = {
        runId: run.run.id,
        title: run.run.title,
        status: ok ? 'undone' : ledger.stop?.reason === 'unknown' ? 'unknown' : 'failed',
        ...(reason ? { reason } : {}),
        ledger,
      };
    }
    options.onOutcome?.(outcome);
    return outcome;
  };
  const spaces = plan.runs.filter((r) => !isShared(r.run));
  const shared = plan.runs.filter((r) => isShared(r.run));
  const first = await mapLimited(spaces, options.concurrency, undoOne);
  // The shared profiles go only when every space's undo went through: a space still pointing at one keeps it.
  if (first.some((o) => o.status === 'failed' || o.status === 'unknown')) return first;
  return [...first, ...(await mapLimited(shared, 1, undoOne))];
}
