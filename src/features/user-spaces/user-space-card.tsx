import { placeCmsFailures } from '../../components/place-cms-failures';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
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
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { LAYOUTS } from '../../api/params/layouts';
import type { CoSpace } from '../../api/params/schemas';
import { coSpaceParams } from '../../api/params/co-space';
import { beforeValues } from '../../api/resources/operations';
import { runChanges } from '../../api/changes/run-changes';
import { spaceQueries } from '../../api/resources/spaces';
import { FormText } from '../../components/form-text';
import { modifySchema, type ModifyValues } from './user-id';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Props {
  spaceId: string;
  userId: string;
  onChanged: (message: string) => void;
  onDeleted: (message: string) => void;
}

export function UserSpaceCard({ spaceId, userId, onChanged, onDeleted }: Props) {
  const space = useQuery(spaceQueries.detail(spaceId));
  const [dialog, setDialog] = useState<'modify' | 'delete' | null>(null);
  const s = space.data;
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

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={`Space of ${userId}`}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        The space of {userId}
      </Typography>
      {space.isError && <Alert severity="error">CMS did not give the space: {space.error.message}</Alert>}
      {s && (
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
          {dialog === 'modify' && (
            <ModifyDialog
              space={s}
              onClose={() => setDialog(null)}
              onDone={(message) => {
                setDialog(null);
                onChanged(message);
              }}
            />
          )}
          {dialog === 'delete' && (
            <DeleteDialog
              space={s}
              onClose={() => setDialog(null)}
              onDone={(message) => {
                setDialog(null);
                onDeleted(message);
              }}
            />
          )}
        </>
      )}
    </Paper>
  );
}

type ModifyField = keyof ModifyValues;
const MODIFY_FIELDS: readonly ModifyField[] = ['name', 'secondaryUri', 'callId', 'defaultLayout'];

function currentValues(space: CoSpace): ModifyValues {
  return {
    name: space.name ?? '',
    secondaryUri: space.secondaryUri ?? '',
    callId: space.callId ?? '',
    defaultLayout: space.defaultLayout ?? '',
  };
}

/** The field a CMS failure belongs to on this form (a clash on "uri" can only be the secondary URI here). */
function modifyFieldOf(field: string | undefined): ModifyField | undefined {
  if (field === 'uri') return 'secondaryUri';
  return MODIFY_FIELDS.find((f) => f.toLowerCase() === field?.toLowerCase());
}

/** The space as History lists it. */
const spaceRefOf = (space: CoSpace) => (space.id ? [{ id: space.id, label: space.uri ?? space.name ?? space.id }] : []);

function ModifyDialog({ space, onClose, onDone }: { space: CoSpace; onClose: () => void; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const before = currentValues(space);
  const form = useForm<ModifyValues>({ resolver: zodResolver(modifySchema), defaultValues: before });
  const [changes, setChanges] = useState<Partial<ModifyValues> | null>(null);

  const onReview = form.handleSubmit((values) => {
    const changed = MODIFY_FIELDS.filter((f) => values[f] !== before[f]);
    if (changed.length === 0) {
      form.setError('root', { message: 'Nothing changed.' });
      return;
    }
    setChanges(Object.fromEntries(changed.map((f) => [f, values[f]])) as Partial<ModifyValues>);
  });

  const save = useMutation({
    mutationFn: (form: Partial<ModifyValues>) =>
      runChanges({
        origin: { kind: 'page', name: 'user-spaces/modify' },
        title: `Modify space “${space.name ?? space.id}”`,
        spaces: spaceRefOf(space),
        steps: [{ key: 'space', title: `Change ${Object.keys(form).join(', ')} of the space`, operation: { op: 'updateSpace', space: space.id ?? '', form, before: beforeValues(coSpaceParams, space, form) } }],
      }),
    onSuccess: async ({ notes }, sent) => {
      await queryClient.invalidateQueries({ queryKey: spaceQueries.all() });
      onDone([`Saved ${Object.keys(sent).join(', ')} of space “${sent.name ?? space.name}”.`, ...notes].join(' '));
    },
    onError: (error) => {
      if (placeCmsFailures(form.setError, error, modifyFieldOf)) setChanges(null);
    },
  });

  const show = (value: string | undefined) => (value === '' || value === undefined ? '(not set)' : value);
  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} aria-labelledby="modify-title" fullWidth maxWidth="sm">
      <DialogTitle id="modify-title">{changes ? 'Save these changes?' : `Modify “${space.name ?? space.id}”`}</DialogTitle>
      {changes === null ? (
        <form onSubmit={onReview} noValidate aria-label="Modify the space">
          <DialogContent>
            <Stack spacing={2}>
              {form.formState.errors.root && <Alert severity="info">{form.formState.errors.root.message}</Alert>}
              <FormText control={form.control} name="name" label="Space name" required autoFocus />
              <FormText control={form.control} name="secondaryUri" label="Secondary URI" helperText="Empty unsets it" />
              <FormText control={form.control} name="callId" label="Call ID" numeric helperText="Empty unsets it" />
              <FormText
                control={form.control}
                name="defaultLayout"
                label="Default layout"
                options={[{ value: '', label: '(not set: the call leg profiles decide)' }, ...LAYOUTS.map((l) => ({ value: l, label: l }))]}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="contained">
              Review
            </Button>
          </DialogActions>
        </form>
      ) : (
        <>
          <DialogContent>
            <Typography gutterBottom>
              <code>PUT /api/v1/coSpaces/{space.id}</code> with only the changed fields:
            </Typography>
            <Table size="small" aria-label="Changes">
              <TableBody>
                {Object.entries(changes).map(([field, value]) => (
                  <TableRow key={field}>
                    <TableCell>{field}</TableCell>
                    <TableCell>
                      {show(before[field as ModifyField])} → {show(value)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {save.isError && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {errorText(save.error)}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setChanges(null)} disabled={save.isPending}>
              Back
            </Button>
            <Button variant="contained" loading={save.isPending} onClick={() => save.mutate(changes)}>
              Save
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function DeleteDialog({ space, onClose, onDone }: { space: CoSpace; onClose: () => void; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      runChanges({
        origin: { kind: 'page', name: 'user-spaces/delete' },
        title: `Delete space “${space.name ?? space.id}”`,
        spaces: spaceRefOf(space),
        steps: [{ key: 'space', title: 'Delete the space', operation: { op: 'deleteSpace', space: space.id ?? '' } }],
      }),
    onSuccess: async ({ notes }) => {
      await queryClient.invalidateQueries({ queryKey: spaceQueries.lists() });
      onDone([`Deleted space “${space.name ?? space.id}”.`, ...notes].join(' '));
    },
  });
  return (
    <Dialog open onClose={remove.isPending ? undefined : onClose} aria-labelledby="delete-title">
      <DialogTitle id="delete-title">Delete “{space.name ?? space.id}”?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          <code>DELETE /api/v1/coSpaces/{space.id}</code>. CMS also removes its access methods and members, and ends its calls. This cannot be
          undone.
        </DialogContentText>
        {remove.isError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorText(remove.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button color="error" variant="contained" loading={remove.isPending} onClick={() => remove.mutate()}>
          Delete space
        </Button>
      </DialogActions>
    </Dialog>
  );
}
