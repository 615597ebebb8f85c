import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { useFormState } from 'react-hook-form';
import type { WizardScenarioId, WizardStepId } from '../lib/wizard-links';
import { fieldLabel } from './field-labels';
import { errorPaths, stepOfField } from './field-steps';
import { useWizardFormContext } from './use-wizard-form';

/**
 * The problems of the step in one list, announced when it appears (role="alert"); each entry
 * moves the focus to its field. Shown after a failed Next or a pre-flight that found problems.
 */
export function ErrorSummary({ scenario, step }: { scenario: WizardScenarioId; step: WizardStepId }) {
  const { control, getFieldState, setFocus } = useWizardFormContext();
  const formState = useFormState({ control });
  const { errors } = formState;
  const paths = errorPaths(errors).filter((p) => stepOfField(scenario, p) === step);
  if (paths.length === 0) return null;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>
        {paths.length === 1 ? 'One problem on this step' : `${paths.length} problems on this step`}
      </AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {paths.map((path) => {
          const message = getFieldState(path, formState).error?.message ?? 'Invalid value.';
          return (
            <li key={path}>
              <Link
                component="button"
                type="button"
                color="inherit"
                underline="always"
                sx={{ verticalAlign: 'baseline', textAlign: 'left', fontWeight: 500 }}
                onClick={() => {
                  try {
                    setFocus(path);
                  } catch {
                    // a field without an input of its own (a whole group): the message says enough
                  }
                }}
              >
                {fieldLabel(path)}
              </Link>
              : {message}
            </li>
          );
        })}
      </Box>
    </Alert>
  );
}
