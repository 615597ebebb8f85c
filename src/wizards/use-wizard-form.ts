import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useFormContext, useWatch, type FieldPathValue, type UseFormReturn } from 'react-hook-form';
import type { WizardScenarioId } from '../lib/wizard-links';
import { blankValues, wizardSchema, type WizardInput, type WizardPath, type WizardValues } from '../domain/space-planning/wizard-schema';
import type { RestoredWizard } from './wizard-session';

/** The one form across every step of a wizard: what it holds, and what a valid one parses to. */
export type WizardForm = UseFormReturn<WizardValues, unknown, WizardInput>;

function initialValues(scenario: WizardScenarioId, spaceId: string | undefined): WizardValues {
  const values = blankValues(scenario);
  return spaceId ? { ...values, space: { ...values.space, mode: 'existing', id: spaceId } } : values;
}

/**
 * Paths the admin had changed before a reload. react-hook-form's dirty state does not survive one
 * (the restored values are the new defaults), so the form remembers them beside it.
 */
const editedBefore = new WeakMap<object, Set<string>>();

/**
 * `restored`: the values this tab had before a reload or Back/Forward. Else `?space=` opens on that
 * existing space, or a blank new space (the guide's example values are placeholders).
 */
export function useWizardForm(scenario: WizardScenarioId, spaceId: string | undefined, restored?: RestoredWizard): WizardForm {
  const [defaultValues] = useState(() => restored?.values ?? initialValues(scenario, spaceId));
  const form = useForm<WizardValues, unknown, WizardInput>({ resolver: zodResolver(wizardSchema), defaultValues, mode: 'onTouched' });
  if (restored && !editedBefore.has(form)) editedBefore.set(form, new Set(restored.edited));
  return form;
}

/** The wizard's form, inside a step. */
export function useWizardFormContext(): WizardForm {
  return useFormContext<WizardValues, unknown, WizardInput>();
}

/** A field's value as the form holds it now, typed from the form's schema. */
export function useWizardValue<P extends WizardPath>(name: P): FieldPathValue<WizardValues, P> {
  const { control } = useWizardFormContext();
  return useWatch({ control, name });
}

/** The paths changed by the admin before the last reload. */
export function restoredEdits(form: WizardForm): ReadonlySet<string> {
  return editedBefore.get(form) ?? new Set();
}

/** Whether the admin has changed `name` (or a field inside it, or the group it is in) themselves. */
export function isEdited(form: WizardForm, name: WizardPath): boolean {
  if (form.getFieldState(name).isDirty) return true;
  for (const path of restoredEdits(form)) {
    if (path === name || path.startsWith(`${name}.`) || name.startsWith(`${path}.`)) return true;
  }
  return false;
}

/** Forgets the pre-reload edits under these groups ('space', 'access'): the admin started them over. */
export function forgetEdits(form: WizardForm, groups: readonly string[]): void {
  const edits = editedBefore.get(form);
  if (!edits) return;
  for (const path of [...edits]) if (groups.some((g) => path === g || path.startsWith(`${g}.`))) edits.delete(path);
}

/** Sets a field the admin has not changed themselves: what they chose wins over what CMS happens to hold. */
export function setUntouched<P extends WizardPath>(form: WizardForm, name: P, value: FieldPathValue<WizardValues, P> | undefined): void {
  if (value === undefined || isEdited(form, name)) return;
  form.setValue(name, value);
}
