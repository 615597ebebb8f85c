import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { simulateDialIn, SimulationRefused } from '../../api/resources/mock-simulation';
import type { JoinAnswer } from '../../api/wire/simulation-contract';
import { planDial, quickDials, type DialPlan } from '../../domain/space-evaluation/dial-plan';
import type { SpaceEvaluation } from '../../domain/space-evaluation/evaluate';
import { DIAL_DEFAULTS, dialField, dialFormSchema, dialInput, dialOf, type DialForm as DialValues } from './simulation-forms';

interface Props {
  evaluation: SpaceEvaluation | undefined;
  hostsInCall: number;
  onJoined: (answer: JoinAnswer, plan: DialPlan | undefined) => void;
}

/** A caller dials a URI or call ID with a PIN; the prediction from the space's evaluation shows before the Call Bridge answers. */
export function DialForm({ evaluation, hostsInCall, onJoined }: Props) {
  const form = useForm<DialValues>({ resolver: zodResolver(dialFormSchema), defaultValues: DIAL_DEFAULTS });
  const dial = useMutation({ mutationFn: (values: DialValues) => simulateDialIn(dialInput(values)) });
  const by = useWatch({ control: form.control, name: 'by' });

  const submit = form.handleSubmit((values) => {
    const plan = evaluation ? planDial(evaluation, dialOf(values), hostsInCall) : undefined;
    dial.mutate(values, {
      onSuccess: (answer) => onJoined(answer, plan),
      onError: (error) => {
        const field = error instanceof SimulationRefused ? dialField(error.field) : undefined;
        form.setError(field ?? 'root', { message: error.message });
      },
    });
  });

  const chips = evaluation ? quickDials(evaluation) : [];
  return (
    <Box component="form" noValidate onSubmit={submit} aria-label="Dial in">
      <Stack spacing={2}>
        {chips.length > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              Ways in:
            </Typography>
            {chips.map((q) => (
              <Chip
                key={q.key}
                size="small"
                variant="outlined"
                label={q.label}
                onClick={() => {
                  form.clearErrors();
                  form.setValue('by', q.by);
                  form.setValue('address', q.address);
                  form.setValue('pin', q.pin);
                }}
              />
            ))}
          </Stack>
        )}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
          <Controller
            name="by"
            control={form.control}
            render={({ field }) => (
              <ToggleButtonGroup
                exclusive
                size="small"
                value={field.value}
                onChange={(_, next: DialValues['by'] | null) => {
                  if (next) field.onChange(next);
                  form.clearErrors();
                }}
                aria-label="Dial by"
                sx={{ mt: { md: 0.5 }, flexShrink: 0, whiteSpace: 'nowrap', alignSelf: { xs: 'flex-start', md: 'auto' } }}
              >
                <ToggleButton value="uri">URI</ToggleButton>
                <ToggleButton value="callId">Call ID</ToggleButton>
              </ToggleButtonGroup>
            )}
          />
          <Text
            control={form.control}
            name="address"
            label={by === 'uri' ? 'URI' : 'Call ID'}
            help={by === 'uri' ? 'User part, user@domain or sip:user@domain' : 'Digits, as typed into the IVR or the web app'}
            minWidth={220}
            numeric={by === 'callId'}
          />
          <Text control={form.control} name="pin" label="PIN" help="Empty: nothing entered. # alone: a blank PIN." minWidth={180} />
          <Text control={form.control} name="name" label="Participant name" help="Optional" minWidth={180} />
          <Controller
            name="via"
            control={form.control}
            render={({ field }) => (
              <TextField
                select
                label="Calling from"
                size="small"
                {...field}
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                helperText={field.value === 'sip' ? 'The IVR applies passcodeMode' : 'passcodeMode does not apply'}
                sx={{ minWidth: 170 }}
              >
                <option value="sip">SIP endpoint</option>
                <option value="webrtc">Web app</option>
              </TextField>
            )}
          />
        </Stack>
        <Prediction control={form.control} evaluation={evaluation} hostsInCall={hostsInCall} />
        {form.formState.errors.root && <Alert severity="error">{form.formState.errors.root.message}</Alert>}
        <Box>
          <Button type="submit" variant="contained" loading={dial.isPending}>
            Dial
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

function Text({ control, name, label, help, minWidth, numeric }: { control: Control<DialValues>; name: 'address' | 'pin' | 'name'; label: string; help: string; minWidth: number; numeric?: boolean }) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextField
          {...field}
          label={label}
          size="small"
          error={fieldState.invalid}
          helperText={fieldState.error?.message ?? help}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', ...(numeric ? { inputMode: 'numeric' } : {}) } }}
          sx={{ minWidth }}
        />
      )}
    />
  );
}

/** What the evaluation predicts for the dial as typed, before anything is sent. */
function Prediction({ control, evaluation, hostsInCall }: { control: Control<DialValues>; evaluation: SpaceEvaluation | undefined; hostsInCall: number }) {
  const [by, address, pin, via] = useWatch({ control, name: ['by', 'address', 'pin', 'via'] });
  if (!evaluation || address.trim() === '') return null;
  const plan = planDial(evaluation, dialOf({ by, address, pin, via }), hostsInCall);
  return (
    <Typography variant="body2" data-testid="dial-prediction" data-outcome={plan.outcome}>
      <strong>Predicted: </strong>
      {plan.outcome === 'joins' ? `${plan.path.label}, as a ${plan.role}. ${plan.entry} ${plan.lobby}` : plan.reason}
    </Typography>
  );
}
