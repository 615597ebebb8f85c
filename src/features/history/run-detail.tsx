import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import Link from '@mui/material/Link';
import { exportRuns, journalQueries } from '../../api/resources/journal';
import type { JournalRun } from '../../api/wire/journal-contract';
import { ExportButtons } from '../../components/export-buttons';
import { formatTime, isAbandoned, originLabel, STATE_LABELS } from './labels';
import { UndoRunButton } from './undo-run';
import { WriteCard } from './write-card';

/** The run's own actions: undo it, reveal its passcodes, export it. */
function RunActions({ run, reveal, onReveal }: { run: JournalRun; reveal: boolean; onReveal: (reveal: boolean) => void }) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <UndoRunButton run={run} />
      <FormControlLabel control={<Switch checked={reveal} onChange={(e) => onReveal(e.target.checked)} />} label="Reveal passcodes" />
      <ExportButtons exportAs={(format) => exportRuns({ run: run.id }, format)} label="Export run" title="Passcodes and secrets are masked in every export" />
    </Stack>
  );
}

function RunHeader({ run }: { run: JournalRun }) {
  const state = STATE_LABELS[run.state];
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2">
          {run.title}
        </Typography>
        <Chip color={state.color} label={state.label} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {state.hint}
      </Typography>
      {isAbandoned(run) && (
        <Alert severity="warning" sx={{ my: 1 }}>
          Nothing was recorded for this run since {formatTime(run.updatedAt)}: the tab that ran it probably closed. Writes without an answer may or may not have reached CMS.
        </Alert>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        {originLabel(run)} · cluster {run.cluster} · CMS user {run.cmsUser} · started {formatTime(run.startedAt)}
        {run.finishedAt ? ` · finished ${formatTime(run.finishedAt)}` : ''}
      </Typography>
      {run.origin.undoesRunId && (
        <Typography variant="body2">
          Undoes{' '}
          <Link component={RouterLink} to={`/history/${run.origin.undoesRunId}`}>
            run {run.origin.undoesRunId}
          </Link>
        </Typography>
      )}
      {run.origin.batchId && (
        <Typography variant="body2">
          Part of{' '}
          <Link component={RouterLink} to={`/history?batch=${encodeURIComponent(run.origin.batchId)}`}>
            batch {run.origin.batchId}
          </Link>
        </Typography>
      )}
      {run.spaces.length > 0 && <Typography variant="body2">Spaces: {run.spaces.map((s) => (s.label ? `${s.label} (${s.id})` : s.id)).join(', ')}</Typography>}
    </Box>
  );
}

/** One run of History: every request as sent, CMS's answer, the values before and after; passcodes masked unless revealed. */
export function RunDetailPage() {
  const { runId = '' } = useParams();
  return <RunDetail key={runId} runId={runId} />;
}

function RunDetail({ runId }: { runId: string }) {
  const [reveal, setReveal] = useState(false);
  const detail = useQuery({ ...journalQueries.detail(runId, reveal), placeholderData: (previous) => previous });
  if (detail.isPending) return <Typography role="status">Loading the run…</Typography>;
  if (detail.isError) return <Alert severity="error">This run could not be read: {detail.error.message}</Alert>;
  const { run, writes } = detail.data;
  return (
    <Stack spacing={2} component="article" aria-label={`Run ${run.title}`}>
      <RunHeader run={run} />
      <RunActions run={run} reveal={reveal} onReveal={setReveal} />
      {writes.length === 0 ? <Typography color="text.secondary">This run recorded no writes.</Typography> : writes.map((write) => <WriteCard key={write.seq} write={write} />)}
    </Stack>
  );
}
