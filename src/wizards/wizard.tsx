import { zodResolver } from '@hookform/resolvers/zod';
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
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { FormProvider, useForm, useWatch, type FieldValues, type Resolver } from 'react-hook-form';
import { getSession, subscribeSession } from '../api/transport/cms-client';
import { activeTarget, studioConnectionQueries } from '../api/transport/studio-connection';
import type { WizardScenarioId, WizardStepId } from '../lib/wizard-links';
import { currentStateQuery } from './current-state-query';
import { applyPlan, rollback } from './engine/apply';
import { failureIssues } from './engine/failures';
import { DEFAULT_DOMAIN, joinCards } from './engine/join-cards';
import { planWizard } from './engine/plan';
import { preflight } from './engine/preflight';
import { readCurrentState } from './engine/read-current';
import type { CurrentState, ProgressEvent, SpaceSnapshot } from './engine/types';
import { verifyWizard } from './engine/verify';
import { ErrorSummary } from './error-summary';
import { fieldLabel } from './field-labels';
import { errorPaths, firstStepWith, stepOfField } from './field-steps';
import { valuesFromSnapshot } from './prefill';
import { ReviewStep } from './review/review-step';
import { type ReviewState, type RunState, isBusy } from './run-state';
import { scenarioGuide } from './scenario-guide';
import { AccessStep } from './steps/access-step';
import { CallProfileStep } from './steps/call-profile-step';
import { MembersStep } from './steps/members-step';
import { ProfilesStep } from './steps/profiles-step';
import { SpaceStep } from './steps/space-step';
import { WizardContext, type WizardContextValue } from './wizard-context';
import { defaultValues, stepFields, stepsFor, wizardSchemas, type WizardInput } from './wizard-schema';
import { isGuid } from '../api/wire/ids';

const STEP_TITLES: Record<WizardStepId, string> = {
  profiles: 'Profiles',
  space: 'Space',
  'call-profile': 'Call profile',
  access: 'Host access method',
  members: 'Members',
  review: 'Review and apply',
};

const FALLBACK_BASE_URL = 'https://cms.example.com:445';
const KEEP_WHEN_EDITED = new Set(['profiles.guest', 'profiles.host', 'callProfile', 'members']);

function initialValues(scenario: WizardScenarioId, spaceId: string | undefined): FieldValues {
  const values = defaultValues(scenario) as FieldValues;
  if (spaceId) values.space = { ...(values.space as FieldValues), mode: 'existing', id: spaceId };
  return values;
}

type SpaceRead = { id: string; snapshot?: SpaceSnapshot; current?: CurrentState; error?: string };

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
  const steps = useMemo(() => stepsFor(scenario), [scenario]);
  const fieldsByStep = useMemo(() => stepFields(scenario), [scenario]);
  const reviewIndex = steps.indexOf('review');
  const methods = useForm<FieldValues, unknown, WizardInput>({
    resolver: zodResolver(wizardSchemas[scenario]) as unknown as Resolver<FieldValues, unknown, WizardInput>,
    defaultValues: initialValues(scenario, spaceId),
    mode: 'onTouched',
  });
  const { control, trigger, handleSubmit, setError, setFocus, getValues, getFieldState, setValue, clearErrors } = methods;
  const queryClient = useQueryClient();

  const startIndex = initialStep && steps.includes(initialStep) ? steps.indexOf(initialStep) : 0;
  const [active, setActive] = useState(startIndex);
  const [summary, setSummary] = useState(0);
  const [review, setReview] = useState<ReviewState>({ status: 'idle' });
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [domain, setDomain] = useState(DEFAULT_DOMAIN);
  const step = steps[active] ?? 'review';
  const busy = isBusy(run);
  // A run that stopped half-way stays on Review until it is rolled back: a new plan on top of it would mix both.
  const locked = busy || (run.phase === 'failed' && run.outcome.done.length > 0);

  // --- the existing space: read it and fill the form with what it holds ---
  const spaceMode = useWatch({ control, name: 'space.mode' }) as string | undefined;
  const pickedId = useWatch({ control, name: 'space.id' }) as string | undefined;
  const wanted = spaceMode === 'existing' && typeof pickedId === 'string' && isGuid(pickedId) ? pickedId.toLowerCase() : undefined;
  const [read, setRead] = useState<SpaceRead | undefined>();
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    queryClient.fetchQuery(currentStateQuery({ scenario, space: { mode: 'existing', id: wanted } })).then(
      (state) => {
        if (cancelled) return;
        if (!state.space) {
          setRead({ id: wanted, error: `CMS has no space with id ${wanted}. Search for another one.` });
          return;
        }
        const next = valuesFromSnapshot(scenario, getValues(), state.space, state);
        const { profiles, ...rest } = next as { profiles?: Record<string, unknown> } & Record<string, unknown>;
        const updates: Array<[string, unknown]> = [
          ...Object.entries(rest),
          ...(['guest', 'host'] as const).map((role): [string, unknown] => [`profiles.${role}`, profiles?.[role]]),
        ];
        for (const [key, value] of updates) {
          // What the admin chose themselves wins over what the space happens to use.
          if (value === undefined || (KEEP_WHEN_EDITED.has(key) && getFieldState(key).isDirty)) continue;
          setValue(key, value);
        }
        setRead({ id: wanted, snapshot: state.space, current: state });
      },
      (error: unknown) => {
        if (!cancelled) setRead({ id: wanted, error: `Could not read the space: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, scenario, queryClient, getValues, getFieldState, setValue]);
  const readNow = wanted && read?.id === wanted ? read : undefined;
  const ready = !wanted || readNow !== undefined;

  const context = useMemo<WizardContextValue>(
    () => ({
      scenario,
      ready,
      ...(readNow?.snapshot ? { snapshot: readNow.snapshot } : {}),
      ...(readNow?.current ? { current: readNow.current } : {}),
      ...(readNow?.error ? { readError: readNow.error } : {}),
    }),
    [scenario, ready, readNow],
  );

  // --- focus: the step heading on every step change (not on first render) ---
  const headingRef = useRef<HTMLHeadingElement>(null);
  const verifyHeadingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [active]);
  useEffect(() => {
    if (run.phase === 'verified') verifyHeadingRef.current?.focus();
  }, [run.phase]);

  // --- moving between steps ---
  const focusFirstError = (root: string[], errors: unknown = methods.formState.errors) => {
    const paths = errorPaths(errors).filter((p) => root.some((r) => p === r || p.startsWith(`${r}.`)));
    const first = paths[0];
    if (!first) return;
    try {
      setFocus(first);
    } catch {
      // no input of its own
    }
  };

  // --- review ---
  const enterReview = async () => {
    setRun({ phase: 'idle' });
    await handleSubmit(
      async (input) => {
        setActive(reviewIndex);
        setReview({ status: 'checking' });
        try {
          const current = await readCurrentState(input);
          const issues = await preflight(input, current);
          if (issues.length > 0) {
            for (const issue of issues) setError(issue.field, { type: 'preflight', message: issue.message });
            const first = firstStepWith(scenario, issues.map((i) => i.field)) ?? steps[0];
            setReview({ status: 'blocked', issues });
            setSummary((n) => n + 1);
            setActive(Math.max(0, steps.indexOf(first ?? 'profiles')));
            return;
          }
          setReview({ status: 'ready', input, cms: current });
        } catch (error) {
          setReview({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        }
      },
      (errors) => {
        const paths = errorPaths(errors);
        const first = Math.max(0, steps.indexOf(firstStepWith(scenario, paths) ?? steps[0] ?? 'profiles'));
        setSummary((n) => n + 1);
        if (first !== active) setActive(first);
        else focusFirstError(fieldsByStep[steps[first] ?? 'profiles'] ?? [], errors);
      },
    )();
  };

  // Opened at ?step=review: check as soon as the space (if any) has been read.
  const autoReview = useRef(initialStep === 'review');
  const reviewOnce = useEffectEvent(() => {
    if (!autoReview.current) return;
    autoReview.current = false;
    void enterReview();
  });
  useEffect(() => {
    if (ready) reviewOnce();
  }, [ready]);

  const plan = useMemo(() => (review.status === 'ready' ? planWizard(review.input, review.cms) : undefined), [review]);
  const cards = useMemo(() => (review.status === 'ready' ? joinCards(review.input, domain.trim() || DEFAULT_DOMAIN) : []), [review, domain]);

  const goTo = async (target: number) => {
    if (target === active || locked || target < 0 || target >= steps.length) return;
    if (target < active) {
      setActive(target);
      if (steps[target] !== 'review') setReview({ status: 'idle' });
      return;
    }
    for (let i = active; i < target; i++) {
      const s = steps[i];
      if (!s || s === 'review') break;
      const fields = fieldsByStep[s] ?? [];
      const ok = await trigger(fields);
      if (!ok) {
        setSummary((n) => n + 1);
        if (i !== active) setActive(i);
        else focusFirstError(fields);
        return;
      }
    }
    if (steps[target] === 'review') {
      await enterReview();
      return;
    }
    setActive(target);
  };

  // --- apply, roll back, verify ---
  const progressTo = (event: ProgressEvent) =>
    setRun((r) => ('progress' in r && r.phase === 'applying' ? { ...r, progress: { ...r.progress, [event.key]: event.status } } : r));
  const undoTo = (event: ProgressEvent) =>
    setRun((r) => (r.phase === 'rolling-back' ? { ...r, undo: { ...r.undo, [event.key]: event.status } } : r));

  const apply = async () => {
    if (!plan || review.status !== 'ready' || busy) return;
    const input = review.input;
    setRun({ phase: 'applying', progress: {} });
    const outcome = await applyPlan(plan, { onProgress: progressTo });
    await queryClient.invalidateQueries({ queryKey: ['cms'] });
    const progress: Record<string, ProgressEvent['status']> = {};
    for (const d of outcome.done) progress[d.request.key] = 'done';
    if (!outcome.ok && outcome.failed) {
      progress[outcome.failed.request.key] = 'failed';
      const failures = failureIssues(input, outcome.failed.request, outcome.failed.error).map((f) => ({
        ...f,
        message: `CMS refused this: ${f.message}`,
      }));
      for (const f of failures) if (f.field) setError(f.field, { type: 'cms', message: f.message });
      setRun({ phase: 'failed', progress, outcome, failures });
      return;
    }
    setRun({ phase: 'verifying', progress, outcome });
    try {
      const verification = await verifyWizard(input, { ...plan.ids, ...outcome.refs }, undefined, { domain: domain.trim() || DEFAULT_DOMAIN });
      setRun({ phase: 'verified', progress, outcome, verification });
    } catch (error) {
      setRun({ phase: 'verify-failed', progress, outcome, message: error instanceof Error ? error.message : String(error) });
    }
  };

  const undo = async () => {
    if (run.phase !== 'failed') return;
    const { outcome, failures, progress } = run;
    setRun({ phase: 'rolling-back', progress, outcome, failures, undo: {} });
    const result = await rollback(outcome, { onProgress: undoTo });
    await queryClient.invalidateQueries({ queryKey: ['cms'] });
    setRun({ phase: 'rolled-back', progress, outcome, failures, undo: result.undone.reduce((acc, k) => ({ ...acc, [k]: 'done' }), {}), result });
  };

  const goToField = (field: string) => {
    const s = stepOfField(scenario, field);
    if (!s) return;
    setReview({ status: 'idle' });
    setSummary((n) => n + 1);
    setActive(steps.indexOf(s));
  };

  const resetSpaceToDefaults = () => {
    const defaults = defaultValues(scenario) as FieldValues;
    const profiles = defaults.profiles as Record<string, unknown>;
    const updates: Array<[string, unknown]> = [
      ['space', defaults.space],
      ['access', defaults.access],
      ['callProfile', defaults.callProfile],
      ['members', defaults.members],
      ['profiles.guest', profiles.guest],
      ['profiles.host', profiles.host],
    ];
    for (const [key, value] of updates) {
      if (value !== undefined && !(KEEP_WHEN_EDITED.has(key) && getFieldState(key).isDirty)) setValue(key, value);
    }
    clearErrors();
    setRead(undefined);
  };


  // --- the CMS address curl commands go to ---
  const connection = useQuery(studioConnectionQueries.current());
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const baseUrl = connection.data ? (activeTarget(connection.data, session.target)?.url ?? FALLBACK_BASE_URL) : FALLBACK_BASE_URL;

  const guide = scenarioGuide(scenario);
  const stepId = (s: WizardStepId) => `wizard-step-${s}`;

  return (
    <WizardContext.Provider value={{ ...context, onSpaceModeChange: (mode) => mode === 'create' && read && resetSpaceToDefaults() }}>
      <FormProvider {...methods}>
        <Stack spacing={2}>
          <div>
            <Typography variant="h4" component="h1">
              {guide.title}
            </Typography>
            <Typography sx={{ maxWidth: '75ch' }}>{guide.summary}</Typography>
          </div>
          <Stepper nonLinear activeStep={active} aria-label="Wizard steps">
            {steps.map((s, i) => (
              <Step key={s} completed={i < active} disabled={locked}>
                <StepButton id={stepId(s)} aria-controls="wizard-step-panel" onClick={() => void goTo(i)}>
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
                if (step !== 'review') void goTo(active + 1);
              }}
            >
              <Stack spacing={3}>
                <Typography ref={headingRef} tabIndex={-1} variant="h5" component="h2" sx={{ outline: 'none' }}>
                  Step {active + 1} of {steps.length}: {STEP_TITLES[step]}
                </Typography>
                {summary > 0 && step !== 'review' && <ErrorSummary key={summary} scenario={scenario} step={step} />}
                {step === 'profiles' && <ProfilesStep />}
                {step === 'space' && <SpaceStep />}
                {step === 'call-profile' && <CallProfileStep />}
                {step === 'access' && (ready ? <AccessStep /> : <Typography>Reading the space from CMS…</Typography>)}
                {step === 'members' && (ready ? <MembersStep /> : <Typography>Reading the space from CMS…</Typography>)}
                {step === 'review' && (
                  <ReviewStep
                    review={review}
                    plan={plan}
                    cards={cards}
                    run={run}
                    domain={domain}
                    onDomainChange={setDomain}
                    defaultBaseUrl={baseUrl}
                    onApply={() => void apply()}
                    onRollback={() => void undo()}
                    onRecheck={() => void enterReview()}
                    onGoToField={goToField}
                    fieldLabel={fieldLabel}
                    verifyHeadingRef={verifyHeadingRef}
                  />
                )}
                <Box sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', pt: 1 }}>
                  <Button startIcon={<ArrowBackIcon />} onClick={() => void goTo(active - 1)} disabled={active === 0 || locked}>
                    Back
                  </Button>
                  {step !== 'review' && (
                    <Button type="submit" variant="contained" endIcon={<ArrowForwardIcon />} disabled={busy}>
                      Next: {STEP_TITLES[steps[active + 1] ?? 'review']}
                    </Button>
                  )}
                </Box>
              </Stack>
            </Box>
          </Paper>
        </Stack>
      </FormProvider>
    </WizardContext.Provider>
  );
}
