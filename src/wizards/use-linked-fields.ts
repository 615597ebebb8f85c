import { useEffect } from 'react';
import type { WizardScenarioId } from '../lib/wizard-links';
import { followedValue, LINKED_FIELDS } from './linked-fields';
import type { WizardForm } from './use-wizard-form';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Keeps the scenario's linked fields (the host URI, in scenario 4 also the call ID) on the space's values until the admin edits them. */
export function useLinkedFields(scenario: WizardScenarioId, form: WizardForm): void {
  useEffect(() => {
    const links = LINKED_FIELDS[scenario];
    const previous = new Map(links.map((link) => [link.from, text(form.getValues(link.from))]));
    const subscription = form.watch((_values, { name }) => {
      for (const link of links) {
        const now = text(form.getValues(link.from));
        const before = previous.get(link.from) ?? '';
        previous.set(link.from, now);
        // A reset (no name) or another field: only remember where the source is now.
        if (name !== link.from) continue;
        const next = followedValue(link, before, now, text(form.getValues(link.to)));
        if (next !== undefined) form.setValue(link.to, next, { shouldValidate: form.getFieldState(link.to).invalid });
      }
    });
    return () => subscription.unsubscribe();
  }, [scenario, form]);
}
