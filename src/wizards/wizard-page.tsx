import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { WIZARD_SCENARIOS, WIZARD_STEPS, type WizardScenarioId, type WizardStepId } from '../lib/wizard-links';
import { Wizard } from './wizard';

const isScenario = (value: string | undefined): value is WizardScenarioId => (WIZARD_SCENARIOS as readonly string[]).includes(value ?? '');
const isStep = (value: string | null): value is WizardStepId => (WIZARD_STEPS as readonly string[]).includes(value ?? '');

/** `/wizards/:scenario?space=<id>&step=<step>`: a wizard, optionally on an existing space at a given step. */
export function WizardPage() {
  const { scenario } = useParams();
  const [search] = useSearchParams();
  if (!isScenario(scenario)) {
    return (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Alert severity="error">There is no wizard called “{scenario}”.</Alert>
        <Button component={RouterLink} to="/wizards" variant="contained">
          See the four wizards
        </Button>
      </Stack>
    );
  }
  const space = search.get('space')?.trim() || undefined;
  const step = search.get('step');
  // A new scenario or space starts a new form; the URL is read once when the wizard opens.
  return <Wizard key={`${scenario}:${space ?? ''}`} scenario={scenario} {...(space ? { spaceId: space } : {})} {...(isStep(step) ? { initialStep: step } : {})} />;
}
