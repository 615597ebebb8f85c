import CallEndIcon from '@mui/icons-material/CallEnd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { callQueries } from '../../api/resources/calls';
import {
  simulateDialIn,
  simulateHangUp,
  simulateSignIn,
  SimulationRefused,
  simulationQueries,
} from '../../api/resources/mock-simulation';
import type { DialInInput, JoinAnswer, SignInInput, SimulatedLeg, SimulationField } from '../../api/wire/simulation-contract';
import { spaceQueries } from '../../api/resources/spaces';

type JoinMode = 'dial' | 'signIn';
type DialBy = 'uri' | 'callId';

interface QuickDial {
  key: string;
  label: string;
  dialBy: DialBy;
  address: string;
  pin: string;
}

const POLL_MS = 1000;

/**
 * Demo with the mock CMS: a simulated participant dials in (URI or call ID + PIN) or signs in to the
 * web app as a member, and the Call Bridge's answer shows who waits in the lobby and who is in the
 * conference, live.
 */
export function SimulatePanel({ spaceId }: { spaceId: string }) {
  const queryClient = useQueryClient();
  const simulation = useQuery({ ...simulationQueries.space(spaceId), refetchInterval: POLL_MS });
  const space = useQuery(spaceQueries.detail(spaceId));
  const accessMethods = useQuery(spaceQueries.accessMethods(spaceId));
  const members = useQuery(spaceQueries.members(spaceId));

  const [mode, setMode] = useState<JoinMode>('dial');
  const [dialBy, setDialBy] = useState<DialBy>('uri');
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState('');
  const [name, setName] = useState('');
  const [via, setVia] = useState<'sip' | 'webrtc'>('sip');
  const [memberJid, setMemberJid] = useState('');
  const [errors, setErrors] = useState<Partial<Record<SimulationField | 'form', string>>>({});
  const [last, setLast] = useState<JoinAnswer>();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: simulationQueries.space(spaceId).queryKey });
    void queryClient.invalidateQueries({ queryKey: callQueries.all() });
  };
  const onJoined = (answer: JoinAnswer) => {
    setErrors({});
    setLast(answer);
    queryClient.setQueryData(simulationQueries.space(spaceId).queryKey, (old) => (old ? { ...old, call: answer.call } : old));
    refresh();
  };
  const onRefused = (error: Error) => {
    setLast(undefined);
    if (error instanceof SimulationRefused && error.field && error.field !== 'spaceId') {
      const field = error.field === 'callId' ? 'uri' : error.field;
      setErrors({ [field]: error.message });
    } else setErrors({ form: error.message });
  };

  const dial = useMutation({ mutationFn: (input: DialInInput) => simulateDialIn(input), onSuccess: onJoined, onError: onRefused });
  const signIn = useMutation({ mutationFn: (input: SignInInput) => simulateSignIn(input), onSuccess: onJoined, onError: onRefused });
  const hangUp = useMutation({ mutationFn: (legId: string) => simulateHangUp(legId), onSettled: refresh });

  const memberList = members.data?.items ?? [];
  const chosenJid = memberJid || memberList[0]?.userJid || '';
  const busy = dial.isPending || signIn.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (mode === 'signIn') {
      if (!chosenJid) return setErrors({ userJid: 'Pick a member.' });
      signIn.mutate({ spaceId, userJid: chosenJid });
      return;
    }
    const target = address.trim();
    if (!target) return setErrors({ uri: dialBy === 'uri' ? 'Type the URI to dial.' : 'Type the call ID to dial.' });
    dial.mutate({
      ...(dialBy === 'uri' ? { uri: target } : { callId: target }),
      ...(pin.trim() ? { pin: pin.trim() } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
      via,
    });
  };

  const edit = (field: SimulationField, set: (value: string) => void) => (value: string) => {
    set(value);
    if (errors[field] || errors.form) setErrors({});
  };

  const quickDials = quickDialsOf(space.data, accessMethods.data?.items ?? []);
  const legs = simulation.data?.call?.legs ?? [];
  const log = simulation.data?.log ?? [];

  return (
    <Paper variant="outlined" component="section" aria-labelledby={`simulate-${spaceId}`} sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2" id={`simulate-${spaceId}`}>
            Simulate a dial-in
          </Typography>
          <Typography variant="body2" color="text.secondary">
            The mock CMS joins the participant the way a Call Bridge would: guests wait in the lobby until a host is in the call.
          </Typography>
        </Box>

        <ToggleButtonGroup
          exclusive
          size="small"
          value={mode}
          onChange={(_, next: JoinMode | null) => {
            if (next) setMode(next);
            setErrors({});
          }}
          aria-label="How the participant joins"
        >
          <ToggleButton value="dial">Dial in</ToggleButton>
          <ToggleButton value="signIn">Member signs in</ToggleButton>
        </ToggleButtonGroup>

        <Box component="form" noValidate onSubmit={submit} aria-label={mode === 'dial' ? 'Dial in' : 'Member signs in'}>
          {mode === 'dial' ? (
            <Stack spacing={2}>
              {quickDials.length > 0 && (
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                  <Typography variant="body2" color="text.secondary">
                    Ways in:
                  </Typography>
                  {quickDials.map((q) => (
                    <Chip
                      key={q.key}
                      size="small"
                      variant="outlined"
                      label={q.label}
                      onClick={() => {
                        setDialBy(q.dialBy);
                        setAddress(q.address);
                        setPin(q.pin);
                        setErrors({});
                      }}
                    />
                  ))}
                </Stack>
              )}
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
                <ToggleButtonGroup
                  exclusive
                  size="small"
                  value={dialBy}
                  onChange={(_, next: DialBy | null) => {
                    if (next) setDialBy(next);
                    setErrors({});
                  }}
                  aria-label="Dial by"
                  sx={{ mt: { md: 0.5 }, flexShrink: 0, whiteSpace: 'nowrap', alignSelf: { xs: 'flex-start', md: 'auto' } }}
                >
                  <ToggleButton value="uri">URI</ToggleButton>
                  <ToggleButton value="callId">Call ID</ToggleButton>
                </ToggleButtonGroup>
                <TextField
                  label={dialBy === 'uri' ? 'URI' : 'Call ID'}
                  size="small"
                  value={address}
                  onChange={(e) => edit('uri', setAddress)(e.target.value)}
                  error={Boolean(errors.uri)}
                  helperText={errors.uri ?? (dialBy === 'uri' ? 'User part, or user@domain' : 'Digits, as typed into the IVR or the web app')}
                  slotProps={{ htmlInput: { spellCheck: false, ...(dialBy === 'callId' ? { inputMode: 'numeric' } : {}) } }}
                  sx={{ minWidth: 220 }}
                />
                <TextField
                  label="PIN"
                  size="small"
                  value={pin}
                  onChange={(e) => edit('pin', setPin)(e.target.value)}
                  error={Boolean(errors.pin)}
                  helperText={errors.pin ?? 'Empty: nothing entered. # alone: a blank PIN.'}
                  slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
                  sx={{ minWidth: 180, maxWidth: { md: 320 } }}
                />
                <TextField
                  label="Participant name"
                  size="small"
                  value={name}
                  onChange={(e) => edit('name', setName)(e.target.value)}
                  error={Boolean(errors.name)}
                  helperText={errors.name ?? 'Optional'}
                  sx={{ minWidth: 180 }}
                />
                <TextField
                  select
                  label="Calling from"
                  size="small"
                  value={via}
                  onChange={(e) => setVia(e.target.value === 'webrtc' ? 'webrtc' : 'sip')}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                  helperText={via === 'sip' ? 'The IVR applies passcodeMode' : 'passcodeMode does not apply'}
                  sx={{ minWidth: 170 }}
                >
                  <option value="sip">SIP endpoint</option>
                  <option value="webrtc">Web app</option>
                </TextField>
              </Stack>
              <Box>
                <Button type="submit" variant="contained" loading={dial.isPending} disabled={busy}>
                  Dial
                </Button>
              </Box>
            </Stack>
          ) : (
            <Stack spacing={2}>
              {members.isSuccess && memberList.length === 0 ? (
                <Alert severity="info">This space has no members: add one (coSpaceUser) to let a signed-in user host it.</Alert>
              ) : (
                <TextField
                  select
                  label="Member"
                  size="small"
                  value={chosenJid}
                  onChange={(e) => edit('userJid', setMemberJid)(e.target.value)}
                  error={Boolean(errors.userJid)}
                  helperText={errors.userJid ?? 'Signs in to the web app and joins from the space list'}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                  sx={{ maxWidth: 420 }}
                >
                  {memberList.map((m) => (
                    <option key={m.id ?? m.userJid} value={m.userJid ?? ''}>
                      {m.userJid}
                    </option>
                  ))}
                </TextField>
              )}
              <Box>
                <Button type="submit" variant="contained" loading={signIn.isPending} disabled={busy || !chosenJid}>
                  Sign in and join
                </Button>
              </Box>
            </Stack>
          )}
        </Box>

        {errors.form && <Alert severity="error">{errors.form}</Alert>}
        {last && (
          <Alert severity={last.leg.state === 'lobby' ? 'warning' : 'success'}>
            <strong>{last.leg.name}</strong> joined as {last.leg.role === 'host' ? 'a host' : 'a guest'} ({last.leg.path}):{' '}
            {last.leg.state === 'lobby' ? 'waiting in the lobby.' : 'in the conference.'}
            {last.ivr && (
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {last.ivr}
              </Typography>
            )}
          </Alert>
        )}

        {simulation.isError && (
          <Alert severity="error">
            {simulation.error instanceof SimulationRefused ? simulation.error.message : `The simulation is not available: ${simulation.error.message}`}
          </Alert>
        )}

        <Box>
          <Typography variant="subtitle1" component="h3">
            Participants
          </Typography>
          {simulation.isSuccess && legs.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              Nobody is in this space’s call. Dial in to start one.
            </Typography>
          ) : (
            <Table size="small" aria-label="Simulated participants">
              <TableHead>
                <TableRow>
                  <TableCell>Participant</TableCell>
                  <TableCell>Way in</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>State</TableCell>
                  <TableCell align="right">
                    <Box component="span" sx={visuallyHidden}>
                      Actions
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {legs.map((leg) => (
                  <TableRow key={leg.id}>
                    <TableCell>
                      <Typography variant="body2">{leg.name}</Typography>
                      {leg.remoteParty !== leg.name && (
                        <Typography variant="caption" color="text.secondary">
                          {leg.remoteParty}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{leg.path}</TableCell>
                    <TableCell>
                      <Chip size="small" label={leg.role === 'host' ? 'Host' : 'Guest'} color={leg.role === 'host' ? 'primary' : 'default'} />
                    </TableCell>
                    <TableCell>
                      <LegState leg={leg} />
                    </TableCell>
                    <TableCell align="right">
                      <Tooltip title="Hang up">
                        <span>
                          <IconButton
                            aria-label={`Hang up ${leg.name}`}
                            size="small"
                            disabled={hangUp.isPending && hangUp.variables === leg.id}
                            onClick={() => hangUp.mutate(leg.id)}
                          >
                            <CallEndIcon fontSize="small" />
                          </IconButton>
                        </span>
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {hangUp.isError && <Alert severity="error">{hangUp.error.message}</Alert>}
        </Box>

        {log.length > 0 && (
          <Box>
            <Typography variant="subtitle1" component="h3">
              Call Bridge log
            </Typography>
            <Box
              component="ol"
              aria-label="Call Bridge log"
              sx={{ m: 0, p: 1, listStyle: 'none', fontFamily: 'monospace', fontSize: 12, maxHeight: 200, overflow: 'auto', bgcolor: 'action.hover', borderRadius: 1 }}
            >
              {log.slice(-30).map((entry, i) => (
                <li key={`${entry.at}-${i}`}>
                  {entry.at.slice(11, 19)} {entry.message}
                </li>
              ))}
            </Box>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

function LegState({ leg }: { leg: SimulatedLeg }) {
  const chip =
    leg.state === 'lobby' ? (
      <Chip size="small" color="warning" variant="outlined" label="Lobby" />
    ) : (
      <Chip size="small" color="success" variant="outlined" label="In conference" />
    );
  if (!leg.pending) return chip;
  const when = new Date(leg.pending.at).toLocaleTimeString();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {chip}
      <Typography variant="caption" color="text.secondary">
        {leg.pending.action === 'disconnect' ? `Disconnected at ${when}` : `Back to the lobby at ${when}`} (deactivationModeTime)
      </Typography>
    </Stack>
  );
}

function quickDialsOf(
  space: { uri?: string; secondaryUri?: string; callId?: string; passcode?: string } | undefined,
  methods: Array<{ uri?: string; callId?: string; passcode?: string }>,
): QuickDial[] {
  const routes: Array<{ dialBy: DialBy; address: string; pin: string }> = [];
  const add = (dialBy: DialBy, address: string | undefined, pin: string | undefined) => {
    if (address) routes.push({ dialBy, address, pin: pin ?? '' });
  };
  for (const owner of [...(space ? [space] : []), ...methods]) {
    add('uri', owner.uri, owner.passcode);
    if (owner === space) add('uri', space.secondaryUri, space.passcode);
    add('callId', owner.callId, owner.passcode);
  }
  const out: QuickDial[] = [];
  for (const r of routes) {
    // On a URI or call ID shared with a PIN, the way in without one is a blank PIN: #.
    const shared = routes.some((o) => o !== r && o.dialBy === r.dialBy && o.address === r.address);
    const pin = r.pin === '' && shared ? '#' : r.pin;
    const key = `${r.dialBy}:${r.address}:${pin}`;
    if (out.some((q) => q.key === key)) continue;
    const where = r.dialBy === 'uri' ? r.address : `Call ID ${r.address}`;
    const pinLabel = pin === '#' ? 'blank PIN (#)' : pin ? `PIN ${pin}` : 'no PIN';
    out.push({ key, label: `${where} · ${pinLabel}`, dialBy: r.dialBy, address: r.address, pin });
  }
  return out;
}
