import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { systemQueries } from '../../api/resources/system';
import { formatCount } from '../../domain/profile-resolution/words';

/** TanStack Query pauses intervals while the tab is hidden, and the page's unmount stops them. */
const REFRESH_MS = 30_000;

/** `4d, 22:09:44`, as TMS shows the Call Bridge uptime. */
export function formatUptime(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const hh = String(Math.floor(rest / 3600)).padStart(2, '0');
  const mm = String(Math.floor((rest % 3600) / 60)).padStart(2, '0');
  const ss = String(rest % 60).padStart(2, '0');
  return `${days > 0 ? `${days}d, ` : ''}${hh}:${mm}:${ss}`;
}

const yesNo = (value: boolean | undefined) => (value === undefined ? 'unknown' : value ? 'yes' : 'no');

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Grid size={{ xs: 6, md: 4, lg: 2 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography component="div" aria-label={label}>
        {children}
      </Typography>
    </Grid>
  );
}

export function StatusPanel() {
  const queryClient = useQueryClient();
  const status = useQuery({ ...systemQueries.status(), refetchInterval: REFRESH_MS });
  const bridges = useQuery({ ...systemQueries.callBridges(), refetchInterval: REFRESH_MS });
  const bridgeIds = (bridges.data?.items ?? []).flatMap((b) => (b.id ? [b.id] : []));
  const details = useQueries({
    queries: bridgeIds.map((id) => ({ ...systemQueries.callBridge(id), refetchInterval: REFRESH_MS })),
  });

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: systemQueries.status().queryKey }),
      queryClient.invalidateQueries({ queryKey: systemQueries.callBridges().queryKey }),
    ]);
  const fetching = status.isFetching || bridges.isFetching || details.some((d) => d.isFetching);
  const s = status.data;

  return (
    <Paper variant="outlined" component="section" aria-labelledby="status-title" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" id="status-title" sx={{ flexGrow: 1 }}>
          Status
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {status.dataUpdatedAt > 0 ? `Updated ${new Date(status.dataUpdatedAt).toLocaleTimeString()}; every 30 s while shown` : ''}
        </Typography>
        <Button startIcon={<RefreshIcon />} onClick={() => void refresh()} disabled={fetching}>
          Refresh
        </Button>
      </Stack>
      <Box sx={{ height: 4, mb: 1 }}>{fetching && <LinearProgress aria-label="Refreshing status" />}</Box>
      {status.isError && <Alert severity="error">CMS did not give its status: {status.error.message}</Alert>}
      {s && (
        <Grid container spacing={2}>
          <Fact label="Software version">{s.softwareVersion ?? 'unknown'}</Fact>
          <Fact label="Uptime">{s.uptimeSeconds === undefined ? 'unknown' : formatUptime(s.uptimeSeconds)}</Fact>
          <Fact label="Activated">{yesNo(s.activated)}</Fact>
          <Fact label="Cluster enabled">{yesNo(s.clusterEnabled)}</Fact>
          <Fact label="Call legs active">{s.callLegsActive ?? 'unknown'}</Fact>
          <Fact label="Call legs max active">{s.callLegsMaxActive ?? 'unknown'}</Fact>
        </Grid>
      )}

      <Typography variant="subtitle1" component="h3" sx={{ mt: 3 }}>
        Call bridges {bridges.data ? `(${formatCount(bridges.data.total)})` : ''}
      </Typography>
      {bridges.isError && <Alert severity="error">CMS did not list its call bridges: {bridges.error.message}</Alert>}
      {bridges.data && bridges.data.items.length === 0 && (
        <Typography color="text.secondary">No clustered call bridges: this CMS runs on its own.</Typography>
      )}
      {bridges.data && bridges.data.items.length > 0 && (
        <Table size="small" aria-label="Call bridges">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Address</TableCell>
              <TableCell>SIP domain</TableCell>
              <TableCell>Id</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {bridges.data.items.map((bridge, i) => {
              const detail = details[i];
              const d = detail?.data;
              return (
                <TableRow key={bridge.id}>
                  <TableCell>{d?.name ?? bridge.name}</TableCell>
                  <TableCell>{detail?.isError ? <Chip size="small" color="error" label={detail.error.message} /> : (d?.address ?? '…')}</TableCell>
                  <TableCell>{d ? d.sipDomain || <em>(none)</em> : '…'}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{bridge.id}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
