import { useEffect, useEffectEvent, useMemo, useRef, useState, type RefObject } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { useLocation, useNavigate } from 'react-router';
import type { WizardScenarioId, WizardStepId } from '../lib/wizard-links';
import { errorPaths, firstStepWith } from './field-steps';
import type { WizardForm } from './use-wizard-form';
import { stepFields, stepsFor, type WizardPath, type WizardValues } from '../domain/space-planning/wizard-schema';

export interface WizardSteps {
  steps: WizardStepId[];
  /** the index of the step shown */
  current: number;
  step: WizardStepId;
  /** bumps each time problems are shown, so the error summary is announced again */
  summary: number;
  /** Forward validates every step on the way (`trigger(stepFields)`); back never validates. */
  goTo: (target: number) => Promise<void>;
  /** Shows the step with the first of these fields, and the summary of its problems. */
  showStepOf: (paths: readonly string[]) => void;
  /** As `showStepOf`, after a failed validation: on the same step, the first field with a problem gets the focus. */
  showProblems: (errors: FieldErrors<WizardValues>) => void;
  /** Moves to a step without validating (Review, once the form is parsed). */
  moveTo: (step: WizardStepId) => void;
}

interface Options {
  initialStep?: WizardStepId;
  /** the step heading, focused on every step change (not on the first render) */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** a run in progress (or stopped half-way) keeps the wizard on Review */
  locked: boolean;
  /** entering Review parses the whole form, reads CMS and runs the pre-flight */
  onEnterReview: () => Promise<void>;
  /** leaving Review drops its plan */
  onLeaveReview: () => void;
  /** the history state of the wizard's own entries (how a reload knows to restore) */
  entryState: object;
}

/**
 * The steps of one wizard over one form, as refine's useStepsForm keeps them, with the step in the
 * URL (`?step=`): each step change is a history entry, so the browser's Back and Forward move
 * between steps (forward still validates the steps on the way) and a reload opens the same step.
 */
export function useWizardSteps(scenario: WizardScenarioId, form: WizardForm, options: Options): WizardSteps {
  const steps = useMemo(() => stepsFor(scenario), [scenario]);
  const fields = useMemo(() => stepFields(scenario), [scenario]);
  const { initialStep, headingRef, locked, onEnterReview, onLeaveReview, entryState } = options;
  const [current, setCurrent] = useState(initialStep && steps.includes(initialStep) ? steps.indexOf(initialStep) : 0);
  const [summary, setSummary] = useState(0);
  const step = steps[current] ?? 'review';
  const location = useLocation();
  const navigate = useNavigate();
  const urlStep = new URLSearchParams(location.search).get('step');
  /** the step the wizard last put in the URL (undefined: not yet, the entry is marked on mount) */
  const written = useRef<string | null | undefined>(undefined);
  /** the URL moved on its own (Back, Forward, a link): the next step shown replaces that entry */
  const urlAhead = useRef(false);

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [current, headingRef]);

  const writeUrl = (target: WizardStepId, replace: boolean) => {
    written.current = target;
    const search = new URLSearchParams(location.search);
    search.set('step', target);
    void navigate({ search: `?${search.toString()}` }, { replace, state: entryState });
  };

  const show = (index: number) => {
    const target = steps[index] ?? 'review';
    setCurrent(index);
    const replace = urlAhead.current;
    urlAhead.current = false;
    if (written.current !== target) writeUrl(target, replace);
  };

  const indexOf = (paths: readonly string[]) => Math.max(0, steps.indexOf(firstStepWith(scenario, paths) ?? steps[0] ?? 'profiles'));

  const focusFirst = (roots: readonly WizardPath[], paths: readonly WizardPath[]) => {
    const first = paths.find((p) => roots.some((r) => p === r || p.startsWith(`${r}.`)));
    if (!first) return;
    try {
      form.setFocus(first);
    } catch {
      // a field without an input of its own: the summary says enough
    }
  };

  const showStepOf = (paths: readonly string[]) => {
    setSummary((n) => n + 1);
    show(indexOf(paths));
  };

  const showProblems = (errors: FieldErrors<WizardValues>) => {
    const paths = errorPaths(errors);
    const target = indexOf(paths);
    setSummary((n) => n + 1);
    if (target !== current) show(target);
    else {
      show(current);
      focusFirst(fields[steps[target] ?? 'profiles'] ?? [], paths);
    }
  };

  const goTo = async (target: number) => {
    if (target < 0 || target >= steps.length) return;
    if (target === current || locked) {
      show(current);
      return;
    }
    if (target < current) {
      show(target);
      if (steps[target] !== 'review') onLeaveReview();
      return;
    }
    for (let i = current; i < target; i++) {
      const s = steps[i];
      if (!s || s === 'review') break;
      const roots = fields[s] ?? [];
      if (!(await form.trigger(roots))) {
        setSummary((n) => n + 1);
        show(i);
        if (i === current) focusFirst(roots, errorPaths(form.formState.errors));
        return;
      }
    }
    if (steps[target] === 'review') await onEnterReview();
    else show(target);
  };

  // The URL changed without the wizard: Back, Forward, or a link to another step of this wizard.
  const followUrl = useEffectEvent((wanted: string | null) => {
    if (written.current === undefined) {
      // Opening: this entry becomes the wizard's own, so a reload restores it.
      writeUrl(step, true);
      return;
    }
    if (wanted === written.current) return;
    written.current = wanted;
    urlAhead.current = true;
    const target = steps.findIndex((s) => s === wanted);
    void goTo(target < 0 ? current : target);
  });
  useEffect(() => followUrl(urlStep), [urlStep]);

  return { steps, current, step, summary, goTo, showStepOf, showProblems, moveTo: (s) => show(Math.max(0, steps.indexOf(s))) };
}
