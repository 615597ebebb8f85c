import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useEffectEvent, useRef, type ReactNode, type RefObject } from 'react';
import { FormProvider } from 'react-hook-form';
import type { WizardScenarioId, WizardStepId } from '../lib/wizard-links';
import { ErrorSummary } from './error-summary';
import { fieldLabel } from './field-labels';
import { ReviewStep } from './review/review-step';
import { GuideExampleFill } from './guide-example-fill';
import { MissingPinsNotice } from './missing-pins-notice';
import { scenarioGuide } from './scenario-guide';
import { AccessStep } from './steps/access-step';
import { CallProfileStep } from './steps/call-profile-step';
import { MembersStep } from './steps/members-step';
import { ProfilesStep } from './steps/profiles-step';
import { SpaceStep } from './steps/space-step';
import { useCmsAddress } from './use-cms-address';
import { useLinkedFields } from './use-linked-fields';
import { useRunMemory } from './use-run-memory';
import { useSingleRun } from './use-single-run';
import { useSpacePrefill } from './use-space-prefill';
import { useWizardForm } from './use-wizard-form';
import { useWizardReview } from './use-wizard-review';
import { useWizardRun } from './use-wizard-run';
import { useOpenWizardSession, useSaveWizardSession, wizardEntryState } from './use-wizard-session';
import { useWizardSteps, type WizardSteps } from './use-wizard-steps';
import { WizardContext } from './wizard-context';

const STEP_TITLES: Record<WizardStepId, string> = {
  profiles: 'Profiles',
  space: 'Space',
  'call-profile': 'Call profile',
  access: 'Host access method',
  members: 'Members',
  review: 'Review and apply',
};

const stepId = (s: WizardStepId) => `wizard-step-${s}`;

/** The steps with fields the guide gives example values for. */
const EXAMPLE_STEPS: ReadonlySet<WizardStepId> = new Set(['space', 'access', 'members']);

export interface WizardProps {
  scenario: WizardScenarioId;
  /** `?space=`: open on this existing space */
  spaceId?: string;
  /** `?step=`: open at this step */
  initialStep?: WizardStepId;
}

/**
 * One wizard: one form across every step (refine's useStepsForm pattern). Next validates the
 * step's fields, Back never validates; entering Review parses the whole form, reads CMS and runs
 * the pre-flight before a plan is shown, and nothing is written until Apply.
 */
export function Wizard({ scenario, spaceId, initialStep }: WizardProps) {
  const session = useOpenWizardSession(scenario, spaceId);
  const form = useWizardForm(scenario, spaceId, session.restored);
  useSaveWizardSession(session.key, form);
  useLinkedFields(scenario, form);
  const space = useSpacePrefill(scenario, form);
  const run = useWizardRun(form);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const steps = useWizardSteps(scenario, form, {
    ...(initialStep ? { initialStep } : {}),
    headingRef,
    locked: run.locked,
    onEnterReview: () => review.enter(),
    onLeaveReview: () => review.reset(),
    entryState: wizardEntryState(session.key),
  });
  const review = useWizardReview(form, steps, run);
  useRunMemory(form, run.run, review.plan);
  const single = useSingleRun(scenario, run.locked);
  const cmsAddress = useCmsAddress();
  const verifyHeadingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (run.run.phase === 'verified') verifyHeadingRef.current?.focus();
  }, [run.run.phase]);
  // Opened at ?step=review: check as soon as the space (if any) has been read.
  const autoReview = useRef(initialStep === 'review');
  const reviewOnce = useEffectEvent(() => {
    if (!autoReview.current) return;
    autoReview.current = false;
    void review.enter();
  });
  useEffect(() => {
    if (space.ready) reviewOnce();
  }, [space.ready]);

  const reading = <Typography>Reading the space from CMS…</Typography>;
  const stepBody: Record<WizardStepId, () => ReactNode> = {
    profiles: () => <ProfilesStep />,
    space: () => <SpaceStep />,
    'call-profile': () => <CallProfileStep />,
    access: () => (space.ready ? <AccessStep /> : reading),
    members: () => (space.ready ? <MembersStep /> : reading),
    review: () => (
      <ReviewStep
        review={review.review}
        plan={review.plan}
        cards={review.cards}
        run={run.run}
        domain={review.domain}
        onDomainChange={review.setDomain}
        cmsAddress={cmsAddress}
        onApply={() => {
          const { plan, sipDomain } = review;
          if (review.review.status !== 'ready' || !plan) return;
          const { input } = review.review;
          single.start(plan, () => run.apply(plan, input, sipDomain));
        }}
        applyStarted={single.started(review.plan)}
        otherTabApplying={single.otherTab}
        onRollback={run.rollback}
        onResume={run.resume}
        onRecheck={() => void review.enter()}
        onGoToField={(field) => {
          review.reset();
          steps.showStepOf([field]);
        }}
        fieldLabel={fieldLabel}
        verifyHeadingRef={verifyHeadingRef}
      />
    ),
  };
  return (
    <WizardContext.Provider
      value={{
        scenario,
        ready: space.ready,
        ...(space.snapshot ? { snapshot: space.snapshot } : {}),
        ...(space.current ? { current: space.current } : {}),
        ...(space.readError ? { readError: space.readError } : {}),
        onSpaceModeChange: (mode) => mode === 'create' && space.resetToCreate(),
      }}
    >
      <FormProvider {...form}>
        <WizardFrame
          scenario={scenario}
          steps={steps}
          headingRef={headingRef}
          locked={run.locked}
          busy={run.busy}
          notice={session.restored && <MissingPinsNotice missing={session.restored.missingPins} onGoTo={(path) => steps.showStepOf([path])} />}
        >
          {stepBody[steps.step]()}
        </WizardFrame>
      </FormProvider>
    </WizardContext.Provider>
  );
}

interface FrameProps {
  scenario: WizardScenarioId;
  steps: WizardSteps;
  headingRef: RefObject<HTMLHeadingElement | null>;
  locked: boolean;
  busy: boolean;
  /** said above the steps (PINs to enter again after a reload) */
  notice?: ReactNode;
  children: ReactNode;
}

/** The guide's title, the stepper and the step panel with its heading, error summary, Back and Next. */
function WizardFrame({ scenario, steps, headingRef, locked, busy, notice, children }: FrameProps) {
  const { step, current } = steps;
  const guide = scenarioGuide(scenario);
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1">
          {guide.title}
        </Typography>
        <Typography sx={{ maxWidth: '75ch' }}>{guide.summary}</Typography>
      </div>
      {notice}
      <Stepper nonLinear activeStep={current} aria-label="Wizard steps">
        {steps.steps.map((s, i) => (
          <Step key={s} completed={i < current} disabled={locked}>
            <StepButton id={stepId(s)} aria-controls="wizard-step-panel" onClick={() => void steps.goTo(i)}>
              {STEP_TITLES[s]}
            </StepButton>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" id="wizard-step-panel" role="tabpanel" aria-labelledby={stepId(step)} sx={{ p: { xs: 2, md: 3 } }}>
        <Box
          component="form"
          noValidate
          aria-label={STEP_TITLES[step]}
          onSubmit={(event) => {
            // Enter in a text field moves on, like Next.
            event.preventDefault();
            if (step !== 'review') void steps.goTo(current + 1);
          }}
        >
          <Stack spacing={3}>
            <Typography ref={headingRef} tabIndex={-1} variant="h5" component="h2" sx={{ outline: 'none' }}>
              Step {current + 1} of {steps.steps.length}: {STEP_TITLES[step]}
            </Typography>
            {steps.summary > 0 && step !== 'review' && <ErrorSummary key={steps.summary} scenario={scenario} step={step} />}
            {EXAMPLE_STEPS.has(step) && !locked && <GuideExampleFill />}
            {children}
            <Box sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', pt: 1 }}>
              <Button startIcon={<ArrowBackIcon />} onClick={() => void steps.goTo(current - 1)} disabled={current === 0 || locked}>
                Back
              </Button>
              {step !== 'review' && (
                <Button type="submit" variant="contained" endIcon={<ArrowForwardIcon />} disabled={busy}>
                  Next: {STEP_TITLES[steps.steps[current + 1] ?? 'review']}
                </Button>
              )}
            </Box>
          </Stack>
        </Box>
      </Paper>
    </Stack>
  );
}
