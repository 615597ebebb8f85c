import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { BatchRunState } from '../../domain/batch-fix/run-batch';
import { durationLabel } from './labels';

const ACTIVE = new Set(['profiles', 'running', 'pausing', 'cancelling']);

function Failures({ run, onRetry }: { run: BatchRunState; onRetry: (spaceId: string) => void }) {
  const failed = run.spaces.filter((s) => s.status === 'failed' || s.status === 'unknown' || (s.status === 'sending' && s.reason));
  if (failed.length === 0) return null;
  return (
    <Stack component="ul" spacing={1} sx={{ p: 0, m: 0, listStyle: 'none' }} aria-label="Failed spaces">
      {failed.map((s) => (
        <Alert
          key={s.spaceId}
          component="li"
          severity={s.status === 'unknown' ? 'warning' : 'error'}
          action={
            <Button size="small" disabled={s.status === 'sending'} onClick={() => onRetry(s.spaceId)}>
              Retry
            </Button>
          }
        >
          <strong>{s.name}</strong>: {s.status === 'unknown' ? 'whether it took effect is not known. ' : ''}
          {s.reason}
        </Alert>
      ))}
    </Stack>
  );
}

/** The batch as it is sent: count, rate, pause/resume/cancel, failures with CMS's reason and a retry each. */
export function FixProgress({
  batchId,
  run,
  onPause,
  onResume,
  onCancel,
  onRetry,
  onClose,
}: {
  batchId: string;
  run: BatchRunState;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
  onRetry: (spaceId: string) => void;
  onClose: () => void;
}) {
  const applied = run.spaces.filter((s) => s.status === 'applied').length;
  const cancelled = run.spaces.filter((s) => s.status === 'cancelled').length;
  const failed = run.spaces.filter((s) => s.status === 'failed' || s.status === 'unknown').length;
  const active = ACTIVE.has(run.phase);
  return (
    <Stack spacing={1.5} aria-label="Fix progress">
      <LinearProgress variant="determinate" value={run.total === 0 ? 100 : (100 * run.done) / run.total} aria-label="Spaces done" />
      <Typography role="status">
        {run.done} of {run.total} spaces done · {applied} applied{failed > 0 ? ` · ${failed} failed` : ''}
        {cancelled > 0 ? ` · ${cancelled} not sent` : ''} · {run.rate.toFixed(1)} spaces/s · {durationLabel(run.elapsedMs)}
        {run.phase === 'paused' ? ' · paused' : run.phase === 'pausing' ? ' · pausing (finishing what is in flight)' : ''}
      </Typography>
      {run.shared && run.shared.status !== 'applied' && (
        <Alert severity={run.shared.status === 'failed' || run.shared.status === 'unknown' ? 'error' : 'info'}>
          Shared profiles: {run.shared.status === 'sending' ? 'being created…' : run.shared.reason ?? run.shared.status}
          {run.phase === 'stopped' && ' No space was sent: without the profiles none can be fixed.'}
        </Alert>
      )}
      <Failures run={run} onRetry={onRetry} />
      {run.phase === 'cancelled' && (
        <Alert severity="info">
          Cancelled: {applied} space{applied === 1 ? '' : 's'} were fixed and stay so (each is its own run in History, undoable); {cancelled} were not sent.
        </Alert>
      )}
      {run.phase === 'done' && <Alert severity={failed > 0 ? 'warning' : 'success'}>Done: {applied} fixed{failed > 0 ? `, ${failed} failed (see above)` : ''}. Scan again to see their new verdicts.</Alert>}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {run.phase === 'paused' ? (
          <Button variant="contained" onClick={onResume}>
            Resume
          </Button>
        ) : (
          <Button onClick={onPause} disabled={run.phase !== 'running' && run.phase !== 'profiles'}>
            Pause
          </Button>
        )}
        <Button color="error" onClick={onCancel} disabled={!active && run.phase !== 'paused'}>
          Cancel
        </Button>
        <Button onClick={onClose} disabled={active}>
          Close
        </Button>
        <Link component={RouterLink} to={`/history?batch=${encodeURIComponent(batchId)}`}>
          This batch in History
        </Link>
      </Stack>
    </Stack>
  );
}
