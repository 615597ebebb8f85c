import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import type { ChangePlan } from '../../api/changes/types';
import { PlannedRequests, SavedNote, useApplyPlan } from '../../components/apply-plan';

/** A review of a plan's writes (deletes, assignments) → apply as one journaled run, undoable from History. */
export function PlanDialog({ plan, done, note, onClose }: { plan: ChangePlan; done: string; note?: ReactNode; onClose: () => void }) {
  const apply = useApplyPlan();
  return (
    <Dialog open onClose={apply.isPending ? undefined : onClose} aria-labelledby="plan-title" fullWidth maxWidth="sm">
      <DialogTitle id="plan-title">{plan.title}?</DialogTitle>
      <DialogContent>
        {apply.data ? (
          <SavedNote done={apply.data} what={done} />
        ) : (
          <Stack spacing={1.5}>
            <PlannedRequests steps={plan.steps} />
            {note}
            {apply.isError && <Alert severity="error">{apply.error.message}</Alert>}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {apply.data ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={apply.isPending}>
              Cancel
            </Button>
            <Button variant="contained" loading={apply.isPending} onClick={() => apply.mutate(plan)}>
              Apply
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
