import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useQuery } from '@tanstack/react-query';
import { studioConnectionQueries, type StudioConnection } from '../api/studio-connection';

export function connectionLabel(connection: StudioConnection): string {
  if (connection.mode === 'mock') return 'DEMO: mocked CMS';
  const host = hostOf(connection.target);
  return connection.user ? `CMS: ${host} as ${connection.user}` : `CMS: ${host}`;
}

function hostOf(target: string): string {
  try {
    return new URL(target).host;
  } catch {
    return target;
  }
}

export function ConnectionIndicator() {
  const connection = useQuery(studioConnectionQueries.current());

  if (connection.isPending) {
    return <Chip size="small" label="Connecting…" variant="outlined" sx={{ color: 'inherit' }} />;
  }
  if (connection.isError) {
    return (
      <Tooltip title={connection.error.message}>
        <Chip size="small" color="error" label={`Not connected: ${connection.error.message}`} sx={{ maxWidth: 360 }} />
      </Tooltip>
    );
  }

  const data = connection.data;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Chip size="small" color={data.mode === 'mock' ? 'secondary' : 'success'} label={connectionLabel(data)} />
      {data.mode === 'cms' && data.insecureTls && (
        <Tooltip title="CMS_INSECURE_TLS=1: the proxy does not check the CMS certificate">
          <Chip size="small" color="warning" label="TLS not verified" />
        </Tooltip>
      )}
    </Stack>
  );
}
