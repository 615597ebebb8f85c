import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { CoSpace } from '../../api/params/schemas';
import { spaceQueries } from '../../api/resources/spaces';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CheckboxInput, fieldId, RadioInput, TextInput } from '../form-fields';
import { UriNote } from '../uri-note';
import { useWizardFormContext, useWizardValue } from '../use-wizard-form';
import { useWizard } from '../wizard-context';

const GUEST_PIN_HINT: Record<string, string> = {
  'different-uris': 'Usually empty: guests are told apart by the address they dial.',
  'same-uri-two-pins': 'Guests enter this PIN; it must differ from the host PIN.',
  'blank-guest-pin': 'Leave empty: guests press # or wait instead of entering a PIN.',
  'members-are-hosts': 'Optional: guests enter it if set; members signed in to the web app need none.',
};

/** "now on CMS" beside a field of an existing space. */
function now(value: unknown, secret = false): string {
  if (value === undefined || value === null || value === '') return 'Now on CMS: not set.';
  if (secret) return 'Now on CMS: a PIN is set (shown on Review when revealed).';
  return `Now on CMS: ${String(value)}.`;
}

/** Step "Space": create one, or pick an existing one and change only what the wizard needs. */
export function SpaceStep() {
  const { scenario, snapshot, ready, readError, onSpaceModeChange } = useWizard();
  const mode = useWizardValue('space.mode');
  const existing = mode === 'existing';
  const current = existing ? snapshot?.space : undefined;
  const note = (value: unknown, secret = false) => (current ? now(value, secret) : undefined);

  return (
    <Stack spacing={3}>
      <RadioInput
        name="space.mode"
        label="Which space?"
        {...(onSpaceModeChange ? { onValueChange: onSpaceModeChange } : {})}
        options={[
          { value: 'create', label: 'Create a new space' },
          { value: 'existing', label: 'Change an existing space' },
        ]}
      />
      {existing && <SpaceFinder />}
      {existing && !ready && <LinearProgress aria-label="Reading the space from CMS" />}
      {readError && <Alert severity="error">{readError}</Alert>}
      {existing && current && (
        <Alert severity="info" role="note">
          Only the values that differ from what CMS holds now are sent. The space keeps everything else (its secret, other access methods,
          members you do not list).
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput name="space.name" label="Space name" required helperText="Shown in the web app and the space list." note={note(current?.name)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput
            name="space.uri"
            label="Space URI (user part)"
            required
            helperText="What guests dial before @your-domain, e.g. guest.space."
            note={note(current?.uri)}
          />
          <UriNote name="space.uri" />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput name="space.callId" label="Space call ID" required numeric helperText="Digits guests type in the IVR or the web app." note={note(current?.callId)} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextInput
            name="space.passcode"
            label="Guest PIN (passcode of the space)"
            numeric
            helperText={GUEST_PIN_HINT[scenario]}
            note={note(current?.passcode, true)}
          />
        </Grid>
        {scenario === 'members-are-hosts' && (
          <>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput
                name="space.ownerJid"
                label="Owner (user JID)"
                required
                helperText="The user who owns the space; hosts when signed in to the web app."
                note={note(current?.ownerJid)}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <CheckboxInput
                name="space.nonMemberAccess"
                label="Guests who are not members may join (nonMemberAccess)"
                helperText={['Off: only members can join.', note(current?.nonMemberAccess)].filter(Boolean).join(' ')}
              />
            </Grid>
          </>
        )}
      </Grid>
      {existing && snapshot && <CurrentChildren />}
    </Stack>
  );
}

function CurrentChildren() {
  const { snapshot } = useWizard();
  if (!snapshot) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="space-now-heading">
      <Typography id="space-now-heading" variant="subtitle1" component="h3">
        Now on CMS
      </Typography>
      <Typography variant="body2">
        Guest call leg profile on the space: {snapshot.space.callLegProfile ?? 'none (the tenant or system one applies)'}.
        {snapshot.space.callProfile ? ` Call profile: ${snapshot.space.callProfile}.` : ''}
      </Typography>
      <Typography variant="body2">
        {snapshot.accessMethods.length === 0
          ? 'No access methods.'
          : `Access methods: ${snapshot.accessMethods.map((m) => `${m.uri ?? '(no URI)'} / ${m.callId ?? '(no call ID)'}`).join('; ')}.`}
      </Typography>
      <Typography variant="body2">
        {snapshot.members.length === 0 ? 'No members.' : `Members: ${snapshot.members.map((m) => m.userJid).join(', ')}.`}
      </Typography>
    </Paper>
  );
}

function spaceLabel(space: CoSpace): string {
  const parts = [space.uri ? `URI ${space.uri}` : undefined, space.callId ? `call ID ${space.callId}` : undefined].filter(Boolean);
  return `${space.name ?? '(no name)'}${parts.length ? ` — ${parts.join(', ')}` : ''}`;
}

/** Search by name, URI or call ID (CMS `filter`), then pick one; the pick is the form's `space.id`. */
function SpaceFinder() {
  const { control } = useWizardFormContext();
  const { snapshot } = useWizard();
  const [search, setSearch] = useState('');
  const filter = useDebouncedValue(search.trim(), 300);
  const results = useQuery({ ...spaceQueries.list({ ...(filter ? { filter } : {}), limit: 10 }), placeholderData: keepPreviousData });
  const items = results.data?.items ?? [];
  const name = 'space.id';
  const id = fieldId(name);
  const picked = snapshot?.space;
  const options = picked && !items.some((s) => s.id?.toLowerCase() === picked.id.toLowerCase()) ? [picked, ...items] : items;

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <TextField
          id="space-search"
          label="Find a space by name, URI or call ID"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          slotProps={{ htmlInput: { 'aria-describedby': 'space-search-count' } }}
        />
        <Typography id="space-search-count" variant="body2" aria-live="polite">
          {results.isFetching
            ? 'Searching…'
            : results.isError
              ? `Could not search: ${results.error.message}`
              : `${results.data?.total ?? 0} ${results.data?.total === 1 ? 'space matches' : 'spaces match'}${
                  (results.data?.total ?? 0) > items.length ? `; the first ${items.length} are shown, type more to narrow` : ''
                }.`}
        </Typography>
        <Controller
          name={name}
          control={control}
          render={({ field, fieldState }) => (
            <FormControl error={fieldState.invalid}>
              <FormLabel id={`${id}-label`}>Space to change</FormLabel>
              <RadioGroup
                aria-labelledby={`${id}-label`}
                aria-describedby={fieldState.error ? `${id}-helper-text` : undefined}
                name={field.name}
                value={field.value ?? ''}
                onChange={(event) => field.onChange(event.target.value)}
                onBlur={field.onBlur}
              >
                <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
                  {options.map((space, i) => (
                    <FormControlLabel
                      key={space.id}
                      value={space.id ?? ''}
                      label={spaceLabel(space)}
                      control={<Radio id={i === 0 ? id : undefined} slotProps={{ input: { ref: i === 0 ? field.ref : undefined } }} />}
                      sx={{ display: 'flex' }}
                    />
                  ))}
                </Box>
              </RadioGroup>
              {fieldState.error && <FormHelperText id={`${id}-helper-text`}>{fieldState.error.message}</FormHelperText>}
            </FormControl>
          )}
        />
      </Stack>
    </Paper>
  );
}
