import { inverseOf, irreversibleFields, targetOf, wireForm } from '../resources/operation-facts';
import { isNotFound } from '../transport/errors';
import { ChangeRun, stopSentence } from './change-run';
import { effectOf, fieldValues } from './effects';
import { objectLabel, sentence } from './labels';
import { createdPaths, parentAmong, refersTo, stillToUndo, type Undoable } from './rollback-plan';
import type { ChangeLedger, ChangeOptions, RunStop } from './types';
import { verifyRollback, type Difference } from './verify-rollback';

export type { Difference } from './verify-rollback';

/** What became of one forward write that had taken effect. */
export interface RollbackItem {
  key: string;
  title: string;
  /** the forward write's seq */
  seq: number;
  result: 'deleted' | 'restored' | 'covered' | 'kept' | 'failed' | 'cannot-undo';
  sentence: string;
}

export interface RollbackReport {
  /** reads proved that every object the run touched holds what it held before the run */
  verified: boolean;
  items: RollbackItem[];
  /** what the reads found different from before */
  differences: Difference[];
  /** what could not be read, settled or recorded, in words */
  problems: string[];
}

export interface RollbackResult {
  ledger: ChangeLedger;
  report: RollbackReport;
}

function failedSentence(stop: RunStop): string {
  return stop.reason === 'refused' && stop.write.error ? `CMS refused it: ${stop.write.error.message}` : stopSentence(stop);
}

/** Runs the rollback writes: restores first (newest first), then deletes of what the run created, each only once nothing points at it any more. */
async function undoAll(run: ChangeRun, todo: readonly Undoable[]): Promise<RollbackItem[]> {
  const items = new Map<number, RollbackItem>();
  const item = (u: Undoable, result: RollbackItem['result'], sentence: string) =>
    items.set(u.write.seq, { key: u.write.key, title: u.write.title, seq: u.write.seq, result, sentence });
  const created = createdPaths(run.snapshot());
  const whatOf = (u: Undoable) => objectLabel(targetOf(u.write.operation).kind, u.created ? u.created.path : u.write.path);
  const parentOf = (u: Undoable) => {
    const parent = parentAmong(u.created?.path ?? u.write.path, created);
    return parent === undefined ? undefined : todo.find((other) => other.created?.path.toLowerCase() === parent);
  };
  // Whether the object a write made or changed still holds what the write sent.
  const holds = (u: Undoable): boolean => {
    const result = items.get(u.write.seq)?.result;
    if (result === 'covered') {
      const parent = parentOf(u);
      return parent === undefined || holds(parent);
    }
    return result !== 'deleted' && result !== 'restored';
  };
  const undo = async (u: Undoable) => {
    const what = whatOf(u);
    const operation = inverseOf(u.write.operation, u.created?.id);
    if (!operation) return item(u, 'cannot-undo', `${sentence(what)}: CMS cannot bring back an object it deleted with its id.`);
    const before = u.created ? fieldValues(wireForm(u.write.operation)) : undefined;
    const attempt = await run.sendStep({ key: u.write.key, title: `Undo: ${u.write.title}`, operation }, 'rollback', { undoes: u.write.seq, ...(before ? { before } : {}) });
    const path = u.created?.path ?? u.write.path;
    if ('write' in attempt) {
      return u.created
        ? item(u, 'deleted', `Deleted ${path}, which “${u.write.title}” had created.`)
        : item(u, 'restored', `Put back the previous ${Object.keys(wireForm(operation)).join(', ')} of ${path} (changed by “${u.write.title}”).`);
    }
    // A DELETE CMS answers with "does not exist": the object is gone, as the rollback wants.
    if (u.created && attempt.stop.reason === 'refused' && isNotFound(attempt.stop.write.error)) return item(u, 'deleted', `${sentence(what)}, which “${u.write.title}” created, was gone already.`);
    return item(u, 'failed', `Could not undo “${u.write.title}” (${what}): ${failedSentence(attempt.stop)}`);
  };

  const newestFirst = [...todo].reverse();
  for (const u of newestFirst) if (parentOf(u)) item(u, 'covered', `${sentence(whatOf(u))} goes with the object this run created that holds it.`);
  for (const u of newestFirst.filter((x) => !x.created && !items.has(x.write.seq))) await undo(u);
  // Delete what the run created once nothing still points at it; what something still points at is kept.
  let pending = newestFirst.filter((x) => x.created && !items.has(x.write.seq));
  const holderOf = (u: Undoable) => todo.find((other) => other !== u && refersTo(other.write, u.created?.id ?? '') && holds(other));
  for (let progressed = true; progressed; ) {
    progressed = false;
    for (const u of pending) {
      if (holderOf(u)) continue;
      await undo(u);
      pending = pending.filter((x) => x !== u);
      progressed = true;
    }
  }
  for (const u of pending) {
    const holder = holderOf(u);
    const by = holder ? objectLabel(targetOf(holder.write.operation).kind, holder.created?.path ?? holder.write.path) : 'another object';
    item(u, 'kept', `Kept ${whatOf(u)}, which “${u.write.title}” created: ${by} still points at it, because undoing “${holder?.write.title ?? ''}” did not succeed.`);
  }
  return todo.map((u) => items.get(u.write.seq)).filter((x): x is RollbackItem => x !== undefined);
}

/**
 * Undoes what a run did that took effect, and proves it by reading: restores references first, then
 * deletes what the run created (never what something still points at), each write journaled in the
 * rollback phase; then reads every object the run touched and compares it with its recorded
 * before-state. `report.verified` is true only when those reads proved CMS is as before. Call it
 * again with the answered ledger to retry what is left.
 */
export async function rollbackChanges(ledger: ChangeLedger, options: ChangeOptions = {}): Promise<RollbackResult> {
  const { stop: _stop, ...rest } = ledger;
  void _stop;
  const run = await ChangeRun.resume(rest, options);
  const blocked = run.blocked;
  if (blocked) return { ledger: run.snapshot(), report: { verified: false, items: [], differences: [], problems: [blocked.message] } };
  // A write whose effect is still unknown is read again first: the rollback must know what to undo.
  for (const write of ledger.writes) if (write.phase === 'forward' && effectOf(write) === 'unknown') await run.resettle(write.seq);
  const items = await undoAll(run, stillToUndo(run.snapshot()));
  const after = run.snapshot();
  const verification = await verifyRollback(after);
  const irreversible = after.writes.filter((w) => w.phase === 'forward' && effectOf(w) === 'applied' && irreversibleFields(w.operation).length > 0);
  const differences = [
    ...verification.differences,
    ...irreversible.map((w) => ({
      key: w.key,
      title: w.title,
      path: w.path,
      sentence: `${sentence(objectLabel(targetOf(w.operation).kind, w.path))}: ${irreversibleFields(w.operation).join(', ')} cannot be taken back (CMS made a new one).`,
    })),
  ];
  const problems = [...verification.problems, ...(run.snapshot().journalProblems.length > ledger.journalProblems.length ? run.snapshot().journalProblems.slice(ledger.journalProblems.length) : [])];
  const verified = differences.length === 0 && verification.problems.length === 0;
  const finished = await run.finish(verified ? 'rolled-back' : 'rollback-incomplete');
  return { ledger: finished, report: { verified, items, differences, problems } };
}
