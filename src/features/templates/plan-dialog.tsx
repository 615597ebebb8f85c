import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ChangePlan } from '../../api/changes/types';
import { SavedNote, useApplyPlan } from '../../components/apply-plan';

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
            <Typography>These requests are sent in this order, each recorded in the change journal:</Typography>
            <Stack component="ol" spacing={0.5} sx={{ m: 0 }} aria-label="Requests">
              {plan.steps.map((step) => (
                <Typography component="li" key={step.key} variant="body2">
                  {step.title}
                </Typography>
              ))}
            </Stack>
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
