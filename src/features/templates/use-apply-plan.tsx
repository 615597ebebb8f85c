import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { runChanges, type ChangesDone } from '../../api/changes/run-changes';
import type { ChangePlan } from '../../api/changes/types';
import { historyRunLink } from '../../lib/wizard-links';

/** Runs a change plan as one journaled run and marks every CMS view stale. */
export function useApplyPlan() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (plan: ChangePlan) => runChanges(plan), onSuccess: () => queryClient.invalidateQueries() });
}

/** After an apply: what was saved, the lost answers a read settled, and where to undo it. */
export function SavedNote({ done, what }: { done: ChangesDone; what: string }) {
  const { runId } = done.ledger;
  return (
    <Alert severity="success">
      {what} {done.notes.join(' ')}{' '}
      {runId && (
        <Link component={RouterLink} to={historyRunLink(runId)}>
          Open it in History (undo it from there)
        </Link>
      )}
    </Alert>
  );
}
