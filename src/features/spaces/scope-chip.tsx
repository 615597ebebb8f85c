import Chip from '@mui/material/Chip';
import { SCOPE_LABELS, type SourceScope } from './scope-labels';

const COLORS: Partial<Record<SourceScope, 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning'>> = {
  global: 'default',
  tenant: 'secondary',
  coSpace: 'primary',
  accessMethod: 'info',
  coSpaceUser: 'success',
  callLeg: 'warning',
  callOut: 'warning',
};

/** Where a value in force comes from: "Space", "Access method", "CMS default". */
export function ScopeChip({ scope, profileId }: { scope: SourceScope; profileId?: string }) {
  return (
    <Chip
      size="small"
      variant={scope === 'default' ? 'outlined' : 'filled'}
      color={COLORS[scope] ?? 'default'}
      label={SCOPE_LABELS[scope]}
      title={profileId ? `callLegProfile ${profileId}` : undefined}
      sx={{ height: 20, fontSize: 11, '& .MuiChip-label': { px: 0.75 } }}
    />
  );
}

export function RoleChip({ role }: { role: 'host' | 'guest' }) {
  return (
    <Chip
      size="small"
      color={role === 'host' ? 'success' : 'default'}
      label={role}
      sx={{
        height: 20,
        fontSize: 11,
        fontWeight: 600,
        textTransform: 'uppercase',
        '& .MuiChip-label': { px: 0.75 },
        // White on the warning orange is too faint for 11 px text (axe color-contrast); black on its light shade is not.
        ...(role === 'guest' ? { bgcolor: 'warning.light', color: 'common.black' } : {}),
      }}
    />
  );
}
