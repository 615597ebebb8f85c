import { placeCmsFailures, sameNamedField } from '../../components/place-cms-failures';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { queryOptions, useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { runChanges } from '../../api/changes/run-changes';
import { findSpacesByUri, spaceQueries } from '../../api/resources/spaces';
import { listAllUsers, userQueries } from '../../api/resources/users';
import { FormText } from '../../components/form-text';
import { createSchema, userIdOfJid, type CreateValues } from './user-id';

const allUsers = () =>
  queryOptions({
    queryKey: [...userQueries.lists(), 'all'] as const,
    queryFn: ({ signal }) => listAllUsers({}, signal),
  });

const EMPTY: CreateValues = { userJid: '', name: '', uri: '', secondaryUri: '' };
const FIELDS = ['name', 'uri', 'secondaryUri'] as const;

interface Props {
  /** a user id just searched for without result: its CMS user is picked, if there is one */
  suggestedUserId?: string;
  onCreated: (uri: string, message: string) => void;
}

/** Creates a user's space from the CMS user record: name from the display name, URI from the user id, secondary URI from a phone number. */
export function CreateSpace({ suggestedUserId, onCreated }: Props) {
  const queryClient = useQueryClient();
  const users = useQuery(allUsers());
  const form = useForm<CreateValues>({ resolver: zodResolver(createSchema), defaultValues: EMPTY });
  const [review, setReview] = useState<CreateValues | null>(null);

  /** The list gives only the JID: the display name is in the user's own record. */
  const pickUser = async (jid: string) => {
    const user = users.data?.items.find((u) => u.userJid === jid);
    form.setValue('userJid', jid, { shouldValidate: true, shouldDirty: true });
    form.setValue('uri', userIdOfJid(jid), { shouldValidate: true, shouldDirty: true });
    if (!user?.id) return;
    try {
      const record = await queryClient.fetchQuery(userQueries.detail(user.id));
      if (form.getValues('userJid') === jid) form.setValue('name', record.name ?? userIdOfJid(jid), { shouldValidate: true, shouldDirty: true });
    } catch (error) {
      form.setError('userJid', { message: `CMS did not give this user’s record: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  useEffect(() => {
    if (!suggestedUserId || !users.data) return;
    const match = users.data.items.find((u) => u.userJid && userIdOfJid(u.userJid) === suggestedUserId);
    if (match?.userJid && form.getValues('userJid') === '') void pickUser(match.userJid);
    // pickUser only reads the users already loaded; re-running it on every render would undo edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [suggestedUserId, users.data]);

  const onReview = form.handleSubmit(async (values) => {
    // Checked first, so a clash lands on the field that causes it, not as CMS's answer to the whole POST.
    for (const field of ['uri', 'secondaryUri'] as const) {
      if (values[field] === '') continue;
      try {
        const taken = await findSpacesByUri(values[field]);
        if (taken.length > 0) {
          form.setError(field, { message: `“${values[field]}” is already the URI or secondary URI of space “${taken[0]?.name ?? taken[0]?.id}”.` });
          return;
        }
      } catch (error) {
        form.setError('root', { message: `Could not check the URIs: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
    }
    setReview(values);
  });

  const create = useMutation({
    mutationFn: async (values: CreateValues) => {
      const form = { name: values.name, uri: values.uri, ...(values.secondaryUri === '' ? {} : { secondaryUri: values.secondaryUri }) };
      const { ledger, notes } = await runChanges({
        origin: { kind: 'page', name: 'user-spaces/create' },
        title: `Create space “${values.name}” for ${values.userJid}`,
        steps: [{ key: 'space', title: 'Create the space', operation: { op: 'createSpace', form }, creates: 'space' }],
      });
      return { id: ledger.refs.space, notes };
    },
    onSuccess: async ({ id, notes }, values) => {
      await queryClient.invalidateQueries({ queryKey: spaceQueries.lists() });
      setReview(null);
      form.reset(EMPTY);
      onCreated(values.uri.toLowerCase(), [`Created space “${values.name}” for ${values.userJid} (id ${id ?? '?'}).`, ...notes].join(' '));
    },
    onError: (error) => {
      if (placeCmsFailures(form.setError, error, sameNamedField(FIELDS))) setReview(null);
    },
  });

  const userOptions = (users.data?.items ?? []).flatMap((u) => (u.userJid ? [{ value: u.userJid, label: `${u.name ?? '(no name)'}: ${u.userJid}` }] : []));

  return (
    <Paper variant="outlined" component="section" aria-labelledby="create-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="create-title">
        Create a user’s space
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        From the CMS user record: the name from the user’s display name, the URI from the user id (the part of the JID before @), and
        the secondary URI from a phone number. CMS keeps no phone numbers for users, so type it if you know it.
      </Typography>
      {users.isError && <Alert severity="error">CMS did not list its users: {users.error.message}</Alert>}
      <form onSubmit={onReview} noValidate aria-label="Create a user’s space">
        <Stack spacing={2} sx={{ maxWidth: 640 }}>
          {form.formState.errors.root && <Alert severity="error">{form.formState.errors.root.message}</Alert>}
          <FormText
            control={form.control}
            name="userJid"
            label="CMS user"
            required
            options={userOptions}
            helperText={users.isPending ? 'Loading the users…' : `${users.data?.total ?? 0} users on this CMS (from its LDAP sync)`}
            onValueChange={(jid) => void pickUser(jid)}
          />
          <FormText control={form.control} name="name" label="Space name" required helperText="From the user’s display name" />
          <FormText control={form.control} name="uri" label="URI user part" required helperText="The user id" />
          <FormText control={form.control} name="secondaryUri" label="Phone number (secondary URI)" numeric helperText="Optional" />
          <div>
            <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
              Review
            </Button>
          </div>
        </Stack>
      </form>
      {review && <CreateDialog review={review} create={create} onBack={() => setReview(null)} />}
    </Paper>
  );
}

interface CreateDialogProps {
  review: CreateValues;
  create: UseMutationResult<{ id: string | undefined; notes: string[] }, Error, CreateValues>;
  onBack: () => void;
}

/** The POST to confirm, field by field; a secondary URI left empty is not sent. */
function CreateDialog({ review, create, onBack }: CreateDialogProps) {
  return (
    <Dialog open onClose={create.isPending ? undefined : onBack} aria-labelledby="review-create-title" fullWidth maxWidth="sm">
      <DialogTitle id="review-create-title">Create this space?</DialogTitle>
      <DialogContent>
        <Typography gutterBottom>
          <code>POST /api/v1/coSpaces</code> for {review.userJid}:
        </Typography>
        <Table size="small" aria-label="Space to create">
          <TableBody>
            <TableRow>
              <TableCell>name</TableCell>
              <TableCell>{review.name}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>uri</TableCell>
              <TableCell>{review.uri}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>secondaryUri</TableCell>
              <TableCell>{review.secondaryUri === '' ? <em>not sent</em> : review.secondaryUri}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        {create.isError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {create.error instanceof Error ? create.error.message : String(create.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onBack} disabled={create.isPending}>
          Back
        </Button>
        <Button variant="contained" loading={create.isPending} onClick={() => create.mutate(review)}>
          Create space
        </Button>
      </DialogActions>
    </Dialog>
  );
}
