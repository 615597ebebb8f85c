import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { scanQueries } from '../../api/resources/scans';
import type { Scan } from '../../api/wire/scan-contract';
import { formatCount } from '../../domain/profile-resolution/words';
import type { AuditSearch } from './audit-search';
import { formatTime, scanStateLabel } from './labels';

/** The listed scan against an earlier one of its cluster: problems new since then, and problems fixed since. */
export function ComparisonBar({
  scan,
  base,
  earlier,
  change,
  live,
  onChange,
}: {
  scan: Scan;
  base: Scan;
  earlier: readonly Scan[];
  change: AuditSearch['change'];
  live: boolean;
  onChange: (key: keyof AuditSearch, value: string) => void;
}) {
  const comparison = useQuery({
    ...scanQueries.compare(scan.id, base.id, `${scan.state}:${scan.counts.results}`),
    refetchInterval: live ? 3_000 : false,
    placeholderData: keepPreviousData,
  });
  const n = comparison.data;
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} component="section" aria-label="Comparison">
      <TextField select size="small" label="Compare with" value={base.id} onChange={(e) => onChange('base', e.target.value)} sx={{ minWidth: 280 }}>
        {earlier.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {formatTime(s.startedAt)} · {scanStateLabel(s)} · {formatCount(s.counts.results)} spaces
          </MenuItem>
        ))}
      </TextField>
      <ToggleButtonGroup size="small" exclusive value={change} onChange={(_e, value: string | null) => onChange('change', value ?? '')} aria-label="Change since the earlier scan">
        <ToggleButton value="new">New since: {n ? formatCount(n.new) : '…'}</ToggleButton>
        <ToggleButton value="fixed">Fixed since: {n ? formatCount(n.fixed) : '…'}</ToggleButton>
      </ToggleButtonGroup>
      <Typography variant="body2" color="text.secondary">
        Spaces with a problem the scan of {formatTime(base.startedAt)} did not find, or with one it found that is gone now.
      </Typography>
    </Stack>
  );
}
