import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { isGuid } from '../api/wire/ids';
import type { WizardScenarioId } from '../lib/wizard-links';
import { currentStateQuery } from './current-state-query';
import type { CurrentState, SpaceSnapshot } from '../domain/space-planning/types';
import { valuesFromSnapshot, type SpacePrefill } from './prefill';
import { forgetEdits, setUntouched, type WizardForm } from './use-wizard-form';
import { blankValues } from '../domain/space-planning/wizard-schema';

export interface SpaceRead {
  /** false while the picked space is being read and its values filled in */
  ready: boolean;
  snapshot?: SpaceSnapshot;
  current?: CurrentState;
  readError?: string;
  /** the admin went back to a new space: blank fields again, except the profiles they chose */
  resetToCreate: () => void;
}

function fill(form: WizardForm, values: SpacePrefill): void {
  const { space } = values;
  setUntouched(form, 'space.mode', space.mode);
  if (space.mode === 'existing') setUntouched(form, 'space.id', space.id);
  setUntouched(form, 'space.name', space.name);
  setUntouched(form, 'space.uri', space.uri);
  setUntouched(form, 'space.callId', space.callId);
  setUntouched(form, 'space.passcode', space.passcode);
  setUntouched(form, 'space.nonMemberAccess', space.nonMemberAccess);
  setUntouched(form, 'space.ownerJid', space.ownerJid);
  setUntouched(form, 'profiles.guest', values.profiles.guest);
  setUntouched(form, 'profiles.host', values.profiles.host);
  setUntouched(form, 'access.id', values.access?.id);
  setUntouched(form, 'access.uri', values.access?.uri);
  setUntouched(form, 'access.callId', values.access?.callId);
  setUntouched(form, 'access.passcode', values.access?.passcode);
  setUntouched(form, 'callProfile', values.callProfile);
  setUntouched(form, 'members', values.members);
}

/**
 * The existing space picked on the Space step (or given by `?space=`), read from CMS with a query,
 * and put in the form once per space: only into fields the admin has not changed themselves.
 */
export function useSpacePrefill(scenario: WizardScenarioId, form: WizardForm): SpaceRead {
  const mode = useWatch({ control: form.control, name: 'space.mode' });
  const picked = useWatch({ control: form.control, name: 'space.id' });
  const id = mode === 'existing' && typeof picked === 'string' && isGuid(picked.trim()) ? picked.trim().toLowerCase() : undefined;
  const read = useQuery({ ...currentStateQuery({ scenario, space: { mode: 'existing', id: id ?? '' } }), enabled: id !== undefined });
  const data = id === undefined ? undefined : read.data;
  const filledFor = useRef<string | undefined>(undefined);

  // Before paint and before any effect (the review opened by `?step=review` reads the filled form).
  useLayoutEffect(() => {
    if (id === undefined) filledFor.current = undefined;
    if (id === undefined || !data?.space || filledFor.current === id) return;
    filledFor.current = id;
    fill(form, valuesFromSnapshot(scenario, form.getValues(), data.space, data));
  }, [id, data, scenario, form]);

  const resetToCreate = () => {
    if (filledFor.current === undefined) return;
    const defaults = blankValues(scenario);
    forgetEdits(form, ['space', 'access']);
    form.setValue('space', defaults.space);
    form.setValue('access', defaults.access);
    setUntouched(form, 'profiles.guest', defaults.profiles.guest);
    setUntouched(form, 'profiles.host', defaults.profiles.host);
    if (defaults.scenario === 'blank-guest-pin') setUntouched(form, 'callProfile', defaults.callProfile);
    if (defaults.scenario === 'members-are-hosts') setUntouched(form, 'members', defaults.members);
    form.clearErrors();
  };

  if (id === undefined) return { ready: true, resetToCreate };
  if (read.isError) return { ready: true, readError: `Could not read the space: ${read.error.message}`, resetToCreate };
  if (!data) return { ready: false, resetToCreate };
  if (!data.space) return { ready: true, current: data, readError: `CMS has no space with id ${id}. Search for another one.`, resetToCreate };
  return { ready: true, snapshot: data.space, current: data, resetToCreate };
}
