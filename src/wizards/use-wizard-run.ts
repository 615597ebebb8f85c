import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyPlan, rollback } from './engine/apply';
import { failureIssues } from './engine/failures';
import type { ApplyOutcome, ProgressEvent, WizardPlan } from './engine/types';
import { verifyWizard } from './engine/verify';
import { isBusy, type RunState, type StatusOf } from './run-state';
import type { WizardForm } from './use-wizard-form';
import type { WizardInput } from './wizard-schema';

export interface WizardRun {
  run: RunState;
  busy: boolean;
  /** a run that stopped half-way stays on Review until it is rolled back: a new plan on top of it would mix both */
  locked: boolean;
  apply: (plan: WizardPlan, input: WizardInput, domain: string) => void;
  rollback: () => void;
  reset: () => void;
}

interface ApplyVariables {
  plan: WizardPlan;
  input: WizardInput;
  domain: string;
}

const doneOf = (outcome: ApplyOutcome): StatusOf => Object.fromEntries(outcome.done.map((d) => [d.request.key, 'done' as const]));

/** Apply, roll back and verify as mutations, each moving the run through the `RunState` phases. */
export function useWizardRun(form: WizardForm): WizardRun {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cms'] });
  const progressTo = (event: ProgressEvent) =>
    setRun((r) => (r.phase === 'applying' ? { ...r, progress: { ...r.progress, [event.key]: event.status } } : r));
  const undoTo = (event: ProgressEvent) => setRun((r) => (r.phase === 'rolling-back' ? { ...r, undo: { ...r.undo, [event.key]: event.status } } : r));

  const verify = useMutation({
    mutationFn: ({ plan, input, domain, outcome }: ApplyVariables & { outcome: ApplyOutcome }) =>
      verifyWizard(input, { ...plan.ids, ...outcome.refs }, undefined, { domain }),
    onMutate: ({ outcome }) => setRun({ phase: 'verifying', progress: doneOf(outcome), outcome }),
    onSuccess: (verification, { outcome }) => setRun({ phase: 'verified', progress: doneOf(outcome), outcome, verification }),
    onError: (error, { outcome }) => setRun({ phase: 'verify-failed', progress: doneOf(outcome), outcome, message: error.message }),
  });

  const apply = useMutation({
    mutationFn: ({ plan }: ApplyVariables) => applyPlan(plan, { onProgress: progressTo }),
    onMutate: () => setRun({ phase: 'applying', progress: {} }),
    onSuccess: async (outcome, variables) => {
      await refresh();
      if (outcome.ok || !outcome.failed) {
        verify.mutate({ ...variables, outcome });
        return;
      }
      const { request, error } = outcome.failed;
      const failures = failureIssues(variables.input, request, error).map((f) => ({ ...f, message: `CMS refused this: ${f.message}` }));
      for (const f of failures) if (f.field) form.setError(f.field, { type: 'cms', message: f.message });
      setRun({ phase: 'failed', progress: { ...doneOf(outcome), [request.key]: 'failed' }, outcome, failures });
    },
  });

  const undo = useMutation({
    mutationFn: (outcome: ApplyOutcome) => rollback(outcome, { onProgress: undoTo }),
    onSuccess: async (result) => {
      await refresh();
      const undone: StatusOf = Object.fromEntries(result.undone.map((key) => [key, 'done' as const]));
      setRun((r) => (r.phase === 'rolling-back' ? { ...r, phase: 'rolled-back', undo: undone, result } : r));
    },
  });

  const busy = isBusy(run);
  return {
    run,
    busy,
    locked: busy || (run.phase === 'failed' && run.outcome.done.length > 0),
    apply: (plan, input, domain) => {
      if (!busy) apply.mutate({ plan, input, domain });
    },
    rollback: () => {
      if (run.phase !== 'failed') return;
      setRun({ ...run, phase: 'rolling-back', undo: {} });
      undo.mutate(run.outcome);
    },
    reset: () => setRun({ phase: 'idle' }),
  };
}
