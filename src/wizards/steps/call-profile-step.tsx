import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { Controller } from 'react-hook-form';
import { useCurrentState } from '../current-state-query';
import { fieldId, RadioInput, TextInput } from '../form-fields';
import { shortId } from '../profile-summary';
import { useWizardFormContext, useWizardValue } from '../use-wizard-form';
import { PASSCODE_TIMEOUT_RANGE } from '../../domain/space-planning/wizard-schema';

/** Step "Call profile" (scenario 3): how the IVR takes a blank guest PIN. */
export function CallProfileStep() {
  const mode = useWizardValue('callProfile.mode');
  const passcodeMode = useWizardValue('callProfile.passcodeMode');
  return (
    <Stack spacing={3}>
      <Alert severity="info" role="note">
        <AlertTitle>SIP and IVR callers only, CMS 2.1 or later</AlertTitle>
        The call profile’s PIN mode decides what a caller who dials the shared address hears when they have no PIN. It changes nothing in the
        web app, where guests simply join by call ID without a PIN. It needs CMS 2.1 or later.
      </Alert>
      <RadioInput
        name="callProfile.mode"
        label="Which call profile?"
        options={[
          { value: 'create', label: 'Create a call profile' },
          { value: 'existing', label: 'Reuse an existing call profile' },
        ]}
      />
      {mode === 'existing' ? (
        <CallProfilePicker />
      ) : (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12 }}>
            <RadioInput
              name="callProfile.passcodeMode"
              label="When a caller has no PIN (passcodeMode)"
              options={[
                { value: 'required', label: 'required', description: 'the IVR waits until the caller presses # (a blank PIN)' },
                { value: 'timeout', label: 'timeout', description: 'after a few seconds without input, the IVR takes it as a blank PIN' },
              ]}
            />
          </Grid>
          {passcodeMode === 'timeout' && (
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <TextInput
                name="callProfile.passcodeTimeout"
                label="Seconds before a blank PIN (passcodeTimeout)"
                numeric
                asNumber
                required
                helperText={`${PASSCODE_TIMEOUT_RANGE.min} to ${PASSCODE_TIMEOUT_RANGE.max} seconds; the guide uses 5.`}
              />
            </Grid>
          )}
        </Grid>
      )}
    </Stack>
  );
}

function CallProfilePicker() {
  const { control } = useWizardFormContext();
  const current = useCurrentState({ scenario: 'blank-guest-pin' });
  const profiles = current.data?.callProfiles ?? [];
  const name = 'callProfile.id';
  const id = fieldId(name);
  return (
    <Box>
      {current.isFetching && <LinearProgress aria-label="Reading call profiles from CMS" />}
      {current.isError && <Alert severity="error">Could not read the call profiles: {current.error.message}</Alert>}
      <Controller
        name={name}
        control={control}
        render={({ field, fieldState }) => (
          <FormControl error={fieldState.invalid}>
            <FormLabel id={`${id}-label`}>
              {profiles.length} call {profiles.length === 1 ? 'profile' : 'profiles'} on CMS: pick one that sets passcodeMode
            </FormLabel>
            <RadioGroup
              aria-labelledby={`${id}-label`}
              aria-describedby={fieldState.error ? `${id}-helper-text` : undefined}
              name={field.name}
              value={field.value ?? ''}
              onChange={(event) => field.onChange(event.target.value)}
              onBlur={field.onBlur}
            >
              {profiles.map((p, i) => {
                const settings = Object.entries(p)
                  .filter(([k, v]) => k !== 'id' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
                  .map(([k, v]) => `${k} = ${String(v)}`);
                return (
                  <FormControlLabel
                    key={p.id}
                    value={p.id}
                    control={<Radio id={i === 0 ? id : undefined} slotProps={{ input: { ref: i === 0 ? field.ref : undefined } }} />}
                    label={`${shortId(p.id)}: ${settings.length ? settings.join(' · ') : 'sets nothing'}${p.passcodeMode === undefined ? ' (no passcodeMode)' : ''}`}
                  />
                );
              })}
            </RadioGroup>
            {fieldState.error && <FormHelperText id={`${id}-helper-text`}>{fieldState.error.message}</FormHelperText>}
          </FormControl>
        )}
      />
    </Box>
  );
}
