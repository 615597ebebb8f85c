import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { runChanges, type ChangesDone } from '../api/changes/run-changes';
import type { ChangePlan } from '../api/changes/types';
import { historyRunLink } from '../lib/wizard-links';

/**
 * Runs a change plan as one journaled run and marks every CMS view stale. `refetchNow: false` leaves the open
 * views as they are until they mount again: a deleted space's page would otherwise turn into "does
 * not exist" under the dialog that says it was deleted.
 */
export function useApplyPlan({ refetchNow = true } = {}) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (plan: ChangePlan) => runChanges(plan), onSuccess: () => queryClient.invalidateQueries(refetchNow ? {} : { refetchType: 'none' }) });
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

/** A plan's writes as the confirmation lists them, in the order they are sent. */
export function PlannedRequests({ steps }: { steps: ChangePlan['steps'] }) {
  return (
    <>
      <Typography>These requests are sent in this order, each recorded in the change journal:</Typography>
      <Stack component="ol" spacing={0.5} sx={{ m: 0 }} aria-label="Requests">
        {steps.map((step) => (
          <Typography component="li" key={step.key} variant="body2">
            {step.title}
          </Typography>
        ))}
      </Stack>
    </>
  );
}
