import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { WizardScenarioId } from '../../lib/wizard-links';
import { TextInput } from '../form-fields';
import { suggestedHostUri } from '../linked-fields';
import { UriNote } from '../uri-note';
import { useWizardFormContext, useWizardValue } from '../use-wizard-form';
import { useWizard } from '../wizard-context';
import { normalizeUri } from '../../domain/space-planning/wizard-schema';

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
  const { scenario } = useWizard();
  const { setValue } = useWizardFormContext();
  const spaceUri = useWizardValue('space.uri');
  const spaceCallId = useWizardValue('space.callId');
  const accessUri = useWizardValue('access.uri');
  const accessCallId = useWizardValue('access.callId');
  const normalizedSpaceUri = spaceUri ? normalizeUri(spaceUri).uri : '';
  const sameUriWanted = SAME_URI.has(scenario);
  const same = sameUriWanted && normalizedSpaceUri !== '' && normalizeUri(accessUri ?? '').uri.toLowerCase() === normalizedSpaceUri.toLowerCase();
  // Scenario 1: hosts get an address of their own, proposed from the space's (guest.space → host.space).
  const suggestion = scenario === 'different-uris' ? suggestedHostUri(spaceUri ?? '') : undefined;
  const use = (name: 'access.uri' | 'access.callId', value: string) => setValue(name, value, { shouldValidate: true, shouldDirty: true });

  return (
    <Stack spacing={3}>
      <Typography>{INTRO[scenario]}</Typography>
      {sameUriWanted && !same && normalizedSpaceUri !== '' && (
        <Alert
          severity="info"
          role="note"
          action={
            <Button color="inherit" onClick={() => use('access.uri', normalizedSpaceUri)}>
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
            <Button color="inherit" onClick={() => use('access.callId', spaceCallId)}>
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
            {...(suggestion ? { placeholder: `e.g. ${suggestion}` } : {})}
            helperText={
              sameUriWanted
                ? `The space URI${normalizedSpaceUri ? ` (${normalizedSpaceUri})` : ''}; it follows the space URI until you change it.`
                : 'A URI of its own, e.g. host.space.'
            }
          />
          <UriNote name="access.uri" />
          {suggestion && (accessUri ?? '').trim() === '' && (
            <Button size="small" sx={{ mt: 1 }} onClick={() => use('access.uri', suggestion)}>
              Use {suggestion}
            </Button>
          )}
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextInput
            name="access.callId"
            label="Host call ID"
            required
            numeric
            helperText={
              scenario === 'members-are-hosts'
                ? 'The space call ID; it follows the space call ID until you change it.'
                : 'Different from the space call ID: the IVR and the web app tell hosts apart by it.'
            }
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
      <MethodInPlace />
    </Stack>
  );
}

/** On an existing space: which access method the wizard changes in place, or that it adds one. */
function MethodInPlace() {
  const { snapshot } = useWizard();
  const { setValue } = useWizardFormContext();
  const id = useWizardValue('access.id') ?? '';
  const uri = normalizeUri(useWizardValue('access.uri') ?? '').uri.toLowerCase();
  const callId = (useWizardValue('access.callId') ?? '').trim();
  if (!snapshot) return null;
  const methods = snapshot.accessMethods;
  // No method picked: one with this URI and call ID is changed in place (the plan matches it the same way).
  const chosen =
    id === ''
      ? methods.find((m) => (m.uri ?? '').toLowerCase() === uri && (m.callId ?? '') === callId)
      : methods.find((m) => m.id.toLowerCase() === id.toLowerCase());
  const others = methods.length - (chosen ? 1 : 0);
  const moved = chosen !== undefined && ((chosen.uri ?? '').toLowerCase() !== uri || (chosen.callId ?? '') !== callId);
  const left = others === 0 ? '' : ` The space’s ${others === 1 ? 'other access method is' : `${others} other access methods are`} left as they are.`;
  if (chosen) {
    return (
      <Alert
        severity="info"
        role="note"
        action={
          moved && (
            <Button color="inherit" onClick={() => setValue('access.id', '', { shouldDirty: true })}>
              Keep it, add a new one
            </Button>
          )
        }
      >
        The wizard changes the host access method {chosen.uri ?? '(no URI)'} / {chosen.callId ?? '(no call ID)'} ({chosen.id}) in place: only the
        values that differ are sent.{left}
      </Alert>
    );
  }
  return (
    <Typography variant="body2" aria-live="polite">
      {methods.length === 0 ? 'The space has no access method yet: a new one is added.' : `A new access method is added.${left}`}
    </Typography>
  );
}
