import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { Scan } from '../../api/wire/scan-contract';
import { formatCount } from '../../domain/profile-resolution/words';
import { countsLabel, durationLabel, formatTime } from './labels';
import { etaLabel, ratePerSecond, secondsLeft } from './progress-figures';
import type { ClusterScan } from './scan-session';

function Bar({ cluster, done, total }: { cluster: string; done: number; total: number | null }) {
  const value = total ? Math.min(100, (done / total) * 100) : undefined;
  return (
    <LinearProgress
      aria-label={`Scan progress of ${cluster}`}
      variant={value === undefined ? 'indeterminate' : 'determinate'}
      {...(value === undefined ? {} : { value })}
      sx={{ height: 8, borderRadius: 1, my: 0.5 }}
    />
  );
}

/** What this tab's scan of one cluster is doing: count, rate, time left, requests. */
export function SessionScanProgress({ item }: { item: ClusterScan }) {
  const { cluster, phase, figures, scan } = item;
  if (phase === 'skipped' || phase === 'failed') {
    return <Alert severity={phase === 'failed' ? 'error' : 'info'}>{`${cluster}: ${item.message ?? 'not scanned'}`}</Alert>;
  }
  if (phase === 'done' && scan) return <FinishedScan scan={scan} />;
  const total = figures?.total ?? null;
  const done = figures?.done ?? 0;
  const rate = ratePerSecond(item.samples);
  const line =
    phase === 'waiting'
      ? 'Waiting for the cluster before it.'
      : !figures
        ? 'Starting: reading the first page of spaces…'
        : [
            `${formatCount(done)} of ${total === null ? '…' : formatCount(total)} spaces`,
            rate === undefined ? undefined : `${formatCount(Math.round(rate))} spaces/s`,
            etaLabel(secondsLeft(done, total, rate)),
            `${formatCount(figures.requests)} requests`,
            `up to ${figures.inFlight} in flight`,
            figures.unread > 0 ? `${formatCount(figures.unread)} unread` : undefined,
          ]
            .filter(Boolean)
            .join(' · ');
  return (
    <Box>
      <Typography variant="subtitle2">Scanning {cluster}</Typography>
      <Bar cluster={cluster} done={done} total={total} />
      <Typography variant="body2" role="status" aria-live="off">
        {line}
      </Typography>
    </Box>
  );
}

/** A scan another tab or studio holds: its stored count, polled. */
export function OtherTabProgress({ scan }: { scan: Scan }) {
  return (
    <Box>
      <Typography variant="subtitle2">
        {scan.cluster}: another tab or studio is scanning (started {formatTime(scan.startedAt)} by {scan.cmsUser})
      </Typography>
      <Bar cluster={scan.cluster} done={scan.counts.results} total={scan.spacesTotal} />
      <Typography variant="body2" role="status" aria-live="off">
        {formatCount(scan.counts.results)} of {scan.spacesTotal === null ? '…' : formatCount(scan.spacesTotal)} spaces stored. Only one scan of a cluster runs at a time; this page follows it.
      </Typography>
    </Box>
  );
}

/** A scan this tab asked for while another tab or studio held it: live, or how it ended. */
export function FollowedScan({ scan }: { scan: Scan | undefined }) {
  if (!scan) return null;
  return scan.live ? <OtherTabProgress scan={scan} /> : <FinishedScan scan={scan} />;
}

export function FinishedScan({ scan }: { scan: Scan }) {
  const took = scan.finishedAt ? ` in ${durationLabel(Date.parse(scan.finishedAt) - Date.parse(scan.startedAt))}` : '';
  const word = { complete: 'Scan complete', stopped: 'Scan stopped', failed: 'Scan failed', running: 'Scanning' }[scan.state];
  return (
    <Alert severity={scan.state === 'complete' ? 'success' : scan.state === 'failed' ? 'error' : 'info'}>
      {`${scan.cluster}: ${word}${took}. ${countsLabel(scan)}; ${formatCount(scan.requests)} requests.`}
      {scan.state === 'stopped' && ' Resume continues where it stopped.'}
      {scan.error && ` ${scan.error}`}
    </Alert>
  );
}
