import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import type { ChangeSession } from '../../api/changes/change-session';
import { callQueries } from '../../api/resources/calls';
import { spaceQueries } from '../../api/resources/spaces';
import type { Step } from './meeting-ops';
import { StepList, useStepRunner } from './step-list';

interface Props {
  title: string;
  intro?: ReactNode;
  steps: Step[];
  /** the journaled run the steps' writes go through; finished when the steps are */
  session: ChangeSession;
  confirmLabel: string;
  danger?: boolean;
  onSuccess?: () => void;
  onClose: () => void;
}

/** Review the requests, run them in order, watch each one finish: the pattern of every meeting operation. */
export function OperationDialog({ title, intro, steps, session, confirmLabel, danger, onSuccess, onClose }: Props) {
  const queryClient = useQueryClient();
  const runner = useStepRunner();
  const [outcome, setOutcome] = useState<'ok' | 'failed' | null>(null);
  const titleId = useId();

  const confirm = async () => {
    const ok = await runner.run(steps);
    await session.finish();
    setOutcome(ok ? 'ok' : 'failed');
    if (ok) onSuccess?.();
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: spaceQueries.all() }),
      queryClient.invalidateQueries({ queryKey: callQueries.all() }),
    ]);
  };

  return (
    <Dialog open onClose={runner.running ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {intro && <Typography sx={{ mb: 1 }}>{intro}</Typography>}
        <StepList label={`Steps of: ${title}`} steps={runner.progress ?? steps} />
        {outcome === 'ok' && <Alert severity="success">Done: every step succeeded.</Alert>}
        {outcome === 'failed' && (
          <Alert severity="error">Stopped at the failed step; the steps before it stay done. Fix the cause, then try again.</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={runner.running}>
          {outcome ? 'Close' : 'Cancel'}
        </Button>
        {outcome === null && (
          <Button variant="contained" color={danger ? 'error' : 'primary'} loading={runner.running} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
