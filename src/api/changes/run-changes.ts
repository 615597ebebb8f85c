import { applyChanges } from './apply-changes';
import { ChangeStopped } from './change-run';
import { lostAnswers } from './describe';
import type { ChangeLedger, ChangeOptions, ChangePlan } from './types';

export interface ChangesDone {
  ledger: ChangeLedger;
  /** a sentence per write whose answer was lost, with the read that settled it: screens show them beside "Saved" */
  notes: string[];
}

/**
 * A screen's writes as one journaled run, for screens that save and show the result: resolves when
 * every write took effect (`notes` tell of answers that were lost and settled by a read); rejects
 * with CMS's own error when it refused a write or the write could not be sent (so a form can put it
 * on its field), and with `ChangeStopped` when a lost answer could not be settled or the journal
 * could not record.
 */
export async function runChanges(plan: ChangePlan, options: ChangeOptions = {}): Promise<ChangesDone> {
  const ledger = await applyChanges(plan, options);
  const stop = ledger.stop;
  if (!stop) return { ledger, notes: lostAnswers(ledger.writes).map((l) => l.sentence) };
  if (stop.reason === 'refused' && stop.write.error) throw stop.write.error;
  if (stop.reason === 'not-sent') throw stop.error;
  throw new ChangeStopped(stop, ledger);
}
