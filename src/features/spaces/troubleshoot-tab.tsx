import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import InfoIcon from '@mui/icons-material/Info';
import RefreshIcon from '@mui/icons-material/Refresh';
import WarningIcon from '@mui/icons-material/Warning';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { apiPath } from '../../api/transport/client';
import { RawXmlToggle } from '../../components/raw-xml';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import type { Finding } from '../../domain/profile-resolution/model';
import { checklistOf, type CheckStatus, type CheckStep, type Checklist as ChecklistModel } from '../../domain/space-evaluation/checklist';
import { evaluateSpace } from '../../domain/space-evaluation/evaluate';
import { wizardLink } from '../../lib/wizard-links';
import { useSpaceId } from './space-page';
import { VerdictBanner } from './verdict-banner';

const STATUS: Record<CheckStatus, { icon: typeof CheckCircleIcon; color: 'success' | 'error' | 'warning' | 'info'; word: string }> = {
  pass: { icon: CheckCircleIcon, color: 'success', word: 'Pass' },
  fail: { icon: ErrorIcon, color: 'error', word: 'Fail' },
  warn: { icon: WarningIcon, color: 'warning', word: 'Check' },
  info: { icon: InfoIcon, color: 'info', word: 'Note' },
};

export function TroubleshootTab() {
  const spaceId = useSpaceId();
  const model = useQuery(spaceModelQueries.detail(spaceId));
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography sx={{ flexGrow: 1 }} color="text.secondary">
          The guide's checklist, from what CMS holds now: call profiles, call leg profiles, the space (then its tenant and the system), its
          access methods, its members; then one verdict, the same as on the Profiles tab.
        </Typography>
        <Button startIcon={<RefreshIcon />} onClick={() => void model.refetch()} disabled={model.isFetching}>
          Read CMS again
        </Button>
      </Stack>
      {model.isFetching && <LinearProgress aria-label="Reading the space, its profiles, access methods and members" />}
      {model.isError && <Alert severity="error">{model.error.message}</Alert>}
      {model.data && <Checklist checklist={checklistOf(evaluateSpace(model.data))} spaceId={spaceId} />}
    </Stack>
  );
}

export function Checklist({ checklist, spaceId }: { checklist: ChecklistModel; spaceId: string }) {
  return (
    <Stack spacing={2}>
      <Stack component="ol" spacing={2} aria-label="Checklist" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {checklist.steps.map((step, i) => (
          <li key={step.id} data-step={step.id} data-status={step.status}>
            <StepView step={step} number={i + 1} spaceId={spaceId} />
          </li>
        ))}
      </Stack>
      <VerdictBanner verdict={checklist.verdict} />
    </Stack>
  );
}

function StepView({ step, number, spaceId }: { step: CheckStep; number: number; spaceId: string }) {
  const { icon: Icon, color, word } = STATUS[step.status];
  return (
    <Paper variant="outlined" sx={{ p: 2, borderLeft: 4, borderLeftColor: `${color}.main` }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <Icon color={color} titleAccess={word} sx={{ mt: 0.25 }} />
        <Stack spacing={1} sx={{ flexGrow: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {number}. {step.title}
            </Typography>
            <Chip size="small" color={color} label={word} variant="outlined" />
          </Stack>
          {step.sentences.map((sentence, i) => (
            <Typography key={i} variant="body2">
              {sentence}
            </Typography>
          ))}
          {step.findings.map((finding) => (
            <StepFinding key={finding.id} finding={finding} spaceId={spaceId} />
          ))}
          <Requests paths={step.requests} />
        </Stack>
      </Stack>
    </Paper>
  );
}

function StepFinding({ finding, spaceId }: { finding: Finding; spaceId: string }) {
  return (
    <Alert severity={finding.severity} variant="outlined" data-finding={finding.id}>
      <strong>{finding.title}.</strong> {finding.explanation}
      {finding.fix && (
        <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
          <Link component={RouterLink} to={wizardLink({ scenario: finding.fix.scenario, step: finding.fix.step, spaceId })}>
            Fix: {finding.fix.label}
          </Link>
        </Box>
      )}
    </Alert>
  );
}

/** The GETs the guide makes for the step, each showing what CMS answers now. */
function Requests({ paths }: { paths: readonly string[] }) {
  return (
    <Stack component="ul" spacing={0.5} aria-label="Requests" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {paths.map((path) => (
        <li key={path}>
          <Typography component="code" variant="body2" sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}>
            GET {apiPath(path)}
          </Typography>
          <RawXmlToggle path={path} what={`GET ${apiPath(path)}`} />
        </li>
      ))}
    </Stack>
  );
}
