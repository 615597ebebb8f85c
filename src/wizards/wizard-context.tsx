import { createContext, useContext } from 'react';
import type { WizardScenarioId } from '../lib/wizard-links';
import type { CurrentState, SpaceSnapshot } from '../domain/space-planning/types';

export interface WizardContextValue {
  scenario: WizardScenarioId;
  /** the existing space picked, as read from CMS (undefined when creating or still reading) */
  snapshot?: SpaceSnapshot;
  current?: CurrentState;
  /** false while the picked space is being read and its values filled in */
  ready: boolean;
  readError?: string;
  /** the Space step's create/existing choice changed */
  onSpaceModeChange?: (mode: string) => void;
}

export const WizardContext = createContext<WizardContextValue | undefined>(undefined);

export function useWizard(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error('useWizard outside a wizard');
  return value;
}
