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
import type { ApplyOutcome, FieldIssue, RollbackResult } from '../engine/types';
import type { StatusOf } from '../run-state';
import { shownPath, StatusChip } from './request-list';

function undoneSentence(outcome: ApplyOutcome, key: string): string {
  const entry = outcome.done.find((d) => d.request.key === key);
  if (!entry) return key;
  const { request, id } = entry;
  if (request.method === 'POST') return `Deleted ${shownPath(`${request.path}/${id ?? ''}`, {})}, which “${request.title}” had created.`;
  const fields = Object.keys(request.restore ?? request.form);
  return `Put back the previous ${fields.join(', ')} of ${shownPath(request.path, {})} (changed by “${request.title}”).`;
}

export interface ApplyFailureProps {
  outcome: ApplyOutcome;
  failures: readonly FieldIssue[];
  /** label of a form field, for "on the field …" */
  fieldLabel: (field: string) => string;
  onGoToField: (field: string) => void;
  onRollback: () => void;
  undo?: StatusOf;
  result?: RollbackResult;
  rollingBack: boolean;
}

/** A write failed: what stopped, CMS's sentence, where it belongs, and the roll back. */
export function ApplyFailure({ outcome, failures, fieldLabel, onGoToField, onRollback, undo, result, rollingBack }: ApplyFailureProps) {
  // Keyboard and screen reader users land on what just happened: the failure, then the roll back's result.
  const failureRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    failureRef.current?.focus();
  }, []);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const failed = outcome.failed;
  const toUndo = [...outcome.done].reverse();
  // Fixing a field means planning again: only once CMS is back as it was.
  const canGoToFields = outcome.done.length === 0 || result !== undefined;
  return (
    <Stack spacing={2}>
      <Alert severity="error" role="alert" ref={failureRef} tabIndex={-1}>
        <AlertTitle>Stopped: “{failed?.request.title ?? 'a request'}” failed</AlertTitle>
        <Typography variant="body2" component="p">
          CMS said: {failed?.error.message ?? 'no reason given.'} Nothing after it was sent.
        </Typography>
        {failures.some((f) => f.field) && (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {failures
              .filter((f) => f.field)
              .map((f) => (
                <li key={`${f.field}:${f.message}`}>
                  {canGoToFields ? (
                    <Link
                      component="button"
                      type="button"
                      color="inherit"
                      underline="always"
                      onClick={() => onGoToField(f.field)}
                      sx={{ verticalAlign: 'baseline', fontWeight: 500 }}
                    >
                      {fieldLabel(f.field)}
                    </Link>
                  ) : (
                    <strong>{fieldLabel(f.field)}</strong>
                  )}
                  : {f.message}
                </li>
              ))}
          </Box>
        )}
        <Typography variant="body2" component="p" sx={{ mt: 1 }}>
          {outcome.done.length === 0
            ? 'No earlier request of this run had changed anything, so CMS is as it was.'
            : `${outcome.done.length} earlier ${outcome.done.length === 1 ? 'request has' : 'requests have'} already changed CMS. Roll back to undo ${outcome.done.length === 1 ? 'it' : 'them'}: what this run created is deleted, what it changed gets its previous values back, nothing else is touched.`}
        </Typography>
      </Alert>
      {outcome.done.length > 0 && !result && (
        <Box>
          <Button variant="contained" color="warning" startIcon={<UndoIcon />} onClick={onRollback} disabled={rollingBack}>
            Roll back
          </Button>
        </Box>
      )}
      {undo && (
        <section aria-labelledby="rollback-heading">
          <Typography id="rollback-heading" variant="h6" component="h3">
            Roll back
          </Typography>
          <List dense aria-label="Roll back progress">
            {toUndo.map(({ request }) => (
              <ListItem key={request.key} secondaryAction={<StatusChip status={undo[request.key]} idle="waiting" />}>
                <ListItemText primary={`Undo: ${request.title}`} />
              </ListItem>
            ))}
          </List>
        </section>
      )}
      <div aria-live="polite">
        {result && (
          <Alert severity={result.ok ? 'success' : 'warning'} role="status" ref={resultRef} tabIndex={-1}>
            <AlertTitle>{result.ok ? 'Rolled back: CMS is as it was before this run' : 'Rolled back in part'}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {result.undone.map((key) => (
                <li key={key}>{undoneSentence(outcome, key)}</li>
              ))}
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </Box>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
