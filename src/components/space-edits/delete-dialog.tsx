import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { deletePlan, targetLabel, type EditTarget, type SpaceContents } from './edit-plans';
import { PlannedRequests, SavedNote, useApplyPlan } from '../apply-plan';

/** Delete an access method, a member or the space: review of every DELETE → apply as one journaled run, undoable from History. */
export function DeleteDialog({ target, spaceLabel, contents, onClose }: { target: EditTarget; spaceLabel: string; contents?: SpaceContents; onClose: (deleted: boolean) => void }) {
  const plan = deletePlan(target, spaceLabel, contents);
  const apply = useApplyPlan({ refetchNow: target.kind !== 'space' });
  const label = targetLabel(target);
  return (
    <Dialog open onClose={apply.isPending ? undefined : () => onClose(apply.isSuccess)} aria-labelledby="delete-title" fullWidth maxWidth="sm">
      <DialogTitle id="delete-title">Delete the {label}?</DialogTitle>
      <DialogContent>
        {apply.data ? (
          <SavedNote done={apply.data} what={`Deleted the ${label}.`} />
        ) : (
          <Stack spacing={1.5}>
            <PlannedRequests steps={plan.steps} />
            {target.kind === 'space' && plan.steps.length > 1 && (
              <Typography variant="body2" color="text.secondary">
                CMS would remove the members and access methods with the space; deleting each first keeps their settings in the journal, so undo brings them back.
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              Undo from History creates {target.kind === 'member' ? 'the member' : target.kind === 'space' ? 'the space' : 'it'} again with the same settings; CMS gives it a new id
              {target.kind === 'member' ? '' : ' and a new secret (guest links with the old secret stop working)'}.
            </Typography>
            {apply.isError && <Alert severity="error">{apply.error.message}</Alert>}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {apply.data ? (
          <Button onClick={() => onClose(true)}>Close</Button>
        ) : (
          <>
            <Button onClick={() => onClose(false)} disabled={apply.isPending}>
              Cancel
            </Button>
            <Button color="error" variant="contained" loading={apply.isPending} onClick={() => apply.mutate(plan)}>
              Delete
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
