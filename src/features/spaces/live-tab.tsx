import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { callQueries } from '../../api/resources/calls';
import type { Call, CallLeg, CallLegProfileTrace } from '../../api/params/schemas';
import { studioConnectionQueries } from '../../api/transport/studio-connection';
import { RawXmlToggle } from '../../components/raw-xml';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import type { JoinPath, SpaceModel } from '../../domain/profile-resolution/model';
import { evaluateSpace } from '../../domain/space-evaluation/evaluate';
import { compareResolved, matchPath, predictionFor, type ComparedParam, type PathMatch } from './live-compare';
import { RoleChip, ScopeChip } from './scope-chip';
import { formatParamValue } from './scope-labels';
import { useSpaceId } from './space-page';
import { resolveTrace } from '../../domain/profile-resolution/trace';
import { formatCount } from '../../domain/profile-resolution/words';

const POLL_MS = 5000;

// Only the demo (mock CMS) can simulate calls, so its code is loaded only there.
const SimulatePanel = lazy(() => import('./simulate-panel').then((m) => ({ default: m.SimulatePanel })));

export function LiveTab() {
  const spaceId = useSpaceId();
  const queryClient = useQueryClient();
  const connection = useQuery(studioConnectionQueries.current());
  // refetchInterval pauses while the browser tab is hidden (refetchIntervalInBackground is off).
  const calls = useQuery({ ...callQueries.list({ coSpaceFilter: spaceId }), refetchInterval: POLL_MS });
  const model = useQuery(spaceModelQueries.detail(spaceId));
  const paths = model.data ? evaluateSpace(model.data).paths : [];

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: callQueries.all() });
    void queryClient.invalidateQueries({ queryKey: spaceModelQueries.detail(spaceId).queryKey });
  };
  const updated = calls.dataUpdatedAt ? new Date(calls.dataUpdatedAt).toLocaleTimeString() : '';
  const active = calls.data?.items ?? [];

  return (
    <Stack spacing={2}>
      {connection.data?.mode === 'mock' && (
        <Suspense fallback={<LinearProgress aria-label="Loading the simulation" />}>
          <SimulatePanel spaceId={spaceId} />
        </Suspense>
      )}
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Active calls ({calls.data ? formatCount(calls.data.total) : '…'})
        </Typography>
        <Typography variant="caption" color="text.secondary" aria-live="polite">
          {updated && `Updated ${updated}; refreshes every ${POLL_MS / 1000} s while this tab is visible`}
        </Typography>
        <Button startIcon={<RefreshIcon />} onClick={refresh} disabled={calls.isFetching}>
          Refresh
        </Button>
      </Stack>
      {calls.isFetching && <LinearProgress aria-label="Loading active calls" />}
      {calls.isError && <Alert severity="error">{calls.error.message}</Alert>}
      {model.isError && <Alert severity="warning">No prediction: {model.error.message}</Alert>}
      {calls.isSuccess && active.length === 0 && (
        <Typography color="text.secondary">
          No active call in this space. When someone joins, its call legs appear here with CMS's own callLegProfileTrace beside the prediction.
        </Typography>
      )}
      {active.map((call) => (
        <CallView key={call.id} call={call} model={model.data} paths={paths} />
      ))}
    </Stack>
  );
}

function CallView({ call, model, paths }: { call: Call; model?: SpaceModel; paths: readonly JoinPath[] }) {
  const legs = useQuery({ ...callQueries.callLegs(call.id ?? ''), enabled: !!call.id, refetchInterval: POLL_MS });
  const items = legs.data?.items ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Call ${call.name ?? call.id}`}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Call {call.name ?? ''}
          </Typography>
          <Box component="code" sx={{ fontSize: 12, color: 'text.secondary' }}>
            {call.id}
          </Box>
          <Chip size="small" label={`${legs.data ? formatCount(legs.data.total) : '…'} call legs`} />
        </Stack>
        {legs.isError && <Alert severity="error">{legs.error.message}</Alert>}
        {legs.isSuccess && items.length === 0 && <Typography color="text.secondary">No call legs.</Typography>}
        {items.map((leg) => leg.id && <LegView key={leg.id} legId={leg.id} listed={leg} model={model} paths={paths} />)}
      </Stack>
    </Paper>
  );
}

function matchText(match: PathMatch): string {
  switch (match.how) {
    case 'accessMethod':
      return `came in through ${match.path.label} (the trace names its profile)`;
    case 'coSpaceUser':
      return `${match.path.label} (the trace names the member's profile)`;
    case 'spaceDefault':
      return match.path ? `no access method or member level in the trace: compared with ${match.path.label}` : 'compared with the space levels';
    case 'unmatched':
      return `the trace has a ${match.scope === 'accessMethod' ? 'access method' : 'member'} profile ${match.profileId ?? ''} that no predicted way in has; compared with the space default`;
  }
}

function LegView({ legId, listed, model, paths }: { legId: string; listed: CallLeg; model?: SpaceModel; paths: readonly JoinPath[] }) {
  const detail = useQuery({ ...callQueries.callLeg(legId), refetchInterval: POLL_MS });
  const trace = useQuery({ ...callQueries.callLegProfileTrace(legId), staleTime: POLL_MS });
  const leg = detail.data ?? listed;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-call-leg={legId}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" component="h4">
            {leg.name || leg.remoteParty || legId}
          </Typography>
          {leg.remoteParty && leg.name && (
            <Typography variant="body2" color="text.secondary">
              {leg.remoteParty}
            </Typography>
          )}
          {leg.state && <Chip size="small" variant="outlined" label={leg.state} />}
          {leg.deactivated !== undefined && (
            <Chip size="small" color={leg.deactivated ? 'warning' : 'success'} variant="outlined" label={leg.deactivated ? 'in the lobby' : 'in the conference'} />
          )}
          <Box sx={{ flexGrow: 1 }} />
          <RawXmlToggle path={`callLegs/${legId}/callLegProfileTrace`} what="the callLegProfileTrace" />
        </Stack>
        {trace.isPending && <LinearProgress aria-label="Loading the callLegProfileTrace" />}
        {trace.isError && <Alert severity="error">{trace.error.message}</Alert>}
        {trace.data && model && <TraceComparison trace={trace.data} model={model} paths={paths} />}
      </Stack>
    </Paper>
  );
}

export function TraceComparison({ trace, model, paths }: { trace: CallLegProfileTrace; model: SpaceModel; paths: readonly JoinPath[] }) {
  const [all, setAll] = useState(false);
  const { match, rows } = useMemo(() => {
    const m = matchPath(paths, trace);
    return { match: m, rows: compareResolved(resolveTrace(trace), predictionFor(model, m)) };
  }, [trace, model, paths]);
  const differing = rows.filter((r) => r.valueDiffers || r.sourceDiffers);
  const shown = all ? rows : differing;
  const actualRole = rows[0]?.actual.value === true ? 'guest' : 'host';
  const predictedRole = rows[0]?.predicted.value === true ? 'guest' : 'host';
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">CMS applies:</Typography>
        <RoleChip role={actualRole} />
        <Typography variant="body2">predicted:</Typography>
        <RoleChip role={predictedRole} />
        <Typography variant="body2" color="text.secondary">
          {matchText(match)}
        </Typography>
      </Stack>
      <Alert severity={differing.some((r) => r.valueDiffers && !r.legOverride) ? 'warning' : differing.length ? 'info' : 'success'} variant="outlined">
        {differing.length === 0
          ? 'CMS applies exactly what we predicted for this way in.'
          : `${differing.filter((r) => r.valueDiffers).length} values and ${differing.filter((r) => r.sourceDiffers).length} sources differ from the prediction.`}
      </Alert>
      <FormControlLabel control={<Switch checked={all} onChange={(e) => setAll(e.target.checked)} size="small" />} label="Show every parameter" />
      {shown.length > 0 && (
        <Table size="small" aria-label="callLegProfileTrace beside the prediction">
          <TableHead>
            <TableRow>
              <TableCell>Parameter</TableCell>
              <TableCell>CMS trace (in force)</TableCell>
              <TableCell>Predicted</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) => (
              <ComparedRow key={row.param} row={row} />
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}

function ComparedRow({ row }: { row: ComparedParam }) {
  const bg = row.valueDiffers ? (row.legOverride ? 'info.light' : 'warning.light') : row.sourceDiffers ? 'action.hover' : undefined;
  const cell = (r: ComparedParam['actual']) => (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 12, fontWeight: row.valueDiffers ? 700 : 400 }}>
        {formatParamValue(r.value)}
      </Box>
      <ScopeChip scope={r.scope} {...(r.profileId ? { profileId: r.profileId } : {})} />
    </Stack>
  );
  return (
    <TableRow data-param={row.param} data-differs={row.valueDiffers ? 'value' : row.sourceDiffers ? 'source' : undefined} sx={bg ? { bgcolor: bg, '& td': { color: row.valueDiffers ? 'text.primary' : undefined } } : undefined}>
      <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>
        {row.param}
        {row.legOverride && (
          <Typography variant="caption" component="div" color="text.secondary">
            set on the leg itself
          </Typography>
        )}
      </TableCell>
      <TableCell>{cell(row.actual)}</TableCell>
      <TableCell>{cell(row.predicted)}</TableCell>
    </TableRow>
  );
}
