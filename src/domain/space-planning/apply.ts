import { applyChanges, continueChanges } from '../../api/changes/apply-changes';
import { createdIdOf, effectOf } from '../../api/changes/effects';
import { rollbackChanges, type RollbackReport } from '../../api/changes/rollback';
import type { ChangeLedger, ChangeOptions, ChangePlan, ChangeStep } from '../../api/changes/types';
import { withIds } from '../../api/resources/operation-facts';
import { requestOf } from './planned-request';
import type { ApplyOutcome, ProgressEvent, WizardPlan } from './types';
export type { ApplyOutcome, ProgressEvent } from './types';

/** What the journal records about the run besides its writes. */
export type RunInfo = Pick<ChangePlan, 'origin' | 'title' | 'spaces'>;

export interface ApplyOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** tests: no pause before a write that reads proved not applied is sent again */
  resendDelayMs?: number;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Fills `{ref}`s in a path or value from the ids earlier requests created; answers the name of a ref not known yet. */
export function fillRefs(text: string, refs: Readonly<Record<string, string>>): { text: string; unknown?: string } {
  let unknown: string | undefined;
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const id = refs[name];
    if (id === undefined) {
      unknown ??= name;
      return whole;
    }
    return id;
  });
  return unknown === undefined ? { text: filled } : { text: filled, unknown };
}

function engineOptions(options: ApplyOptions, phase: 'forward' | 'rollback'): ChangeOptions {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.resendDelayMs === undefined ? {} : { resendDelayMs: options.resendDelayMs }),
    onProgress: (event) => {
      if (event.phase === phase) options.onProgress?.({ key: event.key, status: event.status });
    },
  };
}

/** The wizard's view of a run: the steps that took effect, and the one it stopped at. */
export function outcomeOf(ledger: ChangeLedger): ApplyOutcome {
  const steps = ledger.plan.steps;
  const done: ApplyOutcome['done'] = [];
  for (const write of ledger.writes) {
    if (write.phase !== 'forward' || effectOf(write) !== 'applied') continue;
    const step = steps.find((s) => s.key === write.key);
    if (!step) continue;
    const id = createdIdOf(write);
    done.push({ request: requestOf({ ...step, operation: write.operation }), operation: write.operation, ...(id === undefined ? {} : { id }) });
  }
  const outcome: ApplyOutcome = { ok: ledger.stop === undefined && ledger.next >= steps.length, refs: ledger.refs, done, ledger };
  const stop = ledger.stop;
  const at = stop && 'key' in stop ? steps.find((s) => s.key === stop.key) : undefined;
  if (stop && at) {
    const operation = withIds(at.operation, ledger.refs);
    const error = stop.reason === 'not-sent' ? stop.error : stop.reason === 'refused' ? stop.write.error : undefined;
    outcome.failed = { request: requestOf({ ...at, operation }), operation, stop, ...(error ? { error } : {}) };
  }
  return outcome;
}

/**
 * Sends the plan's operations in order through the change engine (journaled; a lost answer settled
 * by a read), filling refs from the `Location` of earlier POSTs; stops at the first write that did
 * not take effect (nothing after it is sent).
 */
export async function applyPlan(plan: Pick<WizardPlan, 'steps' | 'ids'>, run: RunInfo, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const steps: ChangeStep[] = plan.steps.map(({ key, title, operation, creates }) => ({ key, title, operation, ...(creates ? { creates } : {}) }));
  return outcomeOf(await applyChanges({ ...run, steps, ids: plan.ids }, engineOptions(options, 'forward')));
}

/** Takes a stopped run up again: a write no read could settle is read again first, then the rest is sent. */
export async function continuePlan(outcome: ApplyOutcome, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  return outcomeOf(await continueChanges(outcome.ledger, engineOptions(options, 'forward')));
}

/**
 * Undoes what the run did that took effect (restores first, then deletes of what it created, never
 * what something still points at), then reads every object it touched: `report.verified` only when
 * the reads proved CMS is as before. Call it again with the answered outcome to retry.
 */
export async function rollback(outcome: ApplyOutcome, options: ApplyOptions = {}): Promise<{ outcome: ApplyOutcome; report: RollbackReport }> {
  const { ledger, report } = await rollbackChanges(outcome.ledger, engineOptions(options, 'rollback'));
  return { outcome: { ...outcomeOf(ledger), failed: outcome.failed }, report };
}
