import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { WizardScenarioId } from '../lib/wizard-links';
import { restoredEdits, type WizardForm } from './use-wizard-form';
import { isWizardPath } from '../domain/space-planning/wizard-schema';
import { restoredForm, storedForm, wizardSessionKey, type Pins, type RestoredWizard } from './wizard-session';

/** The PINs of each open wizard, in this tab's memory only (see wizard-session.ts). */
const pinMemory = new Map<string, Pins>();

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // storage blocked by the browser: the wizard works, it just forgets on reload
    return undefined;
  }
}

export interface OpenedSession {
  key: string;
  restored?: RestoredWizard;
}

/** The history entries the wizard wrote carry this state; a link into the wizard does not. */
export function wizardEntryState(key: string): { wizard: string } {
  return { wizard: key };
}

const isOwnEntry = (state: unknown, key: string) => typeof state === 'object' && state !== null && 'wizard' in state && state.wizard === key;

/**
 * Once, when the wizard opens: a reload, Back or Forward onto one of the wizard's own history
 * entries brings its values back; any other way in (a link, the first screen) starts afresh and
 * forgets what an earlier visit left.
 */
export function useOpenWizardSession(scenario: WizardScenarioId, spaceId: string | undefined): OpenedSession {
  const { state } = useLocation();
  const [opened] = useState<OpenedSession>(() => {
    const key = wizardSessionKey(scenario, spaceId);
    if (!isOwnEntry(state, key)) {
      storage()?.removeItem(key);
      pinMemory.delete(key);
      return { key };
    }
    const restored = restoredForm(scenario, storage()?.getItem(key) ?? null, pinMemory.get(key));
    return restored ? { key, restored } : { key };
  });
  return opened;
}

/** Leaf paths of a form value: 'space.uri', 'members.0.permissions.canDestroy'. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return prefix === '' ? [] : [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix === '' ? key : `${prefix}.${key}`));
}

/** Writes the form to the session on every change (its PINs to memory only). */
export function useSaveWizardSession(key: string, form: WizardForm): void {
  useEffect(() => {
    const save = () => {
      const values = form.getValues();
      const dirty = leafPaths(values)
        .filter(isWizardPath)
        .filter((path) => form.getFieldState(path).isDirty);
      const { text, pins } = storedForm(values, [...new Set([...restoredEdits(form), ...dirty])]);
      pinMemory.set(key, pins);
      try {
        storage()?.setItem(key, text);
      } catch {
        // quota or blocked storage: nothing to do but forget on reload
      }
    };
    save();
    const subscription = form.watch(save);
    return () => subscription.unsubscribe();
  }, [key, form]);
}
