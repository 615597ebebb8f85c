import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { WizardScenarioId } from '../../lib/wizard-links';
import { TextInput } from '../form-fields';
import { UriNote } from '../uri-note';
import { useWizardFormContext, useWizardValue } from '../use-wizard-form';
import { useWizard } from '../wizard-context';
import { normalizeUri } from '../wizard-schema';

const INTRO: Record<WizardScenarioId, string> = {
  'different-uris':
    'Hosts join through an access method of the space with its own URI and call ID, and the host profile. Guests keep dialling the space’s own URI and call ID.',
  'same-uri-two-pins':
    'Hosts dial the same URI as guests and enter the host PIN; the access method also gets its own call ID for the IVR and the web app.',
  'blank-guest-pin':
    'Hosts dial the same URI as guests and enter the host PIN; guests just press # (or wait). The access method also gets its own call ID.',
  'members-are-hosts':
    'Hosts who are not signed in to the web app dial the same URI and call ID as guests and enter the host PIN.',
};

const SAME_URI: ReadonlySet<WizardScenarioId> = new Set(['same-uri-two-pins', 'blank-guest-pin', 'members-are-hosts']);

/** Step "Access method": the host's way in. */
export function AccessStep() {
  const { scenario, snapshot } = useWizard();
  const { setValue } = useWizardFormContext();
  const spaceUri = useWizardValue('space.uri');
  const spaceCallId = useWizardValue('space.callId');
  const accessUri = useWizardValue('access.uri');
  const accessCallId = useWizardValue('access.callId');
  const normalizedSpaceUri = spaceUri ? normalizeUri(spaceUri).uri : '';
  const sameUriWanted = SAME_URI.has(scenario);
  const same = sameUriWanted && normalizedSpaceUri !== '' && normalizeUri(accessUri ?? '').uri.toLowerCase() === normalizedSpaceUri.toLowerCase();
  const matching = snapshot?.accessMethods.find(
    (m) => (m.uri ?? '').toLowerCase() === normalizeUri(accessUri ?? '').uri.toLowerCase() && (m.callId ?? '') === (accessCallId ?? '').trim(),
  );

  return (
    <Stack spacing={3}>
      <Typography>{INTRO[scenario]}</Typography>
      {sameUriWanted && !same && normalizedSpaceUri !== '' && (
        <Alert
          severity="info"
          role="note"
          action={
            <Button color="inherit" onClick={() => setValue('access.uri', normalizedSpaceUri, { shouldValidate: true, shouldDirty: true })}>
              Use {normalizedSpaceUri}
            </Button>
          }
        >
          In this setup the host URI is the space URI.
        </Alert>
      )}
      {scenario === 'members-are-hosts' && spaceCallId && accessCallId !== spaceCallId && (
        <Alert
          severity="info"
          role="note"
          action={
            <Button color="inherit" onClick={() => setValue('access.callId', spaceCallId, { shouldValidate: true, shouldDirty: true })}>
              Use {spaceCallId}
            </Button>
          }
        >
          In this setup the host call ID is the space call ID.
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput
            name="access.uri"
            label="Host URI (user part)"
            required
            helperText={sameUriWanted ? `The space URI${normalizedSpaceUri ? ` (${normalizedSpaceUri})` : ''}.` : 'A URI of its own, e.g. host.space.'}
          />
          <UriNote name="access.uri" />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput
            name="access.callId"
            label="Host call ID"
            required
            numeric
            helperText={scenario === 'members-are-hosts' ? 'The space call ID.' : 'Different from the space call ID, e.g. 888.'}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput
            name="access.passcode"
            label="Host PIN"
            numeric
            required={scenario !== 'different-uris'}
            helperText={scenario === 'different-uris' ? 'Usually empty: the address tells hosts apart.' : 'Hosts enter it; it must differ from the guest PIN.'}
          />
        </Grid>
      </Grid>
      {snapshot && (
        <Typography variant="body2" aria-live="polite">
          {matching
            ? `The space already has an access method with URI ${matching.uri} and call ID ${matching.callId}: the wizard changes it in place (PIN and profile only where they differ).`
            : snapshot.accessMethods.length > 0
              ? `The space has ${snapshot.accessMethods.length} other access ${snapshot.accessMethods.length === 1 ? 'method' : 'methods'}; they are left as they are and a new one is added.`
              : 'The space has no access method yet: a new one is added.'}
        </Typography>
      )}
    </Stack>
  );
}
