import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useFormContext, useWatch, type FieldPathValue, type UseFormReturn } from 'react-hook-form';
import type { WizardScenarioId } from '../lib/wizard-links';
import { defaultValues, wizardSchema, type WizardInput, type WizardPath, type WizardValues } from './wizard-schema';

/** The one form across every step of a wizard: what it holds, and what a valid one parses to. */
export type WizardForm = UseFormReturn<WizardValues, unknown, WizardInput>;

function initialValues(scenario: WizardScenarioId, spaceId: string | undefined): WizardValues {
  const values = defaultValues(scenario);
  return spaceId ? { ...values, space: { ...values.space, mode: 'existing', id: spaceId } } : values;
}

/** `?space=`: opens on that existing space; the scenario's guide values otherwise. */
export function useWizardForm(scenario: WizardScenarioId, spaceId: string | undefined): WizardForm {
  return useForm<WizardValues, unknown, WizardInput>({
    resolver: zodResolver(wizardSchema),
    defaultValues: initialValues(scenario, spaceId),
    mode: 'onTouched',
  });
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

/** Sets a field the admin has not changed themselves: what they chose wins over what CMS happens to hold. */
export function setUntouched<P extends WizardPath>(form: WizardForm, name: P, value: FieldPathValue<WizardValues, P> | undefined): void {
  if (value === undefined || form.getFieldState(name).isDirty) return;
  form.setValue(name, value);
}
