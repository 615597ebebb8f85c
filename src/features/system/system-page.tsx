import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { GlobalProfiles } from './global-profiles';
import { StatusPanel } from './status-panel';
import { TenantProfiles } from './tenant-profiles';

export function SystemPage() {
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        System
      </Typography>
      <StatusPanel />
      <GlobalProfiles />
      <TenantProfiles />
    </Stack>
  );
}
