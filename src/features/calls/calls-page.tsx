import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import RefreshIcon from '@mui/icons-material/Refresh';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { callQueries } from '../../api/resources/calls';
import { runChanges } from '../../api/changes/run-changes';
import type { Call, CallLeg } from '../../api/params/schemas';
import { spaceQueries } from '../../api/resources/spaces';
import { roleOfTrace } from '../../domain/profile-resolution/trace';
import { spaceLink } from '../../lib/wizard-links';
import { LegTrace } from './leg-trace';
import { formatCount } from '../../domain/profile-resolution/words';

const LIVE_MS = 10_000;

type Confirm = { kind: 'call'; call: Call } | { kind: 'leg'; call: Call; leg: CallLeg };

export function CallsPage() {
  const queryClient = useQueryClient();
  const calls = useQuery({ ...callQueries.listAll(), refetchInterval: LIVE_MS });
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          Live calls
        </Typography>
        <Button startIcon={<RefreshIcon />} onClick={() => void queryClient.invalidateQueries({ queryKey: callQueries.all() })}>
          Refresh
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Active calls on this CMS, refreshed every 10 s. Open a call for its legs and participants, and a leg for the profile trace CMS
        reports for it.
      </Typography>
      <Box sx={{ height: 4 }}>{calls.isFetching && <LinearProgress aria-label="Loading calls" />}</Box>
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {calls.isError && <Alert severity="error">CMS did not list its calls: {calls.error.message}</Alert>}
      {calls.data && calls.data.items.length === 0 && <Typography>No active calls.</Typography>}
      <div>
        {calls.data?.items.map((call) => (
          <CallPanel key={call.id} call={call} onEnd={() => setConfirm({ kind: 'call', call })} onDrop={(leg) => setConfirm({ kind: 'leg', call, leg })} />
        ))}
      </div>
      {confirm && (
        <ConfirmDialog
          confirm={confirm}
          onClose={() => setConfirm(null)}
          onDone={(message) => {
            setConfirm(null);
            setNotice(message);
          }}
        />
      )}
    </Stack>
  );
}

function CallPanel({ call, onEnd, onDrop }: { call: Call; onEnd: () => void; onDrop: (leg: CallLeg) => void }) {
  const [open, setOpen] = useState(false);
  const callId = call.id ?? '';
  const space = useQuery({ ...spaceQueries.detail(call.coSpace ?? ''), enabled: open && call.coSpace !== undefined });
  const legs = useQuery({ ...callQueries.callLegs(callId), enabled: open, refetchInterval: LIVE_MS });
  const participants = useQuery({ ...callQueries.participants(callId), enabled: open, refetchInterval: LIVE_MS });
  const details = useQueries({ queries: (legs.data?.items ?? []).map((leg) => ({ ...callQueries.callLeg(leg.id ?? ''), enabled: open })) });
  // The role CMS gives each leg: the needsActivation in force in its own callLegProfileTrace.
  const traces = useQueries({ queries: (legs.data?.items ?? []).map((leg) => ({ ...callQueries.callLegProfileTrace(leg.id ?? ''), enabled: open })) });
  const [traced, setTraced] = useState<string | null>(null);

  return (
    <Accordion expanded={open} onChange={(_, expanded) => setOpen(expanded)} disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-label={`Call ${call.name ?? callId}`}>
        <Stack>
          <Typography sx={{ fontWeight: 'bold' }}>{call.name || '(no name)'}</Typography>
          <Typography variant="body2" color="text.secondary">
            call {callId}
            {call.coSpace ? ` · space ${call.coSpace}` : ' · ad hoc'}
          </Typography>
        </Stack>
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={2}>
          {call.coSpace && (
            <Typography variant="body2">
              Space{' '}
              <Link component={RouterLink} to={spaceLink(call.coSpace, 'live')}>
                “{space.data?.name ?? call.coSpace}”
              </Link>
              {space.data && ` (${space.data.uri ?? 'no URI'}, call ID ${space.data.callId ?? 'none'})`}: its Live tab puts each leg beside the
              prediction for its way in.
            </Typography>
          )}
          <Typography variant="subtitle2">Call legs {legs.data ? `(${formatCount(legs.data.total)})` : ''}</Typography>
          {legs.isError && <Alert severity="error">CMS did not list the legs: {legs.error.message}</Alert>}
          {legs.data && legs.data.items.length === 0 && <Typography variant="body2">No legs: nobody is connected.</Typography>}
          {legs.data && legs.data.items.length > 0 && (
            <Table size="small" aria-label={`Legs of call ${callId}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Remote party</TableCell>
                  <TableCell>Direction</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>Lobby</TableCell>
                  <TableCell>Leg</TableCell>
                  <TableCell>Actions</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {legs.data.items.map((leg, i) => {
                  const d = details[i]?.data;
                  const trace = traces[i]?.data;
                  const legId = leg.id ?? '';
                  const party = leg.remoteParty ?? leg.name ?? legId;
                  return (
                    <Fragment key={legId}>
                      <TableRow>
                        <TableCell>{party}</TableCell>
                        <TableCell>{d?.direction ?? '…'}</TableCell>
                        <TableCell>{d?.state ?? '…'}</TableCell>
                        <TableCell>{trace ? <RoleChip role={roleOfTrace(trace)} /> : traces[i]?.isError ? 'unknown' : '…'}</TableCell>
                        <TableCell>{d ? lobbyWord(d.deactivated) : '…'}</TableCell>
                        <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{legId}</TableCell>
                        <TableCell>
                          <Stack direction="row" spacing={1}>
                            <Button size="small" onClick={() => setTraced(traced === legId ? null : legId)} aria-expanded={traced === legId}>
                              Profile trace
                            </Button>
                            <Button size="small" color="error" onClick={() => onDrop({ ...leg, ...d })}>
                              Drop
                            </Button>
                          </Stack>
                        </TableCell>
                      </TableRow>
                      <TableRow>
                        <TableCell colSpan={7} sx={{ py: 0, borderBottom: traced === legId ? undefined : 'none' }}>
                          <Collapse in={traced === legId} unmountOnExit>
                            <LegTrace legId={legId} />
                          </Collapse>
                        </TableCell>
                      </TableRow>
                    </Fragment>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <Typography variant="subtitle2">Participants {participants.data ? `(${formatCount(participants.data.total)})` : ''}</Typography>
          {participants.isError && <Alert severity="error">CMS did not list the participants: {participants.error.message}</Alert>}
          {participants.data && (
            <Typography variant="body2">
              {participants.data.items.length === 0 ? 'None.' : participants.data.items.map((p) => p.name || p.uri || p.id).join(', ')}
            </Typography>
          )}
          <div>
            <Button variant="outlined" color="error" onClick={onEnd}>
              End call
            </Button>
          </div>
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}

function RoleChip({ role }: { role: 'host' | 'guest' }) {
  return <Chip size="small" color={role === 'host' ? 'success' : 'warning'} variant="outlined" label={role === 'host' ? 'Host' : 'Guest'} />;
}

/** CMS's `deactivated` status: the leg waits in the lobby for a host. */
function lobbyWord(deactivated: boolean | undefined): string {
  if (deactivated === undefined) return '—';
  return deactivated ? 'In the lobby' : 'In the conference';
}

function ConfirmDialog({ confirm, onClose, onDone }: { confirm: Confirm; onClose: () => void; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const callName = confirm.call.name || confirm.call.id;
  const title = confirm.kind === 'call' ? `End call “${callName}”?` : `Drop ${confirm.leg.remoteParty ?? confirm.leg.id}?`;
  const action = useMutation({
    mutationFn: () =>
      runChanges({
        origin: { kind: 'page', name: confirm.kind === 'call' ? 'calls/end-call' : 'calls/drop-leg' },
        title: title.replace(/\?$/, ''),
        steps: [
          confirm.kind === 'call'
            ? { key: 'call', title: `End call “${callName}”`, operation: { op: 'deleteCall', call: confirm.call.id ?? '' } }
            : { key: 'callLeg', title: `Drop ${confirm.leg.remoteParty ?? confirm.leg.id}`, operation: { op: 'deleteCallLeg', callLeg: confirm.leg.id ?? '' } },
        ],
      }),
    onSuccess: async ({ notes }) => {
      await queryClient.invalidateQueries({ queryKey: callQueries.all() });
      onDone([confirm.kind === 'call' ? `Ended call “${callName}”.` : `Dropped ${confirm.leg.remoteParty ?? confirm.leg.id} from “${callName}”.`, ...notes].join(' '));
    },
  });
  return (
    <Dialog open onClose={action.isPending ? undefined : onClose} aria-labelledby="confirm-call-title">
      <DialogTitle id="confirm-call-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {confirm.kind === 'call' ? (
            <>
              <code>DELETE /api/v1/calls/{confirm.call.id}</code> disconnects everyone in it. The space stays; anyone may call in again.
            </>
          ) : (
            <>
              <code>DELETE /api/v1/callLegs/{confirm.leg.id}</code> disconnects this participant only; the call goes on.
            </>
          )}
        </DialogContentText>
        {action.isError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {action.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={action.isPending}>
          Cancel
        </Button>
        <Button variant="contained" color="error" loading={action.isPending} onClick={() => action.mutate()}>
          {confirm.kind === 'call' ? 'End call' : 'Drop leg'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
