import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type Ref } from 'react';
import { Controller, get, useFormState } from 'react-hook-form';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { LAYOUTS } from '../../api/params/layouts';
import type { ParamDef } from '../../api/params/param-def';
import type { CallLegProfile } from '../../api/params/schemas';
import { tenantQueries } from '../../api/resources/tenants';
import { fieldId, RadioInput, SelectInput, TextInput, TriStateInput } from '../form-fields';
import { profileFit, settingsList, shortId } from '../profile-summary';
import { useCurrentState } from '../current-state-query';
import type { CurrentState } from '../../domain/space-planning/types';
import { useWizardFormContext, useWizardValue } from '../use-wizard-form';
import { ADVANCED_CALL_LEG_PARAMS, type AdvancedCallLegParam } from '../../domain/space-planning/wizard-fields';
import type { WizardPath } from '../../domain/space-planning/wizard-schema';

type Role = 'guest' | 'host';

const ROLE_TEXT: Record<Role, { title: string; fixed: string }> = {
  guest: {
    title: 'Guest profile',
    fixed: 'needsActivation = true: guests can neither see nor hear the meeting until a host joins; they wait in the lobby.',
  },
  host: {
    title: 'Host profile',
    fixed: 'needsActivation = false: hosts activate the meeting; guests are let in when the first host joins.',
  },
};

const layoutOptions = LAYOUTS.map((l) => ({ value: l, label: l }));
const deactivationOptions = [
  { value: 'deactivate', label: 'deactivate: guests go back to the lobby' },
  { value: 'disconnect', label: 'disconnect: guests are disconnected' },
  { value: 'remainActivated', label: 'remainActivated: guests stay in the meeting' },
];

/** Step "Profiles": the guest and host callLegProfiles, and where the guest profile is attached. */
export function ProfilesStep() {
  const scenario = useWizardValue('scenario');
  const guestScope = useWizardValue('profiles.guestScope');
  const tenantId = useWizardValue('profiles.tenantId');
  const current = useCurrentState({
    scenario,
    profiles: { ...(guestScope ? { guestScope } : {}), ...(guestScope === 'tenant' && tenantId ? { tenantId } : {}) },
  });
  const profiles = current.data?.callLegProfiles ?? [];
  return (
    <Stack spacing={3}>
      {current.isFetching && <LinearProgress aria-label="Reading call leg profiles from CMS" />}
      {current.isError && <Alert severity="error">Could not read the call leg profiles: {current.error.message}</Alert>}
      <ProfileRole role="guest" profiles={profiles} />
      <ProfileRole role="host" profiles={profiles} />
      <GuestScope current={current.data} />
    </Stack>
  );
}

function ProfileRole({ role, profiles }: { role: Role; profiles: CallLegProfile[] }) {
  const base = `profiles.${role}` as const;
  const mode = useWizardValue(`${base}.mode`);
  const headingId = `${role}-profile-heading`;
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="h6" component="h3" gutterBottom>
        {ROLE_TEXT[role].title}
      </Typography>
      <Stack spacing={2}>
        <RadioInput
          name={`${base}.mode`}
          label={`Which ${role} profile?`}
          options={[
            { value: 'create', label: 'Create a new profile with the guide’s settings' },
            { value: 'existing', label: 'Reuse an existing profile' },
          ]}
        />
        {mode === 'existing' ? <ProfilePicker role={role} profiles={profiles} /> : <NewProfileSettings role={role} />}
      </Stack>
    </Paper>
  );
}

function ProfilePicker({ role, profiles }: { role: Role; profiles: CallLegProfile[] }) {
  const { control } = useWizardFormContext();
  const name = `profiles.${role}.id` as const;
  const id = fieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <FormControl error={fieldState.invalid}>
          <FormLabel id={`${id}-label`}>
            {profiles.length} call leg {profiles.length === 1 ? 'profile' : 'profiles'} on CMS: pick the {role} profile
          </FormLabel>
          <RadioGroup
            aria-labelledby={`${id}-label`}
            aria-describedby={fieldState.error ? `${id}-helper-text` : undefined}
            name={field.name}
            value={field.value ?? ''}
            onChange={(event) => field.onChange(event.target.value)}
            onBlur={field.onBlur}
          >
            <Box sx={{ maxHeight: 360, overflow: 'auto', pr: 1 }}>
              {profiles.map((profile, i) => (
                <ProfileOption key={profile.id} role={role} profile={profile} inputRef={i === 0 ? field.ref : undefined} id={i === 0 ? id : undefined} />
              ))}
            </Box>
          </RadioGroup>
          {fieldState.error && <FormHelperText id={`${id}-helper-text`}>{fieldState.error.message}</FormHelperText>}
        </FormControl>
      )}
    />
  );
}

function ProfileOption({
  role,
  profile,
  inputRef,
  id,
}: {
  role: Role;
  profile: CallLegProfile;
  inputRef?: Ref<HTMLInputElement>;
  id?: string;
}) {
  const pid = profile.id ?? '';
  const fit = profileFit(role, profile.needsActivation);
  const settings = settingsList(profile);
  const descId = `profile-${role}-${pid}-settings`;
  return (
    <FormControlLabel
      value={pid}
      sx={{ alignItems: 'flex-start', my: 0.5 }}
      control={<Radio id={id} slotProps={{ input: { ref: inputRef, 'aria-describedby': descId } }} sx={{ pt: 0.5 }} />}
      label={
        <Box>
          <Typography component="span" sx={{ fontWeight: 500 }}>
            {profile.name ? `${profile.name} ` : ''}
            <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
              {profile.name ? `(${shortId(pid)})` : pid}
            </Box>
          </Typography>{' '}
          {fit === 'fits' && <Chip size="small" color="success" variant="outlined" label={role === 'guest' ? 'guest: waits for a host' : 'host: activates'} />}
          {fit === 'wrong-role' && (
            <Chip
              size="small"
              variant="outlined"
              icon={<WarningAmberIcon />}
              label={role === 'guest' ? 'host profile: would not wait' : 'guest profile: would wait in the lobby'}
              sx={{ borderColor: 'warning.main', color: 'text.primary', '& .MuiChip-icon': { color: 'warning.main' } }}
            />
          )}
          {fit === 'inherits' && <Chip size="small" variant="outlined" label="needsActivation not set: inherited" />}
          <Typography id={descId} variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace', fontSize: 12 }}>
            {settings.length === 0 ? 'sets nothing (everything inherited)' : settings.join(' · ')}
          </Typography>
        </Box>
      }
    />
  );
}

function NewProfileSettings({ role }: { role: Role }) {
  const base = `profiles.${role}.settings` as const;
  return (
    <Stack spacing={2}>
      <Alert severity="info" role="note" icon={false}>
        {ROLE_TEXT[role].fixed}
      </Alert>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <SelectInput name={`${base}.defaultLayout`} label="Default layout" options={layoutOptions} emptyLabel="Not set (inherit)" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TriStateInput name={`${base}.presentationContributionAllowed`} label="May present (presentationContributionAllowed)" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TriStateInput name={`${base}.rxAudioMute`} label="Audio muted on join (rxAudioMute)" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TriStateInput name={`${base}.rxVideoMute`} label="Video muted on join (rxVideoMute)" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <SelectInput
            name={`${base}.deactivationMode`}
            label="When the last host leaves (deactivationMode)"
            options={deactivationOptions}
            emptyLabel="Not set (inherit)"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TextInput name={`${base}.deactivationModeTime`} label="…after this many seconds (deactivationModeTime)" numeric asNumber />
        </Grid>
      </Grid>
      <AdvancedSettings role={role} />
    </Stack>
  );
}

const GROUP_TITLES: Record<string, string> = {
  activation: 'Activation',
  layout: 'Layout',
  presentation: 'Presentation',
  permissions: 'Permissions',
  media: 'Media',
  signalling: 'Signalling',
  tones: 'Join and leave tones',
  other: 'Other',
};

function advancedGroups(): Array<{ group: string; params: AdvancedCallLegParam[] }> {
  const groups = new Map<string, AdvancedCallLegParam[]>();
  for (const name of ADVANCED_CALL_LEG_PARAMS) {
    const def: ParamDef = callLegProfileParams[name];
    const group = def.group ?? 'other';
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  return [...groups].map(([group, params]) => ({ group, params }));
}

function AdvancedSettings({ role }: { role: Role }) {
  const base = `profiles.${role}.advanced` as const;
  const { control } = useWizardFormContext();
  const advanced = useWizardValue(base);
  const setCount = Object.values(advanced ?? {}).filter((v) => v !== undefined).length;
  const { errors } = useFormState({ control, name: base });
  // A problem in there opens it: the field must be seen (and focusable) to be fixed.
  const hasErrors = get(errors, base) !== undefined;
  const [open, setOpen] = useState(false);
  return (
    <Accordion
      disableGutters
      variant="outlined"
      expanded={open || hasErrors}
      onChange={(_event, expanded) => setOpen(expanded)}
      slotProps={{ transition: { unmountOnExit: true } }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />} id={`${role}-advanced-summary`} aria-controls={`${role}-advanced-content`}>
        <Typography>
          Advanced: every other call leg profile setting {setCount > 0 ? `(${setCount} set)` : '(none set: inherited)'}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id={`${role}-advanced-content`}>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Leave a setting “not set” to inherit it from the tenant or system level. Only what you set here is sent.
        </Typography>
        <Stack spacing={3}>
          {advancedGroups().map(({ group, params }) => (
            <Box key={group} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
                {GROUP_TITLES[group] ?? group}
              </Typography>
              <Grid container spacing={2}>
                {params.map((param) => (
                  <Grid key={param} size={{ xs: 12, sm: 6, md: 4 }}>
                    <AdvancedField name={`${base}.${param}`} param={param} def={callLegProfileParams[param]} />
                  </Grid>
                ))}
              </Grid>
            </Box>
          ))}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}

function AdvancedField({ name, param, def }: { name: WizardPath; param: string; def: ParamDef }) {
  const since = def.since ? ` (CMS ${def.since}+)` : '';
  const helper = `${def.description}${since}`;
  switch (def.type) {
    case 'boolean':
      return <TriStateInput name={name} label={param} helperText={helper} />;
    case 'enum':
      return (
        <SelectInput name={name} label={param} helperText={helper} options={def.values.map((v) => ({ value: v, label: v }))} emptyLabel="Not set (inherit)" />
      );
    case 'integer':
      return <TextInput name={name} label={param} helperText={helper} numeric asNumber />;
    default:
      return <TextInput name={name} label={param} helperText={helper} emptyAsUndefined />;
  }
}

/** Where the guest profile is attached, with how many spaces each choice reaches (CMS totals). */
function GuestScope({ current }: { current: CurrentState | undefined }) {
  const scope = useWizardValue('profiles.guestScope');
  const tenantId = useWizardValue('profiles.tenantId');
  const tenants = useQuery(tenantQueries.listAll());
  const tenantReach = current?.reach.tenant?.tenantId === tenantId?.toLowerCase() ? current?.reach.tenant?.spaces : undefined;
  const globalProfile = current?.systemProfiles.callLegProfile;
  const count = (n: number | undefined) => (n === undefined ? '…' : `${n} ${n === 1 ? 'space' : 'spaces'}`);
  const headingId = 'guest-scope-heading';
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="h6" component="h3" gutterBottom>
        Where the guest profile applies
      </Typography>
      <Stack spacing={2}>
        <RadioInput
          name="profiles.guestScope"
          label="Attach the guest profile to"
          options={[
            { value: 'coSpace', label: 'This space only (recommended)' },
            { value: 'tenant', label: 'A tenant: every space of the tenant that sets no profile of its own' },
            { value: 'system', label: 'The whole system (/system/profiles): every space that sets no profile of its own' },
          ]}
        />
        {scope === 'tenant' && (
          <SelectInput
            name="profiles.tenantId"
            label="Tenant"
            options={(tenants.data?.items ?? []).map((t) => ({ value: t.id ?? '', label: `${t.name ?? '(no name)'} (${shortId(t.id ?? '')})` }))}
          />
        )}
        <div aria-live="polite">
          {scope === 'tenant' && tenantId && (
            <Alert severity="warning" role="note">
              This reaches {count(tenantReach)} of the tenant. Every one of them that sets no call leg profile of its own makes
              its callers guests who wait for a host. Nothing is written until you apply on the Review step.
            </Alert>
          )}
          {scope === 'system' && (
            <Alert severity="warning" role="note">
              This reaches every space on this CMS: {count(current?.reach.system.spaces)}. Every one that sets no call leg profile of its own (and
              whose tenant sets none) makes its callers guests who wait for a host.
              {globalProfile ? ` It replaces the global profile ${globalProfile} (restored on roll back).` : ''} Nothing
              is written until you apply on the Review step.
            </Alert>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
