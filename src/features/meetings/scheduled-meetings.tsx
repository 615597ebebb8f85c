import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { bulkQueries, mappingPrefix } from '../../api/resources/bulk';
import { callQueries } from '../../api/resources/calls';
import type { CoSpace, CospaceBulkParameterSet } from '../../api/params/schemas';
import { listAllSpaces, spaceQueries } from '../../api/resources/spaces';
import { FormText } from '../../components/form-text';
import { changeSession, type ChangeSession } from '../../api/changes/change-session';
import { dialOutStep, endMeetingSteps, extendMeetingSteps, nextFreeSlot, placeholderSlots, startMeetingSteps, type Slot, type Step } from './meeting-ops';
import { useMeetingRecords, type MeetingRecord } from './meeting-registry';
import { dialOutSchema, meetingSchema, randomPasscode, type MeetingValues } from './meeting-schema';
import { OperationDialog } from './operation-dialog';

const LIVE_MS = 10_000;

const spacesByPrefix = (prefix: string) =>
  queryOptions({
    queryKey: [...spaceQueries.lists(), 'meetings', prefix] as const,
    queryFn: ({ signal }) => listAllSpaces(prefix === '' ? {} : { filter: prefix }, signal),
  });

function defaultSet(sets: readonly CospaceBulkParameterSet[]): string {
  const named = sets.filter((s) => s.coSpaceNameMapping);
  return (named.find((s) => s.coSpaceNameMapping?.includes('TMS_Scheduled_Meeting')) ?? named[0])?.id ?? '';
}

type Operation = { title: string; intro?: string; steps: Step[]; session: ChangeSession; confirmLabel: string; danger?: boolean; onSuccess?: () => void };

/** The journaled run of one meeting operation, begun with its first write. */
const meetingSession = (name: string, title: string, space: { id: string; label: string }): ChangeSession =>
  changeSession({ origin: { kind: 'page', name: `meetings/${name}` }, title, spaces: [space] });

export function ScheduledMeetings() {
  const sets = useQuery(bulkQueries.sets());
  const [picked, setPicked] = useState<string | null>(null);
  const setId = picked ?? defaultSet(sets.data?.items ?? []);
  const set = sets.data?.items.find((s) => s.id === setId);
  const prefix = mappingPrefix(set?.coSpaceNameMapping ?? '');
  const spaces = useQuery({ ...spacesByPrefix(prefix), enabled: set !== undefined });
  const calls = useQuery({ ...callQueries.listAll(), refetchInterval: LIVE_MS });
  const records = useMeetingRecords();
  const [operation, setOperation] = useState<Operation | null>(null);

  const slots = set && spaces.data && calls.data ? placeholderSlots(set, spaces.data.items, calls.data.items, records) : [];
  const free = nextFreeSlot(slots);
  const running = records.filter((r) => r.setId === setId);
  const named = (sets.data?.items ?? []).filter((s) => s.coSpaceNameMapping);

  return (
    <Paper variant="outlined" component="section" aria-labelledby="meetings-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="meetings-title">
        Scheduled meetings
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        As TMS does: a meeting takes the lowest-numbered placeholder space without an active call, renames it, opens it to non-members
        with a passcode, creates its call and dials out. Ending it puts the placeholder back.
      </Typography>
      {sets.isError && <Alert severity="error">CMS did not list the bulk sets: {sets.error.message}</Alert>}
      {sets.isSuccess && named.length === 0 && <Alert severity="info">No bulk set with a name mapping: create the placeholders first (Bulk spaces).</Alert>}
      {named.length > 0 && (
        <TextField
          select
          label="Placeholder set"
          value={setId}
          onChange={(e) => setPicked(e.target.value)}
          sx={{ minWidth: 420, mb: 2 }}
          helperText={set ? `${set.coSpaceNameMapping} over ${set.startIndex}–${set.endIndex}` : undefined}
        >
          {named.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.coSpaceNameMapping} ({s.startIndex}–{s.endIndex}) {s.id}
            </MenuItem>
          ))}
        </TextField>
      )}
      {(spaces.isError || calls.isError) && <Alert severity="error">{(spaces.error ?? calls.error)?.message}</Alert>}
      {set && slots.length > 0 && <SlotTable slots={slots} />}

      {set && (
        <StartMeeting
          free={free}
          onReview={(slot, values, reset) => {
            const title = `Start “${values.name}” on ${slot.placeholderName}`;
            const session = meetingSession('start', title, { id: slot.space.id, label: slot.placeholderName });
            setOperation({
              onSuccess: reset,
              title,
              intro: 'TMS’s requests, in order:',
              steps: startMeetingSteps(session, setId, slot, {
                name: values.name,
                passcode: values.passcode,
                participants: values.participants.map((p) => p.remoteParty),
              }),
              session,
              confirmLabel: 'Start meeting',
            });
          }}
        />
      )}

      {running.length > 0 && (
        <Stack spacing={2} sx={{ mt: 3 }}>
          <Typography variant="subtitle1" component="h3">
            Meetings in progress
          </Typography>
          {running.map((meeting) => (
            <MeetingCard key={meeting.spaceId} meeting={meeting} onOperation={setOperation} />
          ))}
        </Stack>
      )}
      {operation && <OperationDialog {...operation} onClose={() => setOperation(null)} />}
    </Paper>
  );
}

function SlotTable({ slots }: { slots: Slot[] }) {
  return (
    <Table size="small" aria-label="Placeholder spaces">
      <TableHead>
        <TableRow>
          <TableCell>Index</TableCell>
          <TableCell>Placeholder</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Space</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {slots.map((slot) => {
          const state = slot.meeting
            ? { label: `Meeting “${slot.meeting.name}”`, color: 'primary' as const }
            : slot.space && slot.activeCall
              ? { label: 'In a call', color: 'warning' as const }
              : slot.space
                ? { label: 'Free', color: 'success' as const }
                : { label: 'No space has this name (in use elsewhere, or missing)', color: 'default' as const };
          return (
            <TableRow key={slot.index}>
              <TableCell>{slot.index}</TableCell>
              <TableCell>{slot.placeholderName}</TableCell>
              <TableCell>
                <Chip size="small" label={state.label} color={state.color} />
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{slot.meeting?.spaceId ?? slot.space?.id ?? ''}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function StartMeeting({
  free,
  onReview,
}: {
  free: Slot | undefined;
  onReview: (slot: Slot & { space: CoSpace & { id: string } }, values: MeetingValues, reset: () => void) => void;
}) {
  const form = useForm<MeetingValues>({ resolver: zodResolver(meetingSchema), defaultValues: { name: '', passcode: '', participants: [] } });
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  const submit = form.handleSubmit((values) => {
    if (!free?.space) {
      form.setError('root', { message: 'Every placeholder is in use: end a meeting, or make more placeholders.' });
      return;
    }
    onReview({ ...free, space: free.space }, values, () => form.reset());
  });

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        Start a meeting
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {free ? (
          <>
            Next free placeholder: <strong>{free.placeholderName}</strong> (space {free.space?.id}).
          </>
        ) : (
          'No free placeholder: every one has a meeting or an active call.'
        )}
      </Typography>
      <form onSubmit={submit} noValidate aria-label="Start a meeting">
        <Stack spacing={2} sx={{ maxWidth: 640 }}>
          {form.formState.errors.root && <Alert severity="error">{form.formState.errors.root.message}</Alert>}
          <FormText control={form.control} name="name" label="Meeting name" required helperText="The space takes this name while the meeting runs" />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <FormText control={form.control} name="passcode" label="Passcode" required numeric helperText="Callers enter it at the IVR" />
            <Button sx={{ mt: 1, flexShrink: 0 }} onClick={() => form.setValue('passcode', randomPasscode(), { shouldValidate: true })}>
              Generate
            </Button>
          </Stack>
          <Typography variant="body2">Participants to dial out to ({participants.fields.length})</Typography>
          {participants.fields.map((field, i) => (
            <Stack key={field.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <FormText control={form.control} name={`participants.${i}.remoteParty`} label={`Participant ${i + 1} address`} helperText="SIP URI, phone number or user JID" />
              <IconButton aria-label={`Remove participant ${i + 1}`} onClick={() => participants.remove(i)} sx={{ mt: 1 }}>
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          {form.formState.errors.participants?.root && <Alert severity="error">{form.formState.errors.participants.root.message}</Alert>}
          <Stack direction="row" spacing={1}>
            <Button startIcon={<AddIcon />} onClick={() => participants.append({ remoteParty: '' })}>
              Add participant
            </Button>
            <Button type="submit" variant="contained" disabled={!free}>
              Review
            </Button>
          </Stack>
        </Stack>
      </form>
    </Paper>
  );
}

function MeetingCard({ meeting, onOperation }: { meeting: MeetingRecord; onOperation: (op: Operation) => void }) {
  const space = useQuery(spaceQueries.detail(meeting.spaceId));
  const legs = useQuery({ ...callQueries.callLegs(meeting.callId ?? ''), enabled: meeting.callId !== undefined, refetchInterval: LIVE_MS });
  const [dialing, setDialing] = useState(false);
  const s = space.data;
  const journaled = (name: string, title: string) => meetingSession(name, title, { id: meeting.spaceId, label: meeting.name });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={`Meeting ${meeting.name}`}>
      <Typography sx={{ fontWeight: 'bold' }}>{meeting.name}</Typography>
      <Typography variant="body2">
        On {meeting.placeholderName} (space <code>{meeting.spaceId}</code>), started {new Date(meeting.startedAt).toLocaleTimeString()}
        {meeting.extendedAt ? `, extended ${new Date(meeting.extendedAt).toLocaleTimeString()}` : ''}.
      </Typography>
      {space.isError && <Alert severity="warning">CMS did not give the space: {space.error.message}</Alert>}
      {s && (
        <Typography variant="body2">
          On CMS: name “{s.name}”, non-members {s.nonMemberAccess ? 'can join' : 'cannot join'}, {s.passcode ? 'a passcode is set' : 'no passcode'}.
        </Typography>
      )}
      <Typography variant="body2">
        Call: {meeting.callId ? <code>{meeting.callId}</code> : 'none'}
        {legs.data ? `, ${legs.data.total} call leg${legs.data.total === 1 ? '' : 's'}: ${legs.data.items.map((l) => l.remoteParty ?? l.name ?? l.id).join(', ')}` : ''}
      </Typography>
      {legs.isError && <Alert severity="warning">The call’s legs could not be read: {legs.error.message}</Alert>}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button size="small" variant="outlined" disabled={!meeting.callId} onClick={() => setDialing(true)}>
          Dial out
        </Button>
        <Button
          size="small"
          variant="outlined"
          onClick={() => {
            const title = `Extend “${meeting.name}”`;
            const session = journaled('extend', title);
            onOperation({
              title,
              intro: 'TMS extends a meeting by sending the same PUT again. CMS has no end time for a space, so nothing changes there; it records that the meeting was extended.',
              steps: extendMeetingSteps(session, meeting),
              session,
              confirmLabel: 'Extend',
            });
          }}
        >
          Extend
        </Button>
        <Button
          size="small"
          variant="outlined"
          color="error"
          onClick={() => {
            const title = `End “${meeting.name}”`;
            const session = journaled('end', title);
            onOperation({
              title,
              intro: 'Everyone in the call is disconnected, and the space becomes a free placeholder again. Links with the old secret stop working.',
              steps: endMeetingSteps(session, meeting),
              session,
              confirmLabel: 'End meeting',
              danger: true,
            });
          }}
        >
          End meeting
        </Button>
      </Stack>
      {dialing && meeting.callId && (
        <DialOutDialog
          onClose={() => setDialing(false)}
          onReview={(remoteParty) => {
            setDialing(false);
            const title = `Dial out to ${remoteParty}`;
            const session = journaled('dial-out', title);
            onOperation({ title, steps: [dialOutStep(session, () => meeting.callId, remoteParty)], session, confirmLabel: 'Dial' });
          }}
        />
      )}
    </Paper>
  );
}

function DialOutDialog({ onClose, onReview }: { onClose: () => void; onReview: (remoteParty: string) => void }) {
  const form = useForm<{ remoteParty: string }>({ resolver: zodResolver(dialOutSchema), defaultValues: { remoteParty: '' } });
  return (
    <Dialog open onClose={onClose} aria-labelledby="dial-out-title" fullWidth maxWidth="sm">
      <form onSubmit={form.handleSubmit((v) => onReview(v.remoteParty))} noValidate aria-label="Dial out">
        <DialogTitle id="dial-out-title">Dial out</DialogTitle>
        <DialogContent>
          <Stack sx={{ pt: 1 }}>
            <FormText control={form.control} name="remoteParty" label="Address to dial" required autoFocus helperText="SIP URI, phone number or user JID; CMS’s outbound dial plan routes it" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            Review
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
