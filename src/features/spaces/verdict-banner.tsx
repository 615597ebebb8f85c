import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { Verdict, VerdictStatus } from '../../domain/space-evaluation/verdict';

const LOOK: Record<VerdictStatus, { severity: 'success' | 'warning' | 'error'; icon: typeof CheckCircleIcon }> = {
  pass: { severity: 'success', icon: CheckCircleIcon },
  warn: { severity: 'warning', icon: WarningIcon },
  fail: { severity: 'error', icon: ErrorIcon },
};

/** The one verdict on the space's guest/host set-up, worded the same on the Profiles and Troubleshoot tabs. */
export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  const { severity, icon: Icon } = LOOK[verdict.status];
  return (
    <Alert severity={severity} icon={<Icon />} data-testid="verdict" data-verdict={verdict.status} aria-label={`Verdict: ${verdict.word}`}>
      <AlertTitle>Verdict: {verdict.word}</AlertTitle>
      {verdict.sentence}
    </Alert>
  );
}
