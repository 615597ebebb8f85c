import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState, useSyncExternalStore } from 'react';
import { exchangeLog, exportText, statusClass, toCurl, type CurlOptions, type LoggedExchange, type StatusClass } from '../../api/transport/exchange-log';
import { getSession, subscribeSession } from '../../api/transport/session';
import { activeTarget, studioConnectionQueries } from '../../api/transport/studio-connection';
import { CopyButton } from '../../components/copy-button';

type Filter = 'all' | StatusClass;
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'success', label: 'Success (2xx)' },
  { value: 'clientError', label: 'Refused (4xx)' },
  { value: 'serverError', label: 'CMS errors (5xx)' },
  { value: 'noAnswer', label: 'No answer' },
];
const chipColor: Record<StatusClass, 'success' | 'warning' | 'error' | 'default'> = {
  success: 'success',
  clientError: 'warning',
  serverError: 'error',
  noAnswer: 'default',
};

function time(ms: number): string {
  const d = new Date(ms);
  return `${d.toLocaleTimeString([], { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function pathWithQuery(entry: LoggedExchange): string {
  const query = new URLSearchParams(entry.query).toString();
  return query ? `${entry.path}?${query}` : entry.path;
}

/** Where curl should send the request: the CMS itself, or this studio's proxy in front of the mock. */
function useCurlOptions(): CurlOptions {
  const connection = useQuery(studioConnectionQueries.current());
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const target = connection.data ? activeTarget(connection.data, session.target) : undefined;
  if (target) return { baseUrl: target.url };
  return { baseUrl: window.location.origin, viaStudioProxy: true };
}

function download(text: string) {
  const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `cms-api-console-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ConsolePage() {
  const entries = useSyncExternalStore(exchangeLog.subscribe, exchangeLog.entries, exchangeLog.entries);
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<number | null>(null);
  const curl = useCurlOptions();
  const shown = entries.filter((e) => filter === 'all' || statusClass(e) === filter).toReversed();

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        API console
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Every request this browser tab sent to CMS since it was opened (each retry on its own line), newest first. The curl commands carry{' '}
        <code>USER:PASSWORD</code> in place of the credentials, and passcode and secret values are masked as <code>*****</code>: safe to
        attach to a support ticket.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select size="small" label="Status" value={filter} onChange={(e) => setFilter(e.target.value as Filter)} sx={{ minWidth: 200 }}>
          {FILTERS.map((f) => (
            <MenuItem key={f.value} value={f.value}>
              {f.label}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" aria-live="polite" sx={{ flexGrow: 1 }}>
          {shown.length} of {entries.length} requests
        </Typography>
        <Button startIcon={<DownloadIcon />} disabled={shown.length === 0} onClick={() => download(exportText(shown.toReversed(), curl))}>
          Export
        </Button>
        <Button startIcon={<DeleteSweepIcon />} color="error" disabled={entries.length === 0} onClick={() => exchangeLog.clear()}>
          Clear
        </Button>
      </Stack>
      {entries.length === 0 && <Alert severity="info">No requests yet in this tab. Use the other pages; their requests appear here.</Alert>}
      {shown.length > 0 && (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Requests">
              <TableHead>
                <TableRow>
                  <TableCell>Time</TableCell>
                  <TableCell>Method</TableCell>
                  <TableCell>Path</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell align="right">Duration</TableCell>
                  <TableCell>Failure codes</TableCell>
                  <TableCell>curl</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((entry) => {
                  const command = toCurl(entry, curl);
                  const expanded = open === entry.seq;
                  return (
                    <Fragment key={entry.seq}>
                      <TableRow hover onClick={() => setOpen(expanded ? null : entry.seq)} sx={{ cursor: 'pointer' }} aria-expanded={expanded}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(entry.startedAt)}</TableCell>
                        <TableCell>{entry.method}</TableCell>
                        <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>{pathWithQuery(entry)}</TableCell>
                        <TableCell>
                          <Chip size="small" color={chipColor[statusClass(entry)]} label={entry.status ?? 'no answer'} />
                          {entry.attempt > 1 && <Typography variant="caption"> try {entry.attempt}</Typography>}
                        </TableCell>
                        <TableCell align="right">{entry.durationMs} ms</TableCell>
                        <TableCell>{entry.failures.map((f) => (f.parameter ? `${f.code} (${f.parameter})` : f.code)).join(', ')}</TableCell>
                        <TableCell onClick={(e) => e.stopPropagation()}>
                          <CopyButton text={command} label={`Copy curl for ${entry.method} ${entry.path}`} />
                        </TableCell>
                      </TableRow>
                      {expanded && (
                        <TableRow>
                          <TableCell colSpan={7}>
                            {entry.error && (
                              <Typography variant="body2" sx={{ mb: 1 }}>
                                {entry.error}
                              </Typography>
                            )}
                            <Typography component="pre" aria-label="curl command" sx={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', m: 0 }}>
                              {command}
                            </Typography>
                          </TableCell>
                        </TableRow>
                      )}
                    </Fragment>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      )}
    </Stack>
  );
}
