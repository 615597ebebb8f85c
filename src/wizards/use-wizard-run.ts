import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { statusOf } from '../api/changes/change-run';
import { effectOf } from '../api/changes/effects';
import { applyPlan, continuePlan, rollback, type RunInfo } from '../domain/space-planning/apply';
import { failureIssues } from '../domain/space-planning/failures';
import type { ApplyOutcome, FieldIssue, ProgressEvent, WizardPlan } from '../domain/space-planning/types';
import { verifyWizard } from './engine/verify';
import { isBusy, type RunState, type StatusOf } from './run-state';
import { SCENARIO_GUIDES } from './scenario-guide';
import type { WizardForm } from './use-wizard-form';
import type { WizardInput } from '../domain/space-planning/wizard-schema';

export interface WizardRun {
  run: RunState;
  busy: boolean;
  /** a run that stopped half-way stays on Review until it is rolled back: a new plan on top of it would mix both */
  locked: boolean;
  apply: (plan: WizardPlan, input: WizardInput, domain: string) => void;
  /** a run stopped on a write whose answer was lost: read CMS again (and send it again only if it did not take effect), then the rest */
  resume: () => void;
  /** undoes what took effect; again after a roll back that reads did not prove complete */
  rollback: () => void;
  reset: () => void;
}

interface ApplyVariables {
  plan: WizardPlan;
  input: WizardInput;
  domain: string;
}

/** How each step's last forward write ended. */
const progressOf = (outcome: ApplyOutcome): StatusOf =>
  Object.fromEntries(outcome.ledger.writes.filter((w) => w.phase === 'forward').map((w) => [w.key, statusOf(w)]));

/** What the journal records about a wizard run: which wizard, on which space. */
function runInfo(input: WizardInput): RunInfo {
  const guide = SCENARIO_GUIDES.find((g) => g.id === input.scenario);
  const space = input.space.name || input.space.uri || 'a new space';
  return {
    origin: { kind: 'wizard', name: input.scenario },
    title: `${guide?.title ?? input.scenario}: ${space}`,
    spaces: input.space.mode === 'existing' ? [{ id: input.space.id, label: input.space.uri || input.space.name }] : [],
  };
}

/** The failures of the write the run stopped at, on their form fields where CMS named one. */
function failuresOf(input: WizardInput, outcome: ApplyOutcome): FieldIssue[] {
  const failed = outcome.failed;
  if (!failed?.error) return [];
  return failureIssues(input, failed.request, failed.error).map((f) => ({ ...f, message: `CMS refused this: ${f.message}` }));
}

/** Apply, continue, roll back and verify as mutations, each moving the run through the `RunState` phases. */
export function useWizardRun(form: WizardForm): WizardRun {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [last, setLast] = useState<ApplyVariables | undefined>(undefined);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cms'] });
  const progressTo = (event: ProgressEvent) =>
    setRun((r) => (r.phase === 'applying' ? { ...r, progress: { ...r.progress, [event.key]: event.status } } : r));
  const undoTo = (event: ProgressEvent) => setRun((r) => (r.phase === 'rolling-back' ? { ...r, undo: { ...r.undo, [event.key]: event.status } } : r));

  const verify = useMutation({
    mutationFn: ({ plan, input, domain, outcome }: ApplyVariables & { outcome: ApplyOutcome }) =>
      verifyWizard(input, { ...plan.ids, ...outcome.refs }, undefined, { domain }),
    onMutate: ({ outcome }) => setRun({ phase: 'verifying', progress: progressOf(outcome), outcome }),
    onSuccess: (verification, { outcome }) => setRun({ phase: 'verified', progress: progressOf(outcome), outcome, verification }),
    onError: (error, { outcome }) => setRun({ phase: 'verify-failed', progress: progressOf(outcome), outcome, message: error.message }),
  });

  const finished = async (outcome: ApplyOutcome, variables: ApplyVariables) => {
    await refresh();
    if (outcome.ok) {
      verify.mutate({ ...variables, outcome });
      return;
    }
    const failures = failuresOf(variables.input, outcome);
    for (const f of failures) if (f.field) form.setError(f.field, { type: 'cms', message: f.message });
    setRun({ phase: 'failed', progress: progressOf(outcome), outcome, failures });
  };

  const apply = useMutation({
    mutationFn: ({ plan, input }: ApplyVariables) => applyPlan(plan, runInfo(input), { onProgress: progressTo }),
    onMutate: () => setRun({ phase: 'applying', progress: {} }),
    onSuccess: finished,
  });

  const resume = useMutation({
    mutationFn: ({ outcome }: { outcome: ApplyOutcome; variables: ApplyVariables }) => continuePlan(outcome, { onProgress: progressTo }),
    onMutate: ({ outcome }) => setRun({ phase: 'applying', progress: progressOf(outcome) }),
    onSuccess: (outcome, { variables }) => finished(outcome, variables),
  });

  const undo = useMutation({
    mutationFn: (outcome: ApplyOutcome) => rollback(outcome, { onProgress: undoTo }),
    onSuccess: async ({ outcome, report }) => {
      await refresh();
      setRun((r) => (r.phase === 'rolling-back' ? { ...r, phase: 'rolled-back', outcome, result: report } : r));
    },
  });

  const busy = isBusy(run);
  // A write that took effect, or may have: CMS differs from the plan's starting point until it is rolled back.
  const stopped = run.phase === 'failed' && run.outcome.ledger.writes.some((w) => w.phase === 'forward' && effectOf(w) !== 'not-applied');
  const incomplete = run.phase === 'rolled-back' && !run.result.verified;
  return {
    run,
    busy,
    locked: busy || stopped || incomplete,
    apply: (plan, input, domain) => {
      if (busy) return;
      setLast({ plan, input, domain });
      apply.mutate({ plan, input, domain });
    },
    resume: () => {
      if (run.phase !== 'failed' || !last) return;
      resume.mutate({ outcome: run.outcome, variables: last });
    },
    rollback: () => {
      if (run.phase !== 'failed' && !(run.phase === 'rolled-back' && incomplete)) return;
      const { progress, outcome, failures } = run;
      setRun({ phase: 'rolling-back', progress, outcome, failures, undo: {} });
      undo.mutate(outcome);
    },
    reset: () => setRun({ phase: 'idle' }),
  };
}
