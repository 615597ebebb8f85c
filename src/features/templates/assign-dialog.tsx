import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { describeCmsFailure } from '../../api/transport/errors';
import { fieldFailures } from '../../api/transport/failure-fields';
import { FormText } from '../../components/form-text';
import { placeCmsFailures } from '../../components/place-cms-failures';
import type { TemplateOverview, TemplatesOverview } from './template-overview';
import { assignPlan, ldapSourcePlan, ldapSourceSchema, type LdapSourceValues } from './template-plans';
import { SavedNote, useApplyPlan } from '../../components/apply-plan';

const usersSchema = z.object({ users: z.array(z.string()).min(1, { error: 'Choose at least one user.' }) });
type UsersValues = z.infer<typeof usersSchema>;

/** Every CMS failure as a sentence, for the one field a form has for it. */
function failureSentence(error: unknown): string | undefined {
  const sentences = fieldFailures(error).map(({ failure }) => describeCmsFailure(failure));
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

function UsersForm({ entry, users }: { entry: TemplateOverview; users: TemplatesOverview['users'] }) {
  const assigned = new Set(entry.assignments.map((a) => a.userId.toLowerCase()));
  const choices = users.filter((u) => !assigned.has(u.id.toLowerCase()));
  const form = useForm<UsersValues>({ resolver: zodResolver(usersSchema), defaultValues: { users: [] } });
  const apply = useApplyPlan();
  const onSubmit = form.handleSubmit(({ users: ids }) =>
    apply.mutate(
      assignPlan(
        entry.template,
        ids.map((id) => ({ id, userJid: users.find((u) => u.id === id)?.userJid })),
      ),
      { onError: (error) => form.setError('users', { message: failureSentence(error) ?? error.message }) },
    ),
  );
  if (apply.data) return <SavedNote done={apply.data} what="Assigned: these users can make spaces from the template in the web app." />;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Assign to users">
      <Stack spacing={1.5}>
        <Typography variant="subtitle2">Users (POST /users/&lt;id&gt;/userCoSpaceTemplates)</Typography>
        <Controller
          name="users"
          control={form.control}
          render={({ field, fieldState }) => (
            <Autocomplete
              multiple
              options={choices.map((u) => u.id)}
              getOptionLabel={(id) => {
                const user = users.find((u) => u.id === id);
                return user ? `${user.userJid ?? id}${user.name ? ` (${user.name})` : ''}` : id;
              }}
              value={field.value}
              onChange={(_event, value) => field.onChange(value)}
              renderInput={(params) => <TextField {...params} label="Users" error={fieldState.invalid} helperText={fieldState.error?.message ?? `${choices.length} users do not have it yet.`} />}
            />
          )}
        />
        <Button type="submit" variant="contained" loading={apply.isPending} sx={{ alignSelf: 'flex-start' }}>
          Assign
        </Button>
      </Stack>
    </form>
  );
}

function LdapForm({ entry }: { entry: TemplateOverview }) {
  const form = useForm<LdapSourceValues, unknown, z.output<typeof ldapSourceSchema>>({ resolver: zodResolver(ldapSourceSchema), defaultValues: { ldapSource: '', filter: '' } });
  const apply = useApplyPlan();
  const onSubmit = form.handleSubmit((values) =>
    apply.mutate(ldapSourcePlan(entry.template, values), {
      onError: (error) => {
        if (!placeCmsFailures(form.setError, error, (p) => (p === 'filter' ? 'filter' : 'ldapSource'))) form.setError('ldapSource', { message: error.message });
      },
    }),
  );
  if (apply.data) return <SavedNote done={apply.data} what="The users this LDAP source finds get the template at the next LDAP sync." />;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Assign to an LDAP source">
      <Stack spacing={1.5}>
        <Typography variant="subtitle2">An LDAP source (POST /ldapUserCoSpaceTemplateSources)</Typography>
        <FormText control={form.control} name="ldapSource" label="LDAP source id" helperText="The /ldapSources object whose users get the template at the next sync." />
        <FormText control={form.control} name="filter" label="Extra LDAP filter (optional)" helperText="e.g. (memberOf=cn=hosts,dc=example,dc=com)" />
        <Button type="submit" variant="outlined" loading={apply.isPending} sx={{ alignSelf: 'flex-start' }}>
          Add the LDAP source
        </Button>
      </Stack>
    </form>
  );
}

/** Give a template to users (picked from /users) or to the users an LDAP source finds. */
export function AssignDialog({ entry, users, onClose }: { entry: TemplateOverview; users: TemplatesOverview['users']; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} aria-labelledby="assign-title" fullWidth maxWidth="sm">
      <DialogTitle id="assign-title">Assign “{entry.template.name ?? entry.template.id}”</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="info">An assigned user can make spaces from this template in the web app; spaces made before keep their settings.</Alert>
          <UsersForm entry={entry} users={users} />
          <Divider />
          <LdapForm entry={entry} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
