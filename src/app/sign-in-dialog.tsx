import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { sessionCredentials } from '../api/transport/session';
import { isCmsError } from '../api/transport/errors';
import type { StudioTarget } from '../api/transport/studio-connection';
import { getSystemStatus } from '../api/resources/system';

const signInSchema = z.object({
  user: z.string().trim().min(1, { error: 'Enter the CMS API user name.' }).refine((u) => !u.includes(':'), {
    error: 'A user name cannot contain “:” in Basic authentication.',
  }),
  password: z.string().min(1, { error: 'Enter the password.' }),
});
type SignInForm = z.infer<typeof signInSchema>;

/**
 * Asks for CMS API credentials for `target` (the proxy holds none) while `open`. They stay in memory for this
 * tab only and are checked against /system/status before anything else is sent.
 */
export function SignInDialog({ target, open }: { target: StudioTarget; open: boolean }) {
  const queryClient = useQueryClient();

  const form = useForm<SignInForm>({ resolver: zodResolver(signInSchema), defaultValues: { user: '', password: '' } });

  const onSubmit = form.handleSubmit(async (values) => {
    sessionCredentials.set(values);
    try {
      await getSystemStatus();
      form.reset({ user: values.user, password: '' });
      await queryClient.invalidateQueries({ queryKey: ['cms'] });
    } catch (error) {
      sessionCredentials.clear();
      if (isCmsError(error) && error.kind === 'unauthorized') {
        form.setError('password', { message: 'CMS refused this user name or password.' });
      } else {
        form.setError('root', { message: error instanceof Error ? error.message : String(error) });
      }
    }
  });

  return (
    <Dialog open={open} aria-labelledby="sign-in-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="sign-in-title">Sign in to CMS</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {`${target.name === 'default' ? '' : `${target.name}: `}${target.url}`} — an API user of the Meeting Server.
            The password stays in this tab’s memory only.
          </DialogContentText>
          <Stack spacing={2}>
            {form.formState.errors.root && <Alert severity="error">{form.formState.errors.root.message}</Alert>}
            <Controller
              name="user"
              control={form.control}
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  label="User name"
                  autoComplete="username"
                  autoFocus
                  error={fieldState.invalid}
                  helperText={fieldState.error?.message}
                />
              )}
            />
            <Controller
              name="password"
              control={form.control}
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  type="password"
                  label="Password"
                  autoComplete="current-password"
                  error={fieldState.invalid}
                  helperText={fieldState.error?.message}
                />
              )}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button type="submit" variant="contained" loading={form.formState.isSubmitting}>
            Sign in
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
