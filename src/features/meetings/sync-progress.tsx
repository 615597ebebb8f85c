import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { bulkQueries, describeSyncStatus, isSyncFinished, type BulkSyncStatus } from '../../api/resources/bulk';
import { spaceQueries } from '../../api/resources/spaces';

const POLL_MS = 500;
const STEP_VALUE: Record<'pending' | 'running', number> = { pending: 15, running: 60 };

/** Follows one coSpaceBulkSync until CMS reports it complete or failed, then refreshes the space lists. */
export function SyncProgress({ syncId, onFinished }: { syncId: string; onFinished?: (status: BulkSyncStatus) => void }) {
  const queryClient = useQueryClient();
  const sync = useQuery({
    ...bulkQueries.sync(syncId),
    refetchInterval: (query) => (isSyncFinished(query.state.data?.status) ? false : POLL_MS),
  });
  const status = sync.data?.status;
  const finished = isSyncFinished(status);
  const notify = useEffectEvent((done: BulkSyncStatus) => onFinished?.(done));

  useEffect(() => {
    if (!finished || status === undefined) return;
    void queryClient.invalidateQueries({ queryKey: spaceQueries.all() });
    void queryClient.invalidateQueries({ queryKey: bulkQueries.all() });
    notify(status);
  }, [finished, status, queryClient]);

  const described = describeSyncStatus(status);
  const failed = described.severity === 'error';
  const value = finished ? 100 : STEP_VALUE[status === 'running' ? 'running' : 'pending'];
  return (
    <Stack spacing={1} aria-live="polite">
      <Typography variant="body2">
        Sync <code>{syncId}</code>: <strong>{status ?? 'asking CMS…'}</strong>
      </Typography>
      <LinearProgress
        variant="determinate"
        value={value}
        color={failed ? 'error' : finished ? 'success' : 'primary'}
        aria-label="Sync progress"
        aria-valuetext={described.title}
      />
      {sync.isError && <Alert severity="warning">Could not read the sync’s status: {sync.error.message}. Still trying.</Alert>}
      {finished && (
        <Alert severity={described.severity}>
          <AlertTitle>{described.title}</AlertTitle>
          {described.text}
        </Alert>
      )}
      {!finished && <Typography variant="body2">{described.text}</Typography>}
    </Stack>
  );
}
