import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DeleteDialog } from '../../components/space-edits/delete-dialog';
import { EditDialog } from '../../components/space-edits/edit-dialog';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';

interface Props {
  spaceId: string;
  userId: string;
  /** the space was deleted: the search behind the card is stale */
  onDeleted: () => void;
}

/** A user's personal space; Modify and Delete are the space page's own dialogs, so both are journaled and undoable the same way. */
export function UserSpaceCard({ spaceId, userId, onDeleted }: Props) {
  const model = useQuery(spaceModelQueries.detail(spaceId));
  const [dialog, setDialog] = useState<'modify' | 'delete' | null>(null);
  const s = model.data?.space;
  const rows: Array<[string, string | undefined]> = s
    ? [
        ['Name', s.name],
        ['URI user part', s.uri],
        ['Secondary URI', s.secondaryUri],
        ['Call ID', s.callId],
        ['Default layout', s.defaultLayout],
        ['Non-member access', s.nonMemberAccess === undefined ? undefined : String(s.nonMemberAccess)],
        ['Owner', s.ownerJid],
        ['Id', s.id],
      ]
    : [];
  const spaceLabel = s?.uri ?? s?.name ?? spaceId;

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={`Space of ${userId}`}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        The space of {userId}
      </Typography>
      {model.isError && <Alert severity="error">CMS did not give the space: {model.error.message}</Alert>}
      {model.data && s && (
        <>
          <Table size="small" aria-label="User’s space">
            <TableBody>
              {rows.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell component="th" scope="row" sx={{ width: 180 }}>
                    {label}
                  </TableCell>
                  <TableCell>{value ?? <em>not set</em>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <Button variant="outlined" onClick={() => setDialog('modify')}>
              Modify
            </Button>
            <Button variant="outlined" color="error" onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </Stack>
          {dialog === 'modify' && <EditDialog target={{ kind: 'space', space: s }} spaceLabel={spaceLabel} onClose={() => setDialog(null)} />}
          {dialog === 'delete' && (
            <DeleteDialog
              target={{ kind: 'space', space: s }}
              spaceLabel={spaceLabel}
              contents={model.data}
              onClose={(deleted) => {
                setDialog(null);
                if (deleted) onDeleted();
              }}
            />
          )}
        </>
      )}
    </Paper>
  );
}
