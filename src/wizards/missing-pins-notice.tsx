import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { labelOf } from '../domain/space-planning/wizard-fields';
import { useWizardValue } from './use-wizard-form';
import type { PinPath } from './wizard-session';

interface Props {
  /** PIN fields that held a value before the reload */
  missing: readonly PinPath[];
  onGoTo: (path: PinPath) => void;
}

/** After a reload: the PINs were not kept (they never are, outside this tab's memory); says which to enter again until they are. */
export function MissingPinsNotice({ missing, onGoTo }: Props) {
  const guest = useWizardValue('space.passcode') ?? '';
  const host = useWizardValue('access.passcode') ?? '';
  const empty = missing.filter((path) => (path === 'space.passcode' ? guest : host) === '');
  if (empty.length === 0) return null;
  const names = empty.map(labelOf);
  return (
    <Alert severity="warning" role="status">
      The page was reloaded: your values are back, but PINs are never stored in the browser. Enter the {names.join(' and the ')} again.
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {empty.map((path) => (
          <Button key={path} size="small" variant="outlined" color="inherit" onClick={() => onGoTo(path)}>
            Go to {labelOf(path)}
          </Button>
        ))}
      </Stack>
    </Alert>
  );
}
