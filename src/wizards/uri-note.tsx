import Alert from '@mui/material/Alert';
import { useWatch } from 'react-hook-form';
import { fieldId } from './form-fields';
import { normalizeUri } from './wizard-schema';

/** Says what happens to a typed `user@domain` (or `sip:`): only the user part is kept. */
export function UriNote({ name }: { name: string }) {
  const value = useWatch({ name }) as unknown;
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
