import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FixPatternForm } from './fix-pattern-form';
import { FixProgress } from './fix-progress';
import { FixReview } from './fix-review';
import { useBatchFix } from './use-batch-fix';

/** "Fix selected": a pattern and its rules → a plan read from CMS (nothing sent) → review → apply as one batch. */
export function FixDialog({ spaceIds, onClose }: { spaceIds: readonly string[]; onClose: () => void }) {
  const fix = useBatchFix(spaceIds);
  const { state } = fix;
  const busy = state.phase === 'applying' && !['done', 'cancelled', 'stopped', 'paused'].includes(state.run.phase);
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="fix-title" fullWidth maxWidth="lg">
      <DialogTitle id="fix-title">Fix {spaceIds.length} space{spaceIds.length === 1 ? '' : 's'} with one pattern</DialogTitle>
      <DialogContent>
        {state.phase === 'form' && <FixPatternForm spaces={spaceIds.length} onPlan={(pattern) => void fix.plan(pattern)} onCancel={onClose} />}
        {state.phase === 'planning' && (
          <Stack spacing={1}>
            <LinearProgress variant="determinate" value={state.total === 0 ? 100 : (100 * state.done) / state.total} aria-label="Spaces planned" />
            <Typography role="status">
              Reading CMS and planning: {state.done} of {state.total} spaces. Nothing is sent.
            </Typography>
            <Button onClick={fix.cancelPlanning} sx={{ alignSelf: 'flex-start' }}>
              Stop
            </Button>
          </Stack>
        )}
        {state.phase === 'review' && <FixReview plan={state.plan} onBack={fix.back} onApply={() => fix.apply(state.plan)} />}
        {state.phase === 'applying' && (
          <FixProgress batchId={state.plan.batchId} run={state.run} onPause={fix.pause} onResume={fix.resume} onCancel={fix.cancel} onRetry={fix.retry} onClose={onClose} />
        )}
        {state.phase === 'error' && (
          <Stack spacing={1}>
            <Alert severity="error">The batch could not be planned: {state.message}</Alert>
            <Button onClick={fix.back} sx={{ alignSelf: 'flex-start' }}>
              Back
            </Button>
          </Stack>
        )}
      </DialogContent>
    </Dialog>
  );
}
