import type { Verification } from './engine/verify';
import type { RollbackReport } from '../api/changes/rollback';
import type { ApplyOutcome, CurrentState, FieldIssue, ProgressEvent } from '../domain/space-planning/types';
import type { WizardInput } from '../domain/space-planning/wizard-schema';

export type StatusOf = Record<string, ProgressEvent['status']>;

/** Entering Review: the form is parsed, CMS read and pre-flight checked before anything is planned. */
export type ReviewState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'blocked'; issues: FieldIssue[] }
  | { status: 'error'; message: string }
  | { status: 'ready'; input: WizardInput; cms: CurrentState };

export type RunState =
  | { phase: 'idle' }
  | { phase: 'applying'; progress: StatusOf }
  | { phase: 'failed'; progress: StatusOf; outcome: ApplyOutcome; failures: FieldIssue[] }
  | { phase: 'rolling-back'; progress: StatusOf; outcome: ApplyOutcome; failures: FieldIssue[]; undo: StatusOf }
  | { phase: 'rolled-back'; progress: StatusOf; outcome: ApplyOutcome; failures: FieldIssue[]; undo: StatusOf; result: RollbackReport }
  | { phase: 'verifying'; progress: StatusOf; outcome: ApplyOutcome }
  | { phase: 'verified'; progress: StatusOf; outcome: ApplyOutcome; verification: Verification }
  | { phase: 'verify-failed'; progress: StatusOf; outcome: ApplyOutcome; message: string };

export const isBusy = (run: RunState) => run.phase === 'applying' || run.phase === 'rolling-back' || run.phase === 'verifying';

/** Steps that took effect (CMS answered 2xx, or a read after a lost answer showed it). */
export const tookEffect = (status: StatusOf[string] | undefined) => status === 'applied' || status === 'took-effect';
