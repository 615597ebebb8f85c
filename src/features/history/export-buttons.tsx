import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { exportRuns } from '../../api/resources/journal';
import type { RunFilter } from '../../api/wire/journal-contract';
import { saveFile } from '../../lib/save-file';

/** The server's export (JSON or CSV) of the runs matching `filter`; passcodes are always masked in it. */
export function ExportButtons({ filter, label }: { filter: RunFilter; label: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'json' | 'csv') => {
    setBusy(true);
    setError(undefined);
    try {
      const { filename, blob } = await exportRuns(filter, format);
      saveFile(filename, blob);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Button size="small" variant="outlined" disabled={busy} onClick={() => void run('json')} title="Passcodes and secrets are masked in every export">
        {label} as JSON
      </Button>
      <Button size="small" variant="outlined" disabled={busy} onClick={() => void run('csv')} title="Passcodes and secrets are masked in every export">
        {label} as CSV
      </Button>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
