import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { sessionCredentials, sessionTarget } from '../api/transport/session';
import { cmsReachability, type Reachability } from '../api/transport/cms-reachability';
import { activeTarget, studioConnectionQueries, type StudioConnection, type StudioTarget } from '../api/transport/studio-connection';
import { useSession } from './session';

// Only a studio configured with several clusters shows the picker: its select menu loads with it.
const ClusterPicker = lazy(async () => ({ default: (await import('./cluster-picker')).ClusterPicker }));

export function connectionLabel(connection: StudioConnection, target?: StudioTarget, signedInAs?: string): string {
  if (connection.mode === 'mock') return 'DEMO: mocked CMS';
  const active = target ?? activeTarget(connection, undefined);
  const host = hostOf(active?.url ?? connection.target);
  const user = active?.credentials === 'form' ? signedInAs : active?.user;
  return user ? `CMS: ${host} as ${user}` : `CMS: ${host}`;
}

/** Green while CMS answers; red, with the proxy's reason, once the proxy says CMS is unreachable or untrusted. */
function CmsChip({ connection, target, signedInAs, reach }: { connection: StudioConnection; target?: StudioTarget; signedInAs?: string; reach: Reachability }) {
  const label = connectionLabel(connection, target, signedInAs);
  if (connection.mode === 'mock') return <Chip size="small" color="secondary" label={label} />;
  if (reach.state !== 'down') return <Chip size="small" color="success" label={label} />;
  return (
    <Tooltip title={reach.problem.detail}>
      <Chip size="small" color="error" label={`${reach.problem.title}: ${hostOf(target?.url ?? connection.target)}`} sx={{ maxWidth: 420 }} />
    </Tooltip>
  );
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
  const readReach = () => cmsReachability.get(session.target);
  const reach = useSyncExternalStore(cmsReachability.subscribe, readReach, readReach);

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
        <Suspense fallback={<Chip size="small" label="Cluster…" variant="outlined" sx={{ color: 'inherit' }} />}>
          <ClusterPicker targets={data.targets} value={target?.name ?? ''} onPick={pickTarget} />
        </Suspense>
      )}
      <CmsChip connection={data} target={target} signedInAs={session.credentials?.user} reach={reach} />
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
