import { placeCmsFailures, sameNamedField } from '../../components/place-cms-failures';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { callLegProfileQueries } from '../../api/resources/call-leg-profiles';
import { callProfileQueries } from '../../api/resources/call-profiles';
import type { CallLegProfile, CallProfile } from '../../api/params/schemas';
import { systemProfilesParams } from '../../api/params/system-profiles';
import { valueProblem } from '../../api/params/write-schema';
import { wireForm } from '../../api/resources/operation-facts';
import type { Operation } from '../../api/resources/operations';
import { runOperation } from '../../api/resources/run-operation';
import { systemQueries } from '../../api/resources/system';
import { countCallLegProfileReach, countCallProfileReach, type Reach } from './reach';

/** '' unsets the global profile, an id (checked as the table says) sets it. */
const profileRef = (name: 'callLegProfile' | 'callProfile') =>
  z.string().refine((id) => valueProblem(systemProfilesParams[name], id) === undefined, { error: 'Pick a profile from the list.' });

/** The form is the PUT's input: '' unsets the global profile, an id sets it. */
export const globalProfilesSchema = z.object({ callLegProfile: profileRef('callLegProfile'), callProfile: profileRef('callProfile') });
type Values = z.infer<typeof globalProfilesSchema>;
type Field = keyof Values;
const FIELDS: readonly Field[] = ['callLegProfile', 'callProfile'];
const NONE = '(none: the CMS defaults apply)';

const CALL_PROFILE_SUMMARY: ReadonlyArray<keyof CallProfile> = ['passcodeMode', 'passcodeTimeout', 'participantLimit', 'recordingMode', 'streamingMode', 'lockMode'];

const LEG_PROFILE_SUMMARY: ReadonlyArray<keyof CallLegProfile> = ['needsActivation', 'defaultLayout', 'deactivationMode', 'presentationContributionAllowed'];

/** Lab profiles have no names: a few of the settings tell them apart. */
function legProfileLabel(p: CallLegProfile): string {
  if (p.name) return `${p.name} (${p.id})`;
  const summary = LEG_PROFILE_SUMMARY.flatMap((k) => (p[k] === undefined ? [] : [`${k} ${String(p[k])}`])).join(', ');
  return summary ? `${p.id} (${summary})` : (p.id ?? '?');
}

function callProfileLabel(p: CallProfile): string {
  const summary = CALL_PROFILE_SUMMARY.flatMap((k) => (p[k] === undefined ? [] : [`${k} ${String(p[k])}`])).join(', ');
  return summary ? `${p.id} (${summary})` : (p.id ?? '?');
}

export function GlobalProfiles() {
  const profiles = useQuery(systemQueries.profiles());
  const legProfiles = useQuery(callLegProfileQueries.listAll());
  const callProfiles = useQuery(callProfileQueries.listAll());
  const current: Values = { callLegProfile: profiles.data?.callLegProfile ?? '', callProfile: profiles.data?.callProfile ?? '' };
  const form = useForm<Values>({ resolver: zodResolver(globalProfilesSchema), values: current });
  const [review, setReview] = useState<Partial<Values> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const labels: Record<Field, (id: string) => string> = {
    callLegProfile: (id) => {
      const p = legProfiles.data?.items.find((x) => x.id === id);
      return id === '' ? NONE : p ? legProfileLabel(p) : id;
    },
    callProfile: (id) => {
      const p = callProfiles.data?.items.find((x) => x.id === id);
      return id === '' ? NONE : p ? callProfileLabel(p) : id;
    },
  };
  const options: Record<Field, Array<{ value: string; label: string }>> = {
    callLegProfile: (legProfiles.data?.items ?? []).map((p) => ({ value: p.id ?? '', label: legProfileLabel(p) })),
    callProfile: (callProfiles.data?.items ?? []).map((p) => ({ value: p.id ?? '', label: callProfileLabel(p) })),
  };

  const onReview = form.handleSubmit((values) => {
    setSaved(null);
    const changed = FIELDS.filter((f) => values[f] !== current[f]);
    if (changed.length === 0) {
      form.setError('root', { message: 'Nothing changed: pick another profile first.' });
      return;
    }
    setReview(Object.fromEntries(changed.map((f) => [f, values[f]])) as Partial<Values>);
  });

  const onFailure = (error: unknown): boolean => placeCmsFailures(form.setError, error, sameNamedField(FIELDS));

  const loadError = profiles.error ?? legProfiles.error ?? callProfiles.error;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="global-profiles-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="global-profiles-title">
        Global profiles
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        The least specific level (/system/profiles): it applies wherever no tenant, space, access method or member sets a profile
        of its own.
      </Typography>
      {loadError && <Alert severity="error">CMS did not give the profiles: {loadError.message}</Alert>}
      {saved && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      <form onSubmit={onReview} noValidate aria-label="Global profiles">
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          {form.formState.errors.root && <Alert severity="info">{form.formState.errors.root.message}</Alert>}
          {FIELDS.map((field) => (
            <Controller
              key={field}
              name={field}
              control={form.control}
              render={({ field: input, fieldState }) => (
                <TextField
                  select
                  label={field === 'callLegProfile' ? 'Global callLegProfile' : 'Global callProfile'}
                  {...input}
                  disabled={!profiles.isSuccess}
                  error={fieldState.invalid}
                  helperText={fieldState.error?.message ?? `In force system wide now: ${labels[field](current[field])}`}
                >
                  <MenuItem value="">{NONE}</MenuItem>
                  {options[field].map((o) => (
                    <MenuItem key={o.value} value={o.value}>
                      {o.label}
                    </MenuItem>
                  ))}
                  {current[field] !== '' && !options[field].some((o) => o.value === current[field]) && (
                    <MenuItem value={current[field]}>{current[field]} (not found)</MenuItem>
                  )}
                </TextField>
              )}
            />
          ))}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={!profiles.isSuccess}>
              Review change
            </Button>
            <Button onClick={() => form.reset(current)} disabled={!form.formState.isDirty}>
              Undo
            </Button>
          </Stack>
        </Stack>
      </form>
      {review && (
        <ReviewDialog
          changes={review}
          current={current}
          labels={labels}
          onClose={() => setReview(null)}
          onSaved={(text) => {
            setReview(null);
            setSaved(text);
          }}
          onFailure={(error) => {
            if (onFailure(error)) setReview(null);
          }}
        />
      )}
    </Paper>
  );
}

interface ReviewProps {
  changes: Partial<Values>;
  current: Values;
  labels: Record<Field, (id: string) => string>;
  onClose: () => void;
  onSaved: (message: string) => void;
  /** a failure CMS reported against a field goes to that field */
  onFailure: (error: unknown) => void;
}

function ReachText({ field, reach }: { field: Field; reach: Reach }) {
  const profile = field === 'callLegProfile' ? 'callLegProfile' : 'callProfile';
  return (
    <>
      <Typography sx={{ fontWeight: 'bold' }}>
        Reaches {reach.reached} of {reach.total} spaces.
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {reach.total} spaces, minus {reach.own} with a {profile} of their own, minus {reach.viaTenant} without one in a tenant that sets
        one. {field === 'callLegProfile'
          ? `Counted with ${reach.requests} requests: the total of one space page, the total for each callLegProfile filter, and the spaces of each tenant that sets a callLegProfile.`
          : `Counted with ${reach.requests} requests: CMS cannot filter spaces by callProfile, so each space was read.`}{' '}
        Access methods and members with a profile of their own are not subtracted: in a reached space, they still use theirs.
      </Typography>
    </>
  );
}

function ReviewDialog({ changes, current, labels, onClose, onSaved, onFailure }: ReviewProps) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; of: number }>();
  const legReach = useQuery({
    queryKey: ['cms', 'system', 'reach', 'callLegProfile'],
    queryFn: ({ signal }) => countCallLegProfileReach(signal),
    enabled: changes.callLegProfile !== undefined,
    gcTime: 0,
  });
  const callReach = useQuery({
    queryKey: ['cms', 'system', 'reach', 'callProfile'],
    queryFn: ({ signal }) => countCallProfileReach(signal, (done, of) => setProgress({ done, of })),
    enabled: changes.callProfile !== undefined,
    gcTime: 0,
  });
  const operation: Operation = {
    op: 'updateSystemProfiles',
    form: changes,
    before: Object.fromEntries(FIELDS.filter((f) => changes[f] !== undefined).map((f) => [f, current[f]])),
  };
  const save = useMutation({
    mutationFn: () => runOperation(operation),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: systemQueries.profiles().queryKey }),
        queryClient.invalidateQueries({ queryKey: callLegProfileQueries.all() }),
      ]);
      const fields = FIELDS.filter((f) => changes[f] !== undefined);
      onSaved(`Saved: ${fields.map((f) => `${f} is now ${labels[f](changes[f] ?? '')}`).join('; ')}.`);
    },
    onError: onFailure,
  });
  const queries = { callLegProfile: legReach, callProfile: callReach };
  const counting = FIELDS.some((f) => changes[f] !== undefined && queries[f].isFetching);
  const body = new URLSearchParams(wireForm(operation)).toString();

  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} aria-labelledby="review-profiles-title" fullWidth maxWidth="md">
      <DialogTitle id="review-profiles-title">Review the global profile change</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {FIELDS.filter((f) => changes[f] !== undefined).map((field) => {
            const q = queries[field];
            return (
              <Stack key={field} spacing={0.5} aria-label={`Change of ${field}`}>
                <Typography>
                  <strong>{field}</strong>: {labels[field](current[field])} → {labels[field](changes[field] ?? '')}
                </Typography>
                {changes[field] === '' && (
                  <Typography variant="body2">Unsetting it: where no other level sets a value, the CMS defaults apply.</Typography>
                )}
                {q.isFetching && (
                  <>
                    <Typography variant="body2">
                      Counting the spaces it reaches…{field === 'callProfile' && progress ? ` ${progress.done} of ${progress.of} spaces read` : ''}
                    </Typography>
                    <LinearProgress
                      aria-label={`Counting the spaces ${field} reaches`}
                      {...(field === 'callProfile' && progress && progress.of > 0
                        ? { variant: 'determinate' as const, value: (100 * progress.done) / progress.of }
                        : {})}
                    />
                  </>
                )}
                {q.isError && <Alert severity="warning">Could not count the spaces it reaches: {q.error.message}</Alert>}
                {q.data && <ReachText field={field} reach={q.data} />}
              </Stack>
            );
          })}
          <Typography variant="body2">
            Request: <code>PUT /api/v1/system/profiles</code> with <code>{body}</code> (only the changed field{Object.keys(changes).length > 1 ? 's' : ''}).
          </Typography>
          {save.isError && <Alert severity="error">{save.error instanceof Error ? save.error.message : String(save.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => save.mutate()} loading={save.isPending} disabled={counting}>
          Apply system wide
        </Button>
      </DialogActions>
    </Dialog>
  );
}
