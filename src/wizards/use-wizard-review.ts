import { useMemo, useState } from 'react';
import { DEFAULT_DOMAIN, joinCards } from '../domain/space-planning/join-cards';
import { planWizard } from '../domain/space-planning/plan';
import { preflight } from '../domain/space-planning/preflight';
import { readCurrentState } from '../domain/space-planning/read-current';
import type { JoinCard, WizardPlan } from '../domain/space-planning/types';
import type { ReviewState } from './run-state';
import type { WizardForm } from './use-wizard-form';
import type { WizardRun } from './use-wizard-run';
import type { WizardSteps } from './use-wizard-steps';

export interface WizardReview {
  review: ReviewState;
  plan: WizardPlan | undefined;
  cards: JoinCard[];
  /** the SIP domain field, as typed */
  domain: string;
  /** what the join cards and verify write after a URI */
  sipDomain: string;
  setDomain: (domain: string) => void;
  /** parses the whole form, reads CMS and runs the pre-flight; problems go back to their fields and steps */
  enter: () => Promise<void>;
  reset: () => void;
}

/**
 * Entering Review: the form is parsed, CMS read and the pre-flight run before a plan is shown;
 * nothing is written until Apply. The plan is made once per check, not per keystroke elsewhere.
 */
export function useWizardReview(form: WizardForm, steps: WizardSteps, run: WizardRun): WizardReview {
  const [review, setReview] = useState<ReviewState>({ status: 'idle' });
  const [domain, setDomain] = useState(DEFAULT_DOMAIN);
  const sipDomain = domain.trim() || DEFAULT_DOMAIN;
  const plan = useMemo(() => (review.status === 'ready' ? planWizard(review.input, review.cms) : undefined), [review]);
  const cards = useMemo(() => (review.status === 'ready' ? joinCards(review.input, sipDomain) : []), [review, sipDomain]);

  const enter = async () => {
    run.reset();
    await form.handleSubmit(async (input) => {
      steps.moveTo('review');
      setReview({ status: 'checking' });
      try {
        const cms = await readCurrentState(input);
        const issues = await preflight(input, cms);
        if (issues.length === 0) {
          setReview({ status: 'ready', input, cms });
          return;
        }
        for (const issue of issues) if (issue.field) form.setError(issue.field, { type: 'preflight', message: issue.message });
        setReview({ status: 'blocked', issues });
        steps.showStepOf(issues.map((i) => i.field));
      } catch (error) {
        setReview({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }, steps.showProblems)();
  };

  return { review, plan, cards, domain, sipDomain, setDomain, enter, reset: () => setReview({ status: 'idle' }) };
}
