import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { exportScanResults, type ScanOrder } from '../../api/resources/scans';
import type { ScanResultFilter } from '../../api/wire/scan-contract';
import { saveFile } from '../../lib/save-file';

/** The server's export of the listed results, in the list's order; results hold PIN presence, never a PIN. */
export function ExportButtons({ filter, order }: { filter: ScanResultFilter; order: ScanOrder }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'json' | 'csv') => {
    setBusy(true);
    setError(undefined);
    try {
      const { filename, blob } = await exportScanResults(filter, order, format);
      saveFile(filename, blob);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {(['json', 'csv'] as const).map((format) => (
        <Button key={format} size="small" variant="outlined" disabled={busy} onClick={() => void run(format)}>
          Export as {format.toUpperCase()}
        </Button>
      ))}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
