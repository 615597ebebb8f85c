import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { simulateSignIn, SimulationRefused } from '../../api/resources/mock-simulation';
import type { JoinAnswer } from '../../api/wire/simulation-contract';
import { planSignIn, type DialPlan } from '../../domain/space-evaluation/dial-plan';
import type { SpaceEvaluation } from '../../domain/space-evaluation/evaluate';
import { signInFormSchema, type SignInForm as SignInValues } from './simulation-forms';

interface Props {
  spaceId: string;
  evaluation: SpaceEvaluation | undefined;
  hostsInCall: number;
  onJoined: (answer: JoinAnswer, plan: DialPlan | undefined) => void;
}

/** A member signs in to the web app and joins from the space list. */
export function SignInForm({ spaceId, evaluation, hostsInCall, onJoined }: Props) {
  const members = evaluation?.model.members ?? [];
  const first = members[0]?.userJid ?? '';
  const form = useForm<SignInValues>({ resolver: zodResolver(signInFormSchema), values: { userJid: first }, resetOptions: { keepDirtyValues: true } });
  const signIn = useMutation({ mutationFn: (values: SignInValues) => simulateSignIn({ spaceId, userJid: values.userJid }) });
  const chosen = useWatch({ control: form.control, name: 'userJid' });

  const submit = form.handleSubmit((values) => {
    const plan = evaluation ? planSignIn(evaluation, values.userJid, hostsInCall) : undefined;
    signIn.mutate(values, {
      onSuccess: (answer) => onJoined(answer, plan),
      onError: (error) => form.setError(error instanceof SimulationRefused && error.field === 'userJid' ? 'userJid' : 'root', { message: error.message }),
    });
  });

  if (evaluation && members.length === 0) {
    return <Alert severity="info">This space has no members: add one (coSpaceUser) to let a signed-in user host it.</Alert>;
  }
  const plan = evaluation && chosen ? planSignIn(evaluation, chosen, hostsInCall) : undefined;
  return (
    <Box component="form" noValidate onSubmit={submit} aria-label="Member signs in">
      <Stack spacing={2}>
        <Controller
          name="userJid"
          control={form.control}
          render={({ field, fieldState }) => (
            <TextField
              select
              label="Member"
              size="small"
              {...field}
              error={fieldState.invalid}
              helperText={fieldState.error?.message ?? 'Signs in to the web app and joins from the space list'}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              sx={{ maxWidth: 420 }}
            >
              {members.map((m) => (
                <option key={m.id} value={m.userJid ?? ''}>
                  {m.userJid}
                </option>
              ))}
            </TextField>
          )}
        />
        {plan && (
          <Typography variant="body2" data-testid="dial-prediction" data-outcome={plan.outcome}>
            <strong>Predicted: </strong>
            {plan.outcome === 'joins' ? `${plan.path.label}, as a ${plan.role}. ${plan.lobby}` : plan.reason}
          </Typography>
        )}
        {form.formState.errors.root && <Alert severity="error">{form.formState.errors.root.message}</Alert>}
        <Box>
          <Button type="submit" variant="contained" loading={signIn.isPending} disabled={!chosen}>
            Sign in and join
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
