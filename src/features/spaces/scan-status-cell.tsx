import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import { useQuery } from '@tanstack/react-query';
import { scanQueries } from '../../api/resources/scans';
import type { CoSpace } from '../../api/params/schemas';
import { ScanStatusChip, STATUS_LABELS } from '../../components/scan-status-chip';

/** "14:05" today, else "3 Mar": short enough for a list cell; the tooltip has the full time. */
function shortTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString()
    ? at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/**
 * The space's verdict in the latest scan that read it, with its time. A row asks once the user
 * stops scrolling; the rows in view share one request.
 */
export function ScanStatusCell({ space, settled }: { space: CoSpace; settled: boolean }) {
  const id = space.id ?? '';
  const status = useQuery({ ...scanQueries.spaceStatus(id), enabled: settled && id !== '', staleTime: 60_000 });
  if (status.isError) return <span aria-label="unknown">?</span>;
  if (status.data === undefined) return <span aria-label="not loaded yet">…</span>;
  if (status.data === null) return <span aria-label="not scanned">—</span>;
  const { status: verdict, scannedAt } = status.data;
  return (
    <Tooltip title={`${STATUS_LABELS[verdict].hint} Scanned ${new Date(scannedAt).toLocaleString()}.`}>
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
        <ScanStatusChip status={verdict} />
        <Box component="span" sx={{ fontSize: 12, color: 'text.secondary' }}>
          {shortTime(scannedAt)}
        </Box>
      </Box>
    </Tooltip>
  );
}
