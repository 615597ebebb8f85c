import ReplayIcon from '@mui/icons-material/Replay';
import UndoIcon from '@mui/icons-material/Undo';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { effectOf } from '../../api/changes/effects';
import type { RollbackReport } from '../../api/changes/rollback';
import { LostAnswers } from '../../components/lost-answers';
import type { ApplyOutcome, FieldIssue } from '../../domain/space-planning/types';
import type { StatusOf } from '../run-state';
import { StatusChip } from './request-list';

export interface ApplyFailureProps {
  outcome: ApplyOutcome;
  failures: readonly FieldIssue[];
  /** label of a form field, for "on the field …" */
  fieldLabel: (field: string) => string;
  onGoToField: (field: string) => void;
  onRollback: () => void;
  onResume: () => void;
  undo?: StatusOf;
  result?: RollbackReport;
  rollingBack: boolean;
}

/** The stop in a title and a sentence: refused, not sent, answer lost, not applied, journal. */
function stopText(outcome: ApplyOutcome): { title: string; body: string; severity: 'error' | 'warning' } {
  const failed = outcome.failed;
  const title = `“${failed?.request.title ?? 'a request'}”`;
  const stop = failed?.stop;
  switch (stop?.reason) {
    case 'unknown':
      return {
        severity: 'warning',
        title: `Stopped: CMS's answer to ${title} was lost`,
        body: `${stop.write.error?.message ?? 'No answer came.'} Reading CMS could not tell whether it took effect: ${stop.write.unsettled ?? 'the read failed'} Nothing after it was sent. Check again reads CMS once more; the request is sent again only if the read shows it did not take effect.`,
      };
    case 'not-applied':
      return {
        severity: 'error',
        title: `Stopped: ${title} did not take effect`,
        body: `CMS's answer was lost (${stop.write.error?.message ?? 'no answer'}); a read showed it did not take effect, also after sending it again. Nothing after it was sent.`,
      };
    case 'journal':
      return { severity: 'error', title: `Stopped: the change journal could not record ${title}`, body: `${stop.message} Nothing after it was sent.` };
    case 'not-sent':
      return { severity: 'error', title: `Stopped: ${title} failed`, body: `${stop.error.message} Nothing after it was sent.` };
    default:
      return { severity: 'error', title: `Stopped: ${title} failed`, body: `CMS said: ${failed?.error?.message ?? 'no reason given.'} Nothing after it was sent.` };
  }
}

/** What the run changed in CMS so far, in one sentence, and only what CMS's answers or reads proved. */
function changedSentence(outcome: ApplyOutcome): string {
  const forward = outcome.ledger.writes.filter((w) => w.phase === 'forward');
  const unknown = forward.filter((w) => effectOf(w) === 'unknown');
  const n = outcome.done.length;
  const whether = unknown.length > 0 ? ` Whether “${unknown.map((w) => w.title).join('”, “')}” changed CMS is not known yet.` : '';
  if (n === 0 && unknown.length === 0) return 'CMS refused or never received every request of this run, so the run changed nothing.';
  if (n === 0) return `No request of this run is known to have changed CMS.${whether}`;
  return `${n} earlier ${n === 1 ? 'request has' : 'requests have'} already changed CMS.${whether} Roll back to undo ${n === 1 ? 'it' : 'them'}: references are put back first, then what this run created is deleted (never what something still points at), nothing else is touched, and every object is read back to prove it.`;
}

function FieldFailures({ failures, canGoToFields, fieldLabel, onGoToField }: Pick<ApplyFailureProps, 'failures' | 'fieldLabel' | 'onGoToField'> & { canGoToFields: boolean }) {
  const onFields = failures.filter((f) => f.field);
  if (onFields.length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {onFields.map((f) => (
        <li key={`${f.field}:${f.message}`}>
          {canGoToFields ? (
            <Link component="button" type="button" color="inherit" underline="always" onClick={() => onGoToField(f.field)} sx={{ verticalAlign: 'baseline', fontWeight: 500 }}>
              {fieldLabel(f.field)}
            </Link>
          ) : (
            <strong>{fieldLabel(f.field)}</strong>
          )}
          : {f.message}
        </li>
      ))}
    </Box>
  );
}

/** A write failed or its answer was lost: what stopped, why, what the reads found, and the roll back. */
export function ApplyFailure(props: ApplyFailureProps) {
  const { outcome, failures, fieldLabel, onGoToField, onRollback, onResume, undo, result, rollingBack } = props;
  // Keyboard and screen reader users land on what just happened: the failure, then the roll back's result.
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    failureRef.current?.focus();
  }, []);
  const text = stopText(outcome);
  const mayHaveChanged = outcome.ledger.writes.some((w) => w.phase === 'forward' && effectOf(w) !== 'not-applied');
  // Fixing a field means planning again: only once CMS is back as it was.
  const canGoToFields = !mayHaveChanged || result?.verified === true;
  const reason = outcome.failed?.stop.reason;
  const canResume = !result && !rollingBack && (reason === 'unknown' || reason === 'not-applied' || reason === 'journal');
  return (
    <Stack spacing={2}>
      <Alert severity={text.severity} role="alert" ref={failureRef} tabIndex={-1}>
        <AlertTitle>{text.title}</AlertTitle>
        <Typography variant="body2" component="p">
          {text.body}
        </Typography>
        <FieldFailures failures={failures} canGoToFields={canGoToFields} fieldLabel={fieldLabel} onGoToField={onGoToField} />
        <Typography variant="body2" component="p" sx={{ mt: 1 }}>
          {changedSentence(outcome)}
        </Typography>
      </Alert>
      <LostAnswers writes={outcome.ledger.writes.filter((w) => w.phase === 'forward')} />
      {(canResume || (mayHaveChanged && !result)) && (
        <Stack direction="row" spacing={1}>
          {mayHaveChanged && !result && (
            <Button variant="contained" color="warning" startIcon={<UndoIcon />} onClick={onRollback} disabled={rollingBack}>
              Roll back
            </Button>
          )}
          {canResume && (
            <Button variant="outlined" startIcon={<ReplayIcon />} onClick={onResume}>
              Check again and continue
            </Button>
          )}
        </Stack>
      )}
      {undo && <RollbackProgress outcome={outcome} undo={undo} />}
      <div aria-live="polite">{result && <RollbackResultPanel result={result} onRetry={onRollback} rollingBack={rollingBack} />}</div>
    </Stack>
  );
}

function RollbackProgress({ outcome, undo }: { outcome: ApplyOutcome; undo: StatusOf }) {
  return (
    <section aria-labelledby="rollback-heading">
      <Typography id="rollback-heading" variant="h6" component="h3">
        Roll back
      </Typography>
      <List dense aria-label="Roll back progress">
        {[...outcome.done].reverse().map(({ request }) => (
          <ListItem key={request.key} secondaryAction={<StatusChip status={undo[request.key]} idle="waiting" />}>
            <ListItemText primary={`Undo: ${request.title}`} />
          </ListItem>
        ))}
      </List>
    </section>
  );
}

/** "CMS is as it was" only when reads proved it; otherwise exactly what differs, and a retry. */
function RollbackResultPanel({ result, onRetry, rollingBack }: { result: RollbackReport; onRetry: () => void; rollingBack: boolean }) {
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    resultRef.current?.focus();
  }, [result]);
  return (
    <Alert
      severity={result.verified ? 'success' : 'warning'}
      role="status"
      ref={resultRef}
      tabIndex={-1}
      action={
        result.verified ? undefined : (
          <Button color="inherit" startIcon={<ReplayIcon />} onClick={onRetry} disabled={rollingBack}>
            Retry the roll back
          </Button>
        )
      }
    >
      <AlertTitle>{result.verified ? 'Rolled back: CMS is as it was before this run' : 'Rolled back in part: CMS still differs from before this run'}</AlertTitle>
      {result.verified && (
        <Typography variant="body2" component="p">
          Every object this run touched was read back and holds what it held before.
        </Typography>
      )}
      {result.differences.length > 0 && (
        <>
          <Typography variant="body2" component="p" sx={{ mt: 1, fontWeight: 500 }}>
            What reads of CMS show is different:
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label="Differences from before this run">
            {result.differences.map((d) => (
              <li key={d.sentence}>{d.sentence}</li>
            ))}
          </Box>
        </>
      )}
      <Box component="ul" sx={{ m: 0, pl: 2.5, mt: 1 }} aria-label="What the roll back did">
        {result.items.map((item) => (
          <li key={item.seq}>{item.sentence}</li>
        ))}
        {result.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </Box>
    </Alert>
  );
}
