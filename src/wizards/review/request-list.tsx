import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { apiPath } from '../../api/transport/client';
import { MASK } from '../../api/wire/secrets';
import { CopyButton } from '../../components/copy-button';
import { fillRefs } from '../../domain/space-planning/apply';
import { toCurl, type CurlOptions } from '../engine/curl';
import type { PlannedRequest, ProgressEvent } from '../../domain/space-planning/types';

type Status = ProgressEvent['status'];

const STATUS_TEXT: Record<Status, string> = {
  sending: 'running…',
  reading: 'answer lost: reading CMS…',
  applied: 'done',
  'took-effect': 'done (answer lost, read back)',
  refused: 'refused',
  'did-not-take-effect': 'not applied (read back)',
  unknown: 'unknown: answer lost',
  'not-sent': 'not sent',
};
const STATUS_COLOR: Record<Status, 'info' | 'success' | 'error' | 'warning'> = {
  sending: 'info',
  reading: 'warning',
  applied: 'success',
  'took-effect': 'success',
  refused: 'error',
  'did-not-take-effect': 'warning',
  unknown: 'error',
  'not-sent': 'error',
};

export function StatusChip({ status, idle = 'not sent' }: { status: Status | undefined; idle?: string }) {
  return (
    <Chip
      size="small"
      variant={status ? 'filled' : 'outlined'}
      color={status ? STATUS_COLOR[status] : 'default'}
      label={status ? STATUS_TEXT[status] : idle}
      sx={{ flexShrink: 0 }}
    />
  );
}

/** `{space}` (an id a POST of this plan creates) shown as `<space id>` until it is known. */
export function shownPath(path: string, refs: Readonly<Record<string, string>>): string {
  return apiPath(fillRefs(path, refs).text.replace(/\{([^{}]+)\}/g, '<$1 id>'));
}

function shownValue(request: PlannedRequest, name: string, value: string, refs: Readonly<Record<string, string>>, reveal: boolean): string {
  if (request.sensitive.includes(name) && !reveal && value !== '') return MASK;
  if (value === '') return '(empty: unset)';
  return fillRefs(value, refs).text.replace(/\{([^{}]+)\}/g, '<$1 id>');
}

export interface RequestListProps {
  requests: readonly PlannedRequest[];
  refs: Readonly<Record<string, string>>;
  /** where the copied curl commands go, PINs in them only when revealed */
  curl: CurlOptions;
  status: Readonly<Record<string, Status>>;
  /** what a request not sent (yet) says */
  idle?: string;
}

/** The exact API calls: method, path and form body, passcodes masked until revealed, each copyable as curl. */
export function RequestList({ requests, refs, curl, status, idle }: RequestListProps) {
  const reveal = curl.revealSecrets;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
      {requests.map((request, i) => {
        const headingId = `request-${i}-title`;
        const body = Object.entries(request.form);
        return (
          <Paper key={request.key} component="li" variant="outlined" sx={{ p: 1.5 }} aria-labelledby={headingId}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography id={headingId} variant="subtitle1" component="h3">
                {i + 1}. {request.title}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <StatusChip status={status[request.key]} {...(idle ? { idle } : {})} />
                <CopyButton
                  variant="text"
                  text={toCurl(requests, i, refs, curl)}
                  label={`Copy request ${i + 1} as curl`}
                />
              </Stack>
            </Stack>
            <Typography component="p" sx={{ fontFamily: 'monospace', fontSize: 14, my: 0.5, wordBreak: 'break-all' }}>
              <strong>{request.method}</strong> {shownPath(request.path, refs)}
            </Typography>
            {body.length === 0 ? (
              <Typography variant="body2">No form body.</Typography>
            ) : (
              <Table size="small" aria-label={`Form body of request ${i + 1}`} sx={{ '& td, & th': { fontFamily: 'monospace', fontSize: 13, py: 0.25 } }}>
                <TableHead>
                  <TableRow>
                    <TableCell component="th" scope="col">
                      Parameter
                    </TableCell>
                    <TableCell component="th" scope="col">
                      Value
                    </TableCell>
                    {request.restore && (
                      <TableCell component="th" scope="col">
                        Now on CMS
                      </TableCell>
                    )}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {body.map(([name, value]) => (
                    <TableRow key={name}>
                      <TableCell component="th" scope="row">
                        {name}
                      </TableCell>
                      <TableCell>{shownValue(request, name, value, refs, reveal)}</TableCell>
                      {request.restore && <TableCell>{shownValue(request, name, request.restore[name] ?? '', refs, reveal)}</TableCell>}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Paper>
        );
      })}
    </Box>
  );
}
