import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import InfoIcon from '@mui/icons-material/Info';
import RefreshIcon from '@mui/icons-material/Refresh';
import WarningIcon from '@mui/icons-material/Warning';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { spaceQueries } from '../../api/resources/spaces';
import { XmlBlock } from '../../components/xml-block';
import { useSpaceId } from './space-page';
import { runChecklist, type CheckExchange, type CheckStatus, type CheckStep } from './troubleshoot';

export const checklistQuery = (spaceId: string) =>
  queryOptions({
    queryKey: [...spaceQueries.detail(spaceId).queryKey, 'troubleshoot'] as const,
    queryFn: ({ signal }) => runChecklist(spaceId, undefined, signal),
  });

const STATUS: Record<CheckStatus, { icon: typeof CheckCircleIcon; color: 'success' | 'error' | 'warning' | 'info'; word: string }> = {
  pass: { icon: CheckCircleIcon, color: 'success', word: 'Pass' },
  fail: { icon: ErrorIcon, color: 'error', word: 'Fail' },
  warn: { icon: WarningIcon, color: 'warning', word: 'Check' },
  info: { icon: InfoIcon, color: 'info', word: 'Info' },
};

export function TroubleshootTab() {
  const spaceId = useSpaceId();
  const checklist = useQuery(checklistQuery(spaceId));
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography sx={{ flexGrow: 1 }} color="text.secondary">
          The guide's checklist, run against CMS: call profiles, call leg profiles, the space (then its tenant and the system), its access methods.
        </Typography>
        <Button startIcon={<RefreshIcon />} onClick={() => void checklist.refetch()} disabled={checklist.isFetching}>
          Run again
        </Button>
      </Stack>
      {checklist.isFetching && <LinearProgress aria-label="Running the checklist" />}
      {checklist.isError && <Alert severity="error">{checklist.error.message}</Alert>}
      {checklist.data && <Checklist steps={checklist.data} />}
    </Stack>
  );
}

export function Checklist({ steps }: { steps: readonly CheckStep[] }) {
  return (
    <Stack component="ol" spacing={2} aria-label="Checklist" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {steps.map((step, i) => (
        <li key={step.id} data-step={step.id} data-status={step.status}>
          <StepView step={step} number={i + 1} />
        </li>
      ))}
    </Stack>
  );
}

function StepView({ step, number }: { step: CheckStep; number: number }) {
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
          <Requests exchanges={step.exchanges} />
        </Stack>
      </Stack>
    </Paper>
  );
}

function Requests({ exchanges }: { exchanges: readonly CheckExchange[] }) {
  return (
    <Stack spacing={0.5}>
      {exchanges.map((exchange, i) => (
        <RequestView key={`${exchange.path}-${i}`} exchange={exchange} />
      ))}
    </Stack>
  );
}

function RequestView({ exchange }: { exchange: CheckExchange }) {
  const [open, setOpen] = useState(false);
  const ok = exchange.status !== undefined && exchange.status < 300;
  return (
    <Box>
      <Button
        size="small"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        sx={{ textTransform: 'none', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, justifyContent: 'flex-start' }}
        color={ok ? 'inherit' : 'error'}
      >
        {open ? '▾' : '▸'} {exchange.method} {exchange.path} → {exchange.status ?? 'no answer'}
      </Button>
      <Collapse in={open} unmountOnExit>
        {exchange.error && (
          <Alert severity={ok ? 'info' : 'error'} sx={{ mb: 1 }}>
            {exchange.error}
          </Alert>
        )}
        <XmlBlock text={exchange.text} label={`XML of ${exchange.method} ${exchange.path}`} />
      </Collapse>
    </Box>
  );
}
