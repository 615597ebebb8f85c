import Alert from '@mui/material/Alert';
import { fieldId } from './form-fields';
import { useWizardValue } from './use-wizard-form';
import { normalizeUri } from '../domain/space-planning/wizard-schema';

/** Says what happens to a typed `user@domain` (or `sip:`): only the user part is kept. */
export function UriNote({ name }: { name: 'space.uri' | 'access.uri' }) {
  const value = useWizardValue(name);
  const note = typeof value === 'string' ? normalizeUri(value).note : undefined;
  return (
    <div aria-live="polite" id={`${fieldId(name)}-note`}>
      {note && (
        <Alert severity="info" role="note" sx={{ mt: 1 }}>
          {note}
        </Alert>
      )}
    </div>
  );
}
