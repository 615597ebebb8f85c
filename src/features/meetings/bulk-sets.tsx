import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bulkQueries, describeSyncStatus, type BulkSyncStatus } from '../../api/resources/bulk';
import { runChanges } from '../../api/changes/run-changes';
import type { CospaceBulkParameterSet } from '../../api/params/schemas';
import { BulkSetForm } from './bulk-set-form';
import { SyncProgress } from './sync-progress';

type Action = { kind: 'sync' | 'remove'; set: CospaceBulkParameterSet };

const text = (v: string | undefined) => (v === undefined || v === '' ? <em>unset</em> : <code>{v}</code>);

export function BulkSets() {
  const sets = useQuery(bulkQueries.sets());
  const syncs = useQuery(bulkQueries.syncs());
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);

  const lastSync = (setId: string | undefined) => syncs.data?.items.filter((s) => s.cospaceBulkParameterSet === setId).at(-1);

  return (
    <Paper variant="outlined" component="section" aria-labelledby="bulk-title" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" id="bulk-title" sx={{ flexGrow: 1 }}>
          Bulk spaces
        </Typography>
        {!creating && (
          <Button variant="contained" onClick={() => setCreating(true)}>
            New bulk set
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        A coSpaceBulkParameterSet describes a range of spaces; a coSpaceBulkSync makes (or removes) them in the background. TMS makes its
        scheduling placeholders this way.
      </Typography>
      {creating && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <BulkSetForm onClose={() => setCreating(false)} />
        </Paper>
      )}
      {sets.isError && <Alert severity="error">CMS did not list the bulk sets: {sets.error.message}</Alert>}
      {sets.data && sets.data.items.length === 0 && <Typography>No bulk parameter sets on this CMS.</Typography>}
      {sets.data && sets.data.items.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label="Bulk parameter sets">
            <TableHead>
              <TableRow>
                <TableCell>Set</TableCell>
                <TableCell>Range</TableCell>
                <TableCell>Name mapping</TableCell>
                <TableCell>URI mapping</TableCell>
                <TableCell>Call ID mapping</TableCell>
                <TableCell>Non-members</TableCell>
                <TableCell>Last sync</TableCell>
                <TableCell>Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sets.data.items.map((set) => {
                const sync = lastSync(set.id);
                const described = sync ? describeSyncStatus(sync.status) : undefined;
                return (
                  <TableRow key={set.id}>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{set.id}</TableCell>
                    <TableCell>
                      {set.startIndex}–{set.endIndex}
                    </TableCell>
                    <TableCell>{text(set.coSpaceNameMapping)}</TableCell>
                    <TableCell>{text(set.coSpaceUriMapping)}</TableCell>
                    <TableCell>{text(set.coSpaceCallIdMapping)}</TableCell>
                    <TableCell>{set.nonMemberAccess === undefined ? 'default' : set.nonMemberAccess ? 'yes' : 'no'}</TableCell>
                    <TableCell>
                      {described ? (
                        <Chip size="small" label={described.title} color={described.severity === 'info' ? 'default' : described.severity} />
                      ) : (
                        'never'
                      )}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        <Button size="small" onClick={() => setAction({ kind: 'sync', set })} aria-label={`Sync set ${set.id}`}>
                          Sync
                        </Button>
                        <Button size="small" color="error" onClick={() => setAction({ kind: 'remove', set })} aria-label={`Remove set ${set.id}`}>
                          Remove
                        </Button>
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {action && <SyncDialog action={action} onClose={() => setAction(null)} />}
    </Paper>
  );
}

/** Sync again, or remove: a `removeAll` sync takes the set's spaces away, then the set itself is deleted. */
function SyncDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const queryClient = useQueryClient();
  const setId = action.set.id ?? '';
  const removing = action.kind === 'remove';
  const origin = { kind: 'page', name: removing ? 'meetings/bulk-remove' : 'meetings/bulk-sync' } as const;
  const start = useMutation({
    mutationFn: async () => {
      const done = await runChanges({
        origin,
        title: `${removing ? 'Remove the spaces of' : 'Sync'} bulk set ${setId}`,
        steps: [{ key: 'sync', title: removing ? 'Start a sync that removes every space of the set' : 'Start a sync of the set', operation: { op: 'startBulkSync', form: { cospaceBulkParameterSet: setId, ...(removing ? { removeAll: true } : {}) } }, creates: 'sync' }],
      });
      return { syncId: done.ledger.refs.sync ?? '', notes: done.notes };
    },
  });
  const removeSet = useMutation({
    mutationFn: () =>
      runChanges({ origin, title: `Delete bulk set ${setId}`, steps: [{ key: 'set', title: 'Delete the bulk parameter set', operation: { op: 'deleteBulkParameterSet', set: setId } }] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bulkQueries.all() }),
  });
  const [finished, setFinished] = useState<BulkSyncStatus | null>(null);

  const onFinished = (status: BulkSyncStatus) => {
    setFinished(status);
    if (removing && status === 'complete') removeSet.mutate();
  };
  const busy = start.isPending || (start.isSuccess && finished === null) || removeSet.isPending;

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="sync-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="sync-dialog-title">{removing ? 'Remove the set and its spaces?' : 'Sync the set again?'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {removing ? (
            <DialogContentText>
              1. <code>POST /api/v1/cospaceBulkSyncs cospaceBulkParameterSet={setId}&amp;removeAll=true</code>: CMS removes every space the
              set made. 2. Once that sync is complete, <code>DELETE /api/v1/cospaceBulkParameterSets/{setId}</code>. Calls in those spaces
              end.
            </DialogContentText>
          ) : (
            <DialogContentText>
              <code>POST /api/v1/cospaceBulkSyncs cospaceBulkParameterSet={setId}</code>: CMS replaces the spaces the set made with spaces
              built from its current mappings, indices {action.set.startIndex} to {action.set.endIndex}. Spaces in use are replaced too:
              their calls end and running meetings on them are lost.
            </DialogContentText>
          )}
          {start.isError && <Alert severity="error">{start.error.message}</Alert>}
          {start.data?.notes.map((note) => (
            <Alert key={note} severity="info">
              {note}
            </Alert>
          ))}
          {start.data && <SyncProgress syncId={start.data.syncId} onFinished={onFinished} />}
          {removing && finished !== null && finished !== 'complete' && (
            <Alert severity="warning">The set was kept: its spaces were not removed.</Alert>
          )}
          {removeSet.isError && <Alert severity="error">The spaces are gone, but deleting the set failed: {removeSet.error.message}</Alert>}
          {removeSet.isSuccess && <Alert severity="success">{['Set', setId, 'and its spaces are removed.', ...removeSet.data.notes].join(' ')}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {start.isSuccess ? 'Close' : 'Cancel'}
        </Button>
        {!start.isSuccess && (
          <Button variant="contained" color={removing ? 'error' : 'primary'} loading={start.isPending} onClick={() => start.mutate()}>
            {removing ? 'Remove set and spaces' : 'Sync'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
