import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FieldErrors } from 'react-hook-form';
import type { WizardScenarioId, WizardStepId } from '../lib/wizard-links';
import { errorPaths, firstStepWith } from './field-steps';
import type { WizardForm } from './use-wizard-form';
import { stepFields, stepsFor, type WizardPath, type WizardValues } from './wizard-schema';

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
}

/** The steps of one wizard over one form, as refine's useStepsForm keeps them. */
export function useWizardSteps(scenario: WizardScenarioId, form: WizardForm, options: Options): WizardSteps {
  const steps = useMemo(() => stepsFor(scenario), [scenario]);
  const fields = useMemo(() => stepFields(scenario), [scenario]);
  const { initialStep, headingRef, locked, onEnterReview, onLeaveReview } = options;
  const [current, setCurrent] = useState(initialStep && steps.includes(initialStep) ? steps.indexOf(initialStep) : 0);
  const [summary, setSummary] = useState(0);
  const step = steps[current] ?? 'review';

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [current, headingRef]);

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
    setCurrent(indexOf(paths));
  };

  const showProblems = (errors: FieldErrors<WizardValues>) => {
    const paths = errorPaths(errors);
    const target = indexOf(paths);
    setSummary((n) => n + 1);
    if (target !== current) setCurrent(target);
    else focusFirst(fields[steps[target] ?? 'profiles'] ?? [], paths);
  };

  const goTo = async (target: number) => {
    if (target === current || locked || target < 0 || target >= steps.length) return;
    if (target < current) {
      setCurrent(target);
      if (steps[target] !== 'review') onLeaveReview();
      return;
    }
    for (let i = current; i < target; i++) {
      const s = steps[i];
      if (!s || s === 'review') break;
      const roots = fields[s] ?? [];
      if (!(await form.trigger(roots))) {
        setSummary((n) => n + 1);
        if (i !== current) setCurrent(i);
        else focusFirst(roots, errorPaths(form.formState.errors));
        return;
      }
    }
    if (steps[target] === 'review') await onEnterReview();
    else setCurrent(target);
  };

  return { steps, current, step, summary, goTo, showStepOf, showProblems, moveTo: (s) => setCurrent(Math.max(0, steps.indexOf(s))) };
}

