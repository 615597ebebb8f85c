import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import ReplayIcon from '@mui/icons-material/Replay';
import { useState, useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '../../api/transport/session';
import type { StudioConnection } from '../../api/transport/studio-connection';
import type { Scan } from '../../api/wire/scan-contract';
import { clusterOf, planScans } from './cluster-plan';
import { countsLabel, formatTime, isResumable, scanStateLabel } from './labels';
import { FollowedScan, OtherTabProgress, SessionScanProgress } from './scan-progress';
import { scanSession } from './scan-session';

/** Start, resume or cancel a scan, and see how far each cluster's scan has come. */
export function ScanPanel({ connection, latest }: { connection: StudioConnection; latest: ReadonlyMap<string, Scan> }) {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const running = useSyncExternalStore(scanSession.subscribe, scanSession.get, scanSession.get);
  const [scope, setScope] = useState<'this' | 'every'>('this');
  const cluster = clusterOf(connection, session.target);
  const several = connection.mode === 'cms' && connection.targets.length > 1;
  const current = latest.get(cluster);
  const resumable = current && isResumable(current) ? current : undefined;
  const view = { target: session.target, credentials: session.credentials };
  const start = (resume?: string) => {
    const plan = planScans(connection, view, resume ? 'this' : scope).map((p) => (resume && p.job ? { ...p, job: { ...p.job, resume } } : p));
    void scanSession.start(plan);
  };
  const here = new Set(running.scans.filter((r) => r.phase === 'starting' || r.phase === 'scanning' || r.phase === 'following').map((r) => r.cluster));
  const elsewhere = [...latest.values()].filter((s) => s.live && !here.has(s.cluster));

  return (
    <Stack spacing={1.5} component="section" aria-label="Scan">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {several && (
          <TextField select size="small" label="Scan" value={scope} onChange={(e) => setScope(e.target.value === 'every' ? 'every' : 'this')} sx={{ minWidth: 200 }} disabled={running.running}>
            <MenuItem value="this">This cluster ({cluster})</MenuItem>
            <MenuItem value="every">Every cluster ({connection.mode === 'cms' ? connection.targets.length : 1})</MenuItem>
          </TextField>
        )}
        <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={running.running} onClick={() => start()}>
          {scope === 'every' && several ? 'Scan every cluster' : 'Scan all spaces'}
        </Button>
        {resumable && (
          <Button variant="outlined" startIcon={<ReplayIcon />} disabled={running.running} onClick={() => start(resumable.id)}>
            Resume the scan of {formatTime(resumable.startedAt)}
          </Button>
        )}
        {running.running && (
          <Button color="warning" variant="outlined" startIcon={<StopIcon />} onClick={() => scanSession.cancel()}>
            Cancel
          </Button>
        )}
      </Stack>
      {!running.running && current && !current.live && (
        <Typography variant="body2" color="text.secondary">
          Latest scan of {cluster}: {scanStateLabel(current)}, started {formatTime(current.startedAt)} by {current.cmsUser}. {countsLabel(current)}.
        </Typography>
      )}
      {running.scans.map((item) =>
        item.phase === 'following' ? (
          <FollowedScan key={item.cluster} scan={latest.get(item.cluster) ?? item.scan} />
        ) : (
          <SessionScanProgress key={item.cluster} item={item} />
        ),
      )}
      {elsewhere.map((scan) => (
        <OtherTabProgress key={scan.id} scan={scan} />
      ))}
    </Stack>
  );
}
