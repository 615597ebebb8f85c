import { useEffect, useRef, useState } from 'react';
import type { WizardScenarioId } from '../lib/wizard-links';

export interface SingleRun {
  /** starts `run` for `plan` unless this plan was started already, or another tab is applying this wizard */
  start: (plan: object, run: () => void) => void;
  /** this plan has been started: Apply stays disabled */
  started: (plan: object | undefined) => boolean;
  /** another tab of this browser holds the wizard's run */
  otherTab: boolean;
}

/**
 * One run at a time per wizard. Within the tab, a plan is applied at most once (a double click or
 * a second click before the first re-render finds it taken: a ref, not state). Across tabs of
 * one browser, a Web Lock per wizard is held from Apply until the run has settled (not busy, not
 * stopped half-way); a tab that cannot take it says so instead of writing. Without Web Locks
 * (jsdom, old browsers) only the in-tab guard applies.
 */
export function useSingleRun(scenario: WizardScenarioId, held: boolean): SingleRun {
  const startedPlan = useRef<object | undefined>(undefined);
  const release = useRef<(() => void) | undefined>(undefined);
  const wasHeld = useRef(false);
  const [otherTab, setOtherTab] = useState(false);
  // What the screen shows; the ref above is what guards (it changes before any re-render).
  const [shownPlan, setShownPlan] = useState<object | undefined>(undefined);

  useEffect(() => {
    if (wasHeld.current && !held) {
      release.current?.();
      release.current = undefined;
    }
    wasHeld.current = held;
  }, [held]);
  useEffect(() => () => release.current?.(), []);

  const start = (plan: object, run: () => void) => {
    if (startedPlan.current === plan) return;
    startedPlan.current = plan;
    setShownPlan(plan);
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) {
      run();
      return;
    }
    void locks.request(`cms-access-studio:wizard:${scenario}`, { ifAvailable: true }, (lock) => {
      if (!lock) {
        startedPlan.current = undefined;
        setShownPlan(undefined);
        setOtherTab(true);
        return undefined;
      }
      setOtherTab(false);
      run();
      return new Promise<void>((resolve) => {
        release.current = resolve;
      });
    });
  };

  return { start, started: (plan) => plan !== undefined && shownPlan === plan, otherTab };
}
