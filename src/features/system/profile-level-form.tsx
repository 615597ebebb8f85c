import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { callLegProfileQueries } from '../../api/resources/call-leg-profiles';
import { callProfileQueries } from '../../api/resources/call-profiles';
import { placeCmsFailures, sameNamedField } from '../../components/place-cms-failures';
import type { ChangeLevel } from '../../domain/space-evaluation/reach';
import { callProfileLabel, legProfileLabel, NONE } from './profile-labels';
import { PROFILE_FIELDS, ReachReview, type ProfileField, type ProfileRefs } from './reach-review';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const profileRef = z.union([z.literal(''), z.string().regex(GUID, { error: 'Pick a profile from the list.' })]);

/** The form is the PUT's input: '' unsets the reference, an id sets it. */
export const profileRefsSchema = z.object({ callLegProfile: profileRef, callProfile: profileRef });

interface Props {
  level: ChangeLevel;
  /** names the form and its fields: "Global", "Tenant Acme" */
  name: string;
  where: string;
  request: string;
  current: ProfileRefs | undefined;
  save: (changes: Partial<ProfileRefs>) => Promise<readonly string[]>;
  onSaved: (message: string) => void;
}

/** Pick the callLegProfile and callProfile of one level, review what the change reaches, apply it. */
export function ProfileLevelForm({ level, name, where, request, current, save, onSaved }: Props) {
  const legProfiles = useQuery(callLegProfileQueries.listAll());
  const callProfiles = useQuery(callProfileQueries.listAll());
  const now: ProfileRefs = current ?? { callLegProfile: '', callProfile: '' };
  const form = useForm<ProfileRefs>({ resolver: zodResolver(profileRefsSchema), values: now });
  const [review, setReview] = useState<Partial<ProfileRefs> | null>(null);

  const labels: Record<ProfileField, (id: string) => string> = {
    callLegProfile: (id) => {
      const p = legProfiles.data?.items.find((x) => x.id === id);
      return id === '' ? NONE : p ? legProfileLabel(p) : id;
    },
    callProfile: (id) => {
      const p = callProfiles.data?.items.find((x) => x.id === id);
      return id === '' ? NONE : p ? callProfileLabel(p) : id;
    },
  };
  const options: Record<ProfileField, Array<{ value: string; label: string }>> = {
    callLegProfile: (legProfiles.data?.items ?? []).map((p) => ({ value: p.id ?? '', label: legProfileLabel(p) })),
    callProfile: (callProfiles.data?.items ?? []).map((p) => ({ value: p.id ?? '', label: callProfileLabel(p) })),
  };

  const onReview = form.handleSubmit((values) => {
    const changed = PROFILE_FIELDS.filter((f) => values[f] !== now[f]);
    if (changed.length === 0) return form.setError('root', { message: 'Nothing changed: pick another profile first.' });
    setReview(Object.fromEntries(changed.map((f) => [f, values[f]])));
  });
  const loadError = legProfiles.error ?? callProfiles.error;

  return (
    <>
      {loadError && <Alert severity="error">CMS did not give the profiles: {loadError.message}</Alert>}
      <form onSubmit={onReview} noValidate aria-label={`${name} profiles`}>
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          {form.formState.errors.root && <Alert severity="info">{form.formState.errors.root.message}</Alert>}
          {PROFILE_FIELDS.map((field) => (
            <Controller
              key={field}
              name={field}
              control={form.control}
              render={({ field: input, fieldState }) => (
                <TextField
                  select
                  label={`${name} ${field}`}
                  {...input}
                  disabled={current === undefined}
                  error={fieldState.invalid}
                  helperText={fieldState.error?.message ?? `In force now: ${labels[field](now[field])}`}
                >
                  <MenuItem value="">{NONE}</MenuItem>
                  {options[field].map((o) => (
                    <MenuItem key={o.value} value={o.value}>
                      {o.label}
                    </MenuItem>
                  ))}
                  {now[field] !== '' && !options[field].some((o) => o.value === now[field]) && <MenuItem value={now[field]}>{now[field]} (not found)</MenuItem>}
                </TextField>
              )}
            />
          ))}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={current === undefined}>
              Review change
            </Button>
            <Button onClick={() => form.reset(now)} disabled={!form.formState.isDirty}>
              Undo
            </Button>
          </Stack>
        </Stack>
      </form>
      {review && (
        <ReachReview
          level={level}
          where={where}
          request={request}
          changes={review}
          current={now}
          labels={labels}
          save={save}
          onClose={() => setReview(null)}
          onSaved={(text) => {
            setReview(null);
            onSaved(text);
          }}
          onFailure={(error) => {
            if (placeCmsFailures(form.setError, error, sameNamedField(PROFILE_FIELDS))) setReview(null);
          }}
        />
      )}
    </>
  );
}
