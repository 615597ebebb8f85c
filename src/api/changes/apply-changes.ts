import { ChangeRun } from './change-run';
import { effectOf } from './effects';
import type { ChangeLedger, ChangeOptions, ChangePlan } from './types';

/** Sends the forward steps from `from` on, stopping at the first that does not take effect; records how the run ended. */
async function runSteps(run: ChangeRun, from: number): Promise<ChangeLedger> {
  const { steps } = run.snapshot().plan;
  for (let index = from; index < steps.length; index++) {
    const step = steps[index];
    if (!step) break;
    const attempt = await run.sendStep(step, 'forward');
    if ('stop' in attempt) {
      run.update({ stop: attempt.stop, next: index });
      return run.finish();
    }
    run.update({ next: index + 1 });
  }
  return run.finish();
}

/**
 * Starts a journaled run and sends its steps in order, each through the change engine: intent
 * recorded first, CMS's answer after, a lost answer settled by a read (and a write the read proved
 * not applied sent again). Stops at the first write that CMS refused or whose effect stays unknown;
 * nothing after it is sent. Never throws: the ledger says what happened.
 */
export async function applyChanges(plan: ChangePlan, options: ChangeOptions = {}): Promise<ChangeLedger> {
  const run = await ChangeRun.begin(plan, options);
  if (run.blocked) return run.snapshot();
  return runSteps(run, 0);
}

/**
 * Takes a stopped run up again: a write whose effect no read could settle is read again first
 * (took effect: the run goes on after it; did not: it is sent again), then the rest is sent.
 */
export async function continueChanges(ledger: ChangeLedger, options: ChangeOptions = {}): Promise<ChangeLedger> {
  const { stop, ...rest } = ledger;
  const run = await ChangeRun.resume(rest, options);
  if (run.blocked) return run.snapshot();
  let from = ledger.next;
  if (stop?.reason === 'unknown') {
    const again = await run.resettle(stop.write.seq);
    const effect = again ? effectOf(again) : 'unknown';
    if (effect === 'unknown') {
      run.update({ stop: { ...stop, write: again ?? stop.write } });
      return run.finish();
    }
    if (effect === 'applied') from += 1;
  }
  return runSteps(run, from);
}
