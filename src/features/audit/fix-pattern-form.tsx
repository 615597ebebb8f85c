import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Controller, useForm, useWatch, type Control, type FieldPath } from 'react-hook-form';
import { batchPatternSchema, type BatchPattern, type BatchPatternValues } from '../../domain/batch-fix/batch-pattern';
import { GUIDE_GUEST_SETTINGS, GUIDE_HOST_SETTINGS } from '../../domain/space-planning/wizard-schema';
import { WIZARD_SCENARIOS } from '../../lib/wizard-links';
import { PATTERN_LABELS } from './fix-labels';

export const DEFAULT_PATTERN: BatchPatternValues = {
  scenario: 'different-uris',
  profiles: {
    guest: { mode: 'create', settings: { ...GUIDE_GUEST_SETTINGS }, advanced: {} },
    host: { mode: 'create', settings: { ...GUIDE_HOST_SETTINGS }, advanced: {} },
  },
  callProfile: { mode: 'create', passcodeMode: 'timeout', passcodeTimeout: 5 },
  host: { uriPrefix: '', uriSuffix: '.host', callIdPrefix: '', callIdSuffix: '9', pinDigits: 4 },
};

type Values = BatchPatternValues;

function TextRule({ control, name, label, help, number }: { control: Control<Values>; name: FieldPath<Values>; label: string; help: string; number?: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          label={label}
          size="small"
          value={typeof field.value === 'string' || typeof field.value === 'number' ? field.value : ''}
          onChange={(e) => field.onChange(number ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value)}
          onBlur={field.onBlur}
          error={fieldState.invalid}
          helperText={fieldState.error?.message ?? help}
          slotProps={{ htmlInput: number ? { inputMode: 'numeric', min: 0, max: 12, type: 'number' } : {} }}
        />
      )}
    />
  );
}

function ProfileChoice({ control, role }: { control: Control<Values>; role: 'guest' | 'host' }) {
  const settings = role === 'guest' ? GUIDE_GUEST_SETTINGS : GUIDE_HOST_SETTINGS;
  return (
    <Controller
      control={control}
      name={`profiles.${role}`}
      render={({ field, fieldState }) => (
        <Stack direction="row" spacing={1}>
          <TextField
            select
            size="small"
            label={`${role === 'guest' ? 'Guest' : 'Host'} call leg profile`}
            value={field.value.mode}
            onChange={(e) => field.onChange(e.target.value === 'existing' ? { mode: 'existing', id: '' } : { mode: 'create', settings: { ...settings }, advanced: {} })}
            sx={{ minWidth: 320 }}
          >
            <MenuItem value="create">The guide’s settings (an identical profile is reused)</MenuItem>
            <MenuItem value="existing">An existing profile (by id)</MenuItem>
          </TextField>
          {field.value.mode === 'existing' && (
            <TextField
              size="small"
              label="Profile id"
              value={field.value.id}
              onChange={(e) => field.onChange({ mode: 'existing', id: e.target.value })}
              error={fieldState.invalid}
              helperText={fieldState.error?.message ?? (fieldState.invalid ? 'Choose a profile.' : ' ')}
              sx={{ minWidth: 340 }}
            />
          )}
        </Stack>
      )}
    />
  );
}

/** The pattern and its rules: which of the four setups, the profiles every space shares, and how each space's host way in is worked out. */
export function FixPatternForm({ spaces, onPlan, onCancel }: { spaces: number; onPlan: (pattern: BatchPattern) => void; onCancel: () => void }) {
  const { control, handleSubmit } = useForm<Values, unknown, BatchPattern>({ resolver: zodResolver(batchPatternSchema), defaultValues: DEFAULT_PATTERN, mode: 'onTouched' });
  const scenario = useWatch({ control, name: 'scenario' });
  const callProfileMode = useWatch({ control, name: 'callProfile.passcodeMode' });
  return (
    <Stack component="form" spacing={2} aria-label="Fix pattern" onSubmit={(e) => void handleSubmit(onPlan)(e)} noValidate>
      <Controller
        control={control}
        name="scenario"
        render={({ field }) => (
          <TextField select label="Pattern" value={field.value} onChange={(e) => field.onChange(e.target.value)} helperText={PATTERN_LABELS[field.value].hint}>
            {WIZARD_SCENARIOS.map((id) => (
              <MenuItem key={id} value={id}>
                {PATTERN_LABELS[id].title}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      <Typography variant="subtitle2">Profiles every space uses (created once for the whole batch)</Typography>
      <ProfileChoice control={control} role="guest" />
      <ProfileChoice control={control} role="host" />
      {scenario === 'blank-guest-pin' && (
        <Stack direction="row" spacing={1}>
          <Controller
            control={control}
            name="callProfile.passcodeMode"
            render={({ field }) => (
              <TextField select size="small" label="Call profile: a blank PIN is taken" value={field.value ?? 'timeout'} onChange={(e) => field.onChange(e.target.value)} sx={{ minWidth: 280 }}>
                <MenuItem value="timeout">after a timeout</MenuItem>
                <MenuItem value="required">when the caller presses #</MenuItem>
              </TextField>
            )}
          />
          {callProfileMode === 'timeout' && <TextRule control={control} name="callProfile.passcodeTimeout" label="Timeout (seconds)" help="1–600" number />}
        </Stack>
      )}
      <Typography variant="subtitle2">Each space’s host way in</Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {scenario === 'different-uris' && (
          <>
            <TextRule control={control} name="host.uriPrefix" label="Host URI prefix" help="before the space URI" />
            <TextRule control={control} name="host.uriSuffix" label="Host URI suffix" help="after the space URI" />
          </>
        )}
        {scenario !== 'members-are-hosts' && (
          <>
            <TextRule control={control} name="host.callIdPrefix" label="Host call ID prefix" help="digits before the space call ID" />
            <TextRule control={control} name="host.callIdSuffix" label="Host call ID suffix" help="digits after the space call ID" />
          </>
        )}
        <TextRule
          control={control}
          name="host.pinDigits"
          label="Host PIN digits"
          help="random digits, never the guest PIN; longer where the dial-in security profile asks (0: none)"
          number
        />
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="contained">
          Plan {spaces} space{spaces === 1 ? '' : 's'} (reads only)
        </Button>
      </Stack>
    </Stack>
  );
}
