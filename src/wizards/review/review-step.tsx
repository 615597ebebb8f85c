import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type Ref } from 'react';
import { CopyButton } from '../../components/copy-button';
import { curlScript } from '../engine/curl';
import type { JoinCard, ProgressEvent, WizardPlan } from '../../domain/space-planning/types';
import type { CmsAddress } from '../use-cms-address';
import { isBusy, tookEffect, type ReviewState, type RunState } from '../run-state';
import { LostAnswers } from '../../components/lost-answers';
import { ApplyFailure } from './apply-result';
import { JoinCardList } from './join-card-list';
import { RequestList } from './request-list';
import { VerifyPanel } from './verify-panel';

export interface ReviewStepProps {
  review: ReviewState;
  plan: WizardPlan | undefined;
  cards: readonly JoinCard[];
  run: RunState;
  domain: string;
  onDomainChange: (domain: string) => void;
  /** where copied curl commands go by default: the cluster of this session */
  cmsAddress: CmsAddress;
  onApply: () => void;
  /** this plan's Apply was pressed: a second press starts nothing */
  applyStarted: boolean;
  /** another tab of this browser is applying this wizard */
  otherTabApplying: boolean;
  onRollback: () => void;
  onResume: () => void;
  onRecheck: () => void;
  onGoToField: (field: string) => void;
  fieldLabel: (field: string) => string;
  verifyHeadingRef: Ref<HTMLHeadingElement>;
}

/** Step "Review": the exact calls, copyable; how to join; then apply, roll back or verify. */
export function ReviewStep(props: ReviewStepProps) {
  const { review, plan, cards, run, domain, onDomainChange, cmsAddress } = props;
  // The Apply button goes away once it is pressed: the focus follows the progress instead of falling to the page.
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (run.phase === 'applying') statusRef.current?.focus();
  }, [run.phase]);

  if (review.status === 'checking' || review.status === 'idle') {
    return (
      <Stack spacing={1} aria-live="polite">
        <LinearProgress aria-label="Checking against CMS" />
        <Typography>Reading CMS and checking the inputs against it. Nothing is written.</Typography>
      </Stack>
    );
  }
  if (review.status === 'error') {
    return (
      <Alert severity="error" role="alert" action={<Button onClick={props.onRecheck}>Try again</Button>}>
        Could not check against CMS: {review.message}
      </Alert>
    );
  }
  if (review.status === 'blocked' || !plan) {
    return <Alert severity="warning" role="note">Fix the problems shown on the earlier steps first.</Alert>;
  }

  const refs = 'outcome' in run ? run.outcome.refs : {};
  const status = 'progress' in run ? run.progress : {};
  const busy = isBusy(run);
  const applied = run.phase !== 'idle';
  const count = plan.requests.length;
  const doneCount = Object.values(status).filter(tookEffect).length;

  return (
    <Stack spacing={3}>
      {count === 0 ? (
        <Alert severity="success" role="status">
          <AlertTitle>Nothing to change</AlertTitle>
          CMS already holds everything this wizard sets: applying would send no request.
        </Alert>
      ) : (
        <Typography>
          {count === 1 ? 'Applying sends this request to CMS.' : `Applying sends these ${count} requests to CMS, in this order.`} Ids in
          angle brackets come from the Location of an earlier POST of this run.
        </Typography>
      )}
      {review.status === 'ready' && <ScopeReach review={review} />}
      {plan.notes.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label="Notes">
          {plan.notes.map((n) => (
            <li key={n}>
              <Typography variant="body2">{n}</Typography>
            </li>
          ))}
        </Box>
      )}

      {count > 0 && <ApiCalls requests={plan.requests} refs={refs} status={status} cmsAddress={cmsAddress} />}

      <section aria-labelledby="review-join-heading">
        <Typography id="review-join-heading" variant="h6" component="h3" gutterBottom>
          How to join
        </Typography>
        <Grid container spacing={2} sx={{ mb: 2 }}>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TextField
              id="review-domain"
              label="SIP domain (from your call matching rules)"
              value={domain}
              onChange={(e) => onDomainChange(e.target.value)}
              fullWidth
              size="small"
            />
          </Grid>
        </Grid>
        <JoinCardList cards={cards} />
      </section>

      <div aria-live="polite">
        {run.phase === 'applying' && (
          <Typography role="status" ref={statusRef} tabIndex={-1}>
            Applying: {doneCount} of {count} done.
          </Typography>
        )}
        {run.phase === 'verifying' && <Typography role="status">Applied. Reading every object back from CMS…</Typography>}
      </div>

      {count > 0 && !applied && props.otherTabApplying && (
        <Alert severity="warning" role="alert">
          Another tab is applying this wizard right now, and one run at a time is allowed. Wait until it has finished, then check again:
          CMS may hold its changes by then.
        </Alert>
      )}
      {count > 0 && !applied && (
        <Box>
          <Button variant="contained" size="large" startIcon={<PlayArrowIcon />} onClick={props.onApply} disabled={busy || props.applyStarted}>
            Apply {count} {count === 1 ? 'change' : 'changes'}
          </Button>
        </Box>
      )}
      {busy && <LinearProgress aria-label={run.phase === 'rolling-back' ? 'Rolling back' : 'Applying'} />}

      <RunOutcome {...props} />
    </Stack>
  );
}

/** After Apply: the failure and its roll back, or what verify read back. */
function RunOutcome({ run, cards, onRecheck, onGoToField, onRollback, onResume, fieldLabel, verifyHeadingRef }: ReviewStepProps) {
  return (
    <>
      {(run.phase === 'failed' || run.phase === 'rolling-back' || run.phase === 'rolled-back') && (
        <ApplyFailure
          outcome={run.outcome}
          failures={run.failures}
          fieldLabel={fieldLabel}
          onGoToField={onGoToField}
          onRollback={onRollback}
          onResume={onResume}
          rollingBack={run.phase === 'rolling-back'}
          {...(run.phase !== 'failed' ? { undo: run.undo } : {})}
          {...(run.phase === 'rolled-back' ? { result: run.result } : {})}
        />
      )}
      {((run.phase === 'rolled-back' && run.result.verified) || (run.phase === 'failed' && run.outcome.done.length === 0 && !run.outcome.ledger.writes.some((w) => w.outcome === 'unknown'))) && (
        <Box>
          <Button variant="outlined" onClick={onRecheck}>
            Check again
          </Button>
        </Box>
      )}
      {(run.phase === 'verified' || run.phase === 'verify-failed' || run.phase === 'verifying') && <LostAnswers writes={run.outcome.ledger.writes} />}
      {run.phase === 'verify-failed' && (
        <Alert severity="warning" role="alert" action={<Button onClick={onRecheck}>Check again</Button>}>
          Applied, but reading the objects back failed: {run.message}
        </Alert>
      )}
      {run.phase === 'verified' && (
        <VerifyPanel verification={run.verification} cards={cards} headingRef={verifyHeadingRef} onRecheck={onRecheck} />
      )}
    </>
  );
}

interface ApiCallsProps {
  requests: WizardPlan['requests'];
  refs: Readonly<Record<string, string>>;
  status: Readonly<Record<string, ProgressEvent['status']>>;
  cmsAddress: CmsAddress;
}

/** The exact calls, PINs masked until revealed, each copyable as curl against the CMS address given. */
function ApiCalls({ requests, refs, status, cmsAddress }: ApiCallsProps) {
  const [reveal, setReveal] = useState(false);
  const [typedUrl, setTypedUrl] = useState<string>();
  const curl = { ...cmsAddress, baseUrl: typedUrl ?? cmsAddress.baseUrl, revealSecrets: reveal };
  return (
    <section aria-labelledby="review-calls-heading">
      <Typography id="review-calls-heading" variant="h6" component="h3" gutterBottom>
        API calls
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
        <FormControlLabel control={<Switch checked={reveal} onChange={(e) => setReveal(e.target.checked)} />} label="Reveal PINs" />
        <TextField
          id="review-base-url"
          label="CMS address for curl"
          size="small"
          value={curl.baseUrl}
          onChange={(e) => setTypedUrl(e.target.value)}
          sx={{ minWidth: 280 }}
        />
        <CopyButton variant="text" text={curlScript(requests, refs, curl)} label="Copy all as curl" />
      </Stack>
      <RequestList requests={requests} refs={refs} curl={curl} status={status} />
    </section>
  );
}

/** A guest profile on the tenant or system level reaches more than this space: say how far, before applying. */
function ScopeReach({ review }: { review: Extract<ReviewState, { status: 'ready' }> }) {
  const { guestScope, tenantId } = review.input.profiles;
  const { reach } = review.cms;
  const spaces = (n: number) => `${n} ${n === 1 ? 'space' : 'spaces'}`;
  if (guestScope === 'tenant') {
    const n = reach.tenant?.spaces;
    return (
      <Alert severity="warning" role="note">
        The guest profile goes on tenant {tenantId}: it applies to {n === undefined ? 'every space' : spaces(n)} of that tenant that set no
        call leg profile of their own.
      </Alert>
    );
  }
  if (guestScope === 'system') {
    return (
      <Alert severity="warning" role="note">
        The guest profile goes on the system (global) profiles: it applies to every space on this CMS ({spaces(reach.system.spaces)}) whose
        own and tenant profiles leave needsActivation unset.
      </Alert>
    );
  }
  return null;
}
