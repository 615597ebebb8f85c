import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { StudioTarget } from '../api/transport/studio-connection';

/** Which configured CMS cluster the studio talks to. */
export function ClusterPicker({ targets, value, onPick }: { targets: readonly StudioTarget[]; value: string; onPick: (name: string) => void }) {
  return (
    <TextField
      select
      size="small"
      label="Cluster"
      value={value}
      onChange={(event) => onPick(event.target.value)}
      sx={{ minWidth: 140, bgcolor: 'background.paper', borderRadius: 1 }}
    >
      {targets.map((t) => (
        <MenuItem key={t.name} value={t.name}>
          {t.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
