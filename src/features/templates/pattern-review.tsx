import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { stopSentence } from '../../api/changes/change-run';
import { targetOf, wireForm } from '../../api/resources/operation-facts';
import { applyTemplatePlan, type TemplateApplied } from '../../domain/templates/apply-template-plan';
import { planPatternTemplate, type PatternTemplateInput, type TemplatePlan } from '../../domain/templates/pattern-template';
import { readKnownProfiles } from '../../domain/templates/read-profiles';
import { historyRunLink } from '../../lib/wizard-links';

const ROLE_WORDS = { guest: 'Guest call leg profile', host: 'Host call leg profile', callProfile: 'Call profile' } as const;

function ProfileLines({ plan }: { plan: TemplatePlan }) {
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0 }} aria-label="Profiles">
      {plan.profiles.map((p) => (
        <Typography component="li" variant="body2" key={p.role}>
          {ROLE_WORDS[p.role]}:{' '}
          {p.mode === 'reused' ? `reused ${p.id ?? ''} (it has exactly the guide's settings)` : p.mode === 'chosen' ? `${p.id ?? ''}, as chosen` : "created with the guide's settings"}
        </Typography>
      ))}
    </Stack>
  );
}

function Writes({ plan }: { plan: TemplatePlan }) {
  return (
    <Stack component="ol" spacing={1} sx={{ m: 0 }} aria-label="Writes">
      {plan.steps.map((step) => {
        const { method, path } = targetOf(step.operation);
        const body = Object.entries(wireForm(step.operation))
          .map(([name, value]) => `${name}=${value}`)
          .join('&');
        return (
          <li key={step.key}>
            <Typography variant="body2">{step.title}</Typography>
            <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
              {method} /api/v1{path} {body}
            </Typography>
          </li>
        );
      })}
    </Stack>
  );
}

function Outcome({ result }: { result: TemplateApplied }) {
  const { ledger, rollback } = result;
  const history = ledger.runId && (
    <Link component={RouterLink} to={historyRunLink(ledger.runId)}>
      Open it in History
    </Link>
  );
  if (!ledger.stop) {
    return (
      <Alert severity="success">
        The template exists (id {ledger.refs.template}). Assign it to users from its card. {history} (undo it from there)
      </Alert>
    );
  }
  return (
    <Stack spacing={1}>
      <Alert severity="error">The run stopped: {stopSentence(ledger.stop)}</Alert>
      {rollback && (
        <Alert severity={rollback.report.verified ? 'info' : 'warning'}>
          {rollback.report.verified
            ? 'What the run had created was deleted again; reads show CMS as it was before.'
            : `The rollback could not prove CMS is as before: ${[...rollback.report.differences.map((d) => d.sentence), ...rollback.report.problems].join(' ')}`}{' '}
          {history}
        </Alert>
      )}
    </Stack>
  );
}

/** The exact writes of a template from a pattern (profiles reused where identical), then one journaled run. */
export function PatternReview({ input, onBack, onClose }: { input: PatternTemplateInput; onBack: (problems?: TemplatePlan['problems']) => void; onClose: () => void }) {
  const queryClient = useQueryClient();
  const profiles = useQuery({ queryKey: ['cms', 'callLegProfiles', 'every-in-full'], queryFn: ({ signal }) => readKnownProfiles(signal) });
  const plan = profiles.data ? planPatternTemplate(input, profiles.data) : undefined;
  const apply = useMutation({
    mutationFn: (p: TemplatePlan) => applyTemplatePlan(input, p),
    onSettled: () => queryClient.invalidateQueries(),
  });
  const problems = plan?.problems ?? [];
  return (
    <>
      <DialogContent>
        {profiles.isPending && <LinearProgress aria-label="Reading the profiles" />}
        {profiles.isError && <Alert severity="error">The profiles could not be read: {profiles.error.message}</Alert>}
        {plan && (
          <Stack spacing={2}>
            {apply.data ? (
              <Outcome result={apply.data} />
            ) : (
              <>
                {problems.map((p) => (
                  <Alert key={p.field} severity="error">
                    {p.message}
                  </Alert>
                ))}
                <ProfileLines plan={plan} />
                <Typography>These requests are sent in this order, as one run recorded in the change journal; if one fails, what the run created is deleted again:</Typography>
                <Writes plan={plan} />
                {plan.limits.map((sentence) => (
                  <Alert key={sentence} severity="warning" variant="outlined">
                    {sentence}
                  </Alert>
                ))}
                {apply.isError && <Alert severity="error">{apply.error.message}</Alert>}
              </>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {apply.data ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={() => onBack(problems)} disabled={apply.isPending}>
              Back
            </Button>
            <Button variant="contained" loading={apply.isPending} disabled={!plan || problems.length > 0} onClick={() => plan && apply.mutate(plan)}>
              Create the template
            </Button>
          </>
        )}
      </DialogActions>
    </>
  );
}
