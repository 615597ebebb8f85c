import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { saveFile } from '../lib/save-file';

export type ExportFormat = 'json' | 'csv';

interface ExportButtonsProps {
  /** asks the server for the export in one format */
  exportAs: (format: ExportFormat) => Promise<{ filename: string; blob: Blob }>;
  /** what the buttons say before "as JSON" / "as CSV" */
  label: string;
  /** what the export leaves out, shown on hover */
  title: string;
}

/** Two buttons that save the server's JSON or CSV export, with its error in place. */
export function ExportButtons({ exportAs, label, title }: ExportButtonsProps) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    setError(undefined);
    try {
      const { filename, blob } = await exportAs(format);
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
        <Button key={format} size="small" variant="outlined" disabled={busy} onClick={() => void run(format)} title={title}>
          {label} as {format.toUpperCase()}
        </Button>
      ))}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
