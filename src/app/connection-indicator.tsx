import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionCredentials, sessionTarget } from '../api/transport/cms-client';
import { activeTarget, studioConnectionQueries, type StudioConnection, type StudioTarget } from '../api/transport/studio-connection';
import { useSession } from './session';

export function connectionLabel(connection: StudioConnection, target?: StudioTarget, signedInAs?: string): string {
  if (connection.mode === 'mock') return 'DEMO: mocked CMS';
  const active = target ?? activeTarget(connection, undefined);
  const host = hostOf(active?.url ?? connection.target);
  const user = active?.credentials === 'form' ? signedInAs : active?.user;
  return user ? `CMS: ${host} as ${user}` : `CMS: ${host}`;
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
  const session = useSession();
  const queryClient = useQueryClient();

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
  const target = activeTarget(data, session.target);
  const pickTarget = (name: string) => {
    sessionTarget.set(name);
    // Objects of one cluster mean nothing on another.
    queryClient.removeQueries({ queryKey: ['cms'] });
  };
  const signOut = () => {
    sessionCredentials.clear();
    queryClient.removeQueries({ queryKey: ['cms'] });
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {data.mode === 'cms' && data.targets.length > 1 && (
        <TextField
          select
          size="small"
          label="Cluster"
          value={target?.name ?? ''}
          onChange={(event) => pickTarget(event.target.value)}
          sx={{ minWidth: 140, bgcolor: 'background.paper', borderRadius: 1 }}
        >
          {data.targets.map((t) => (
            <MenuItem key={t.name} value={t.name}>
              {t.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Chip
        size="small"
        color={data.mode === 'mock' ? 'secondary' : 'success'}
        label={connectionLabel(data, target, session.credentials?.user)}
      />
      {target?.insecureTls && (
        <Tooltip title="CMS_INSECURE_TLS=1: the proxy does not check the CMS certificate">
          <Chip size="small" color="warning" label="TLS not verified" />
        </Tooltip>
      )}
      {target?.credentials === 'form' && session.credentials && (
        <Button size="small" color="inherit" onClick={signOut}>
          Sign out
        </Button>
      )}
    </Stack>
  );
}
