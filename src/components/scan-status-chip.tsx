import Chip from '@mui/material/Chip';
import type { ScanStatus } from '../api/wire/scan-contract';

type ChipColor = 'default' | 'success' | 'error' | 'warning' | 'info';

/** The verdict words of the space page (Fail, Check, Pass), and Unread for a space CMS did not answer for. */
export const STATUS_LABELS: Record<ScanStatus, { label: string; color: ChipColor; hint: string }> = {
  fail: { label: 'Fail', color: 'error', hint: 'Something to fix: guests or hosts cannot join as intended.' },
  warn: { label: 'Check', color: 'warning', hint: 'Works, with a warning worth a look.' },
  pass: { label: 'Pass', color: 'success', hint: 'Guests wait for a host, and a host can get in.' },
  unread: { label: 'Unread', color: 'default', hint: 'CMS did not answer the reads of this space; a resumed scan reads it again.' },
};

/** A space's verdict in a scan, as the audit and the Spaces list show it. */
export function ScanStatusChip({ status }: { status: ScanStatus }) {
  const look = STATUS_LABELS[status];
  return <Chip size="small" color={look.color} label={look.label} />;
}
