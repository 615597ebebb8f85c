import { useEffect, useRef } from 'react';
import type { WizardPlan } from '../domain/space-planning/types';
import type { RunState } from './run-state';
import type { WizardForm } from './use-wizard-form';

/**
 * After a run has applied, the form names what it created or changed: the wizard goes on with that
 * space (now an existing one) and that host access method, so a corrected rerun changes them in
 * place instead of creating a second space or access method.
 */
export function useRunMemory(form: WizardForm, run: RunState, plan: WizardPlan | undefined): void {
  const remembered = useRef<unknown>(undefined);
  useEffect(() => {
    if (!('outcome' in run) || !run.outcome.ok || remembered.current === run.outcome) return;
    remembered.current = run.outcome;
    const ids: Record<string, string> = { ...plan?.ids, ...run.outcome.refs };
    if (ids.space && form.getValues('space.mode') === 'create') {
      form.setValue('space.mode', 'existing');
      form.setValue('space.id', ids.space);
    }
    if (ids.accessMethod) form.setValue('access.id', ids.accessMethod);
  }, [form, run, plan]);
}
