import { applyChanges } from '../../api/changes/apply-changes';
import { effectOf } from '../../api/changes/effects';
import { rollbackChanges, type RollbackResult } from '../../api/changes/rollback';
import type { ChangeLedger, ChangeOptions } from '../../api/changes/types';
import type { PatternTemplateInput, TemplatePlan } from './pattern-template';

export interface TemplateApplied {
  ledger: ChangeLedger;
  /** the run stopped: what the rollback of the writes that took effect did, and whether reads proved CMS as before */
  rollback?: RollbackResult;
}

/**
 * The template's writes as one journaled run. When one is refused or its effect stays unknown, what
 * the run created is deleted again (newest first) and reads check CMS is as before.
 */
export async function applyTemplatePlan(input: PatternTemplateInput, plan: TemplatePlan, options: ChangeOptions = {}): Promise<TemplateApplied> {
  const ledger = await applyChanges({ origin: { kind: 'page', name: 'templates/from-pattern' }, title: `Template from the pattern “${input.pattern}”: ${input.name}`, steps: plan.steps }, options);
  const touched = ledger.writes.some((w) => w.phase === 'forward' && effectOf(w) !== 'not-applied');
  if (!ledger.stop || !touched) return { ledger };
  return { ledger, rollback: await rollbackChanges(ledger, options) };
}
