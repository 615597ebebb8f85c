import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import { UndoActions } from './undo-actions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { applyChanges } from '../../api/changes/apply-changes';
import { stopSentence } from '../../api/changes/change-run';
import { lostAnswers } from '../../api/changes/describe';
import { chosenItems, loadUndoPlan, undoChangePlan, type UndoItem, type UndoPlan, type UndoStatus } from '../../api/changes/undo-plan';
import type { ChangeLedger } from '../../api/changes/types';
import type { JournalRun } from '../../api/wire/journal-contract';
import { isAbandoned } from './labels';

const STATUS: Record<UndoStatus, { label: string; color: 'success' | 'warning' | 'default' | 'error' }> = {
  ready: { label: 'will be undone', color: 'success' },
  conflict: { label: 'changed since the run', color: 'warning' },
  'done-already': { label: 'as before already', color: 'default' },
  'cannot-undo': { label: 'cannot be undone', color: 'error' },
};

/** Runs whose writes may have changed CMS: everything but a run still going (an abandoned one counts as ended), one CMS refused whole, or one rolled back. */
export function canUndo(run: Pick<JournalRun, 'state' | 'updatedAt'>): boolean {
  if (run.state === 'running') return isAbandoned(run);
  return run.state !== 'refused' && run.state !== 'rolled-back';
}

function ItemCard({ item, restore, onChoose }: { item: UndoItem; restore: boolean; onChoose: (restore: boolean) => void }) {
  const status = STATUS[item.status];
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="li" aria-label={item.title}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" color={status.color} label={status.label} />
        <Typography variant="subtitle2">{item.title}</Typography>
      </Stack>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {item.sentence}
      </Typography>
      {item.notes.map((note) => (
        <Typography key={note} variant="body2" color="warning.main">
          {note}
        </Typography>
      ))}
      {item.status === 'conflict' && (
        <RadioGroup row aria-label={`What to do: ${item.title}`} value={restore ? 'restore' : 'skip'} onChange={(e) => onChoose(e.target.value === 'restore')}>
          <FormControlLabel value="skip" control={<Radio size="small" />} label="Skip it (keep it as it is now)" />
          <FormControlLabel value="restore" control={<Radio size="small" />} label="Restore anyway" />
        </RadioGroup>
      )}
    </Paper>
  );
}

function Review({ plan, restore, onChoose }: { plan: UndoPlan; restore: ReadonlySet<number>; onChoose: (seq: number, restore: boolean) => void }) {
  if (plan.items.length === 0) return <Alert severity="info">Nothing of this run is left in CMS to undo.</Alert>;
  const conflicts = plan.items.filter((i) => i.status === 'conflict').length;
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2">
        CMS was read just now. The undo sends these writes newest first, each journaled as a run that undoes this one.
        {conflicts > 0 && ` ${conflicts} object${conflicts === 1 ? '' : 's'} changed since the run: skip or restore anyway.`}
      </Typography>
      <Stack component="ul" spacing={1} sx={{ p: 0, m: 0, listStyle: 'none' }} aria-label="Undo review">
        {plan.items.map((item) => (
          <ItemCard key={item.seq} item={item} restore={restore.has(item.seq)} onChoose={(value) => onChoose(item.seq, value)} />
        ))}
      </Stack>
    </Stack>
  );
}

function Outcome({ ledger }: { ledger: ChangeLedger }) {
  const notes = lostAnswers(ledger.writes);
  const link = ledger.runId && (
    <Link component={RouterLink} to={`/history/${ledger.runId}`}>
      Open the undo run
    </Link>
  );
  return (
    <Stack spacing={1}>
      {ledger.stop ? (
        <Alert severity="error">
          The undo stopped: {stopSentence(ledger.stop)} Writes before it took effect and are journaled; read CMS again to plan what is left. {link}
        </Alert>
      ) : (
        <Alert severity="success">
          Undone: {ledger.writes.length} write{ledger.writes.length === 1 ? '' : 's'} applied. {link}
        </Alert>
      )}
      {notes.map((n) => (
        <Typography key={n.seq} variant="body2">
          {n.sentence}
        </Typography>
      ))}
    </Stack>
  );
}

function UndoDialog({ run, onClose }: { run: JournalRun; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [restore, setRestore] = useState<ReadonlySet<number>>(new Set());
  // Revealed passcodes stay only while the dialog is open; a new open reads CMS again.
  const plan = useQuery({ queryKey: ['journal', 'undo-plan', run.id], queryFn: ({ signal }) => loadUndoPlan(run.id, signal), gcTime: 0, staleTime: 0, retry: false });
  const apply = useMutation({
    mutationFn: (chosen: UndoPlan) => applyChanges(undoChangePlan(chosen, restore)),
    onSettled: () => queryClient.invalidateQueries(),
  });
  const choose = (seq: number, value: boolean) =>
    setRestore((previous) => {
      const next = new Set(previous);
      if (value) next.add(seq);
      else next.delete(seq);
      return next;
    });
  const count = plan.data ? chosenItems(plan.data, restore).length : 0;
  return (
    <Dialog open onClose={apply.isPending ? undefined : onClose} aria-labelledby="undo-title" fullWidth maxWidth="md">
      <DialogTitle id="undo-title">Undo “{run.title}”</DialogTitle>
      <DialogContent>
        {plan.isPending && <LinearProgress aria-label="Reading CMS" />}
        {plan.isError && <Alert severity="error">The undo could not be planned: {plan.error.message}</Alert>}
        {apply.data ? <Outcome ledger={apply.data} /> : plan.data && <Review plan={plan.data} restore={restore} onChoose={choose} />}
        {apply.isError && <Alert severity="error">{apply.error.message}</Alert>}
      </DialogContent>
      <UndoActions
        applied={Boolean(apply.data)}
        incomplete={Boolean(apply.data?.stop)}
        onReadAgain={() => {
          apply.reset();
          void plan.refetch();
        }}
        onClose={onClose}
        applying={apply.isPending}
        canApply={Boolean(plan.data) && count > 0}
        onApply={() => plan.data && apply.mutate(plan.data)}
        applyLabel={`Apply undo (${count} write${count === 1 ? '' : 's'})`}
      />
    </Dialog>
  );
}

/** "Undo this run": plans the inverse from the journal after reading CMS, reviews it, applies it as a run of its own. */
export function UndoRunButton({ run }: { run: JournalRun }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" disabled={!canUndo(run)} onClick={() => setOpen(true)}>
        Undo this run
      </Button>
      {open && <UndoDialog run={run} onClose={() => setOpen(false)} />}
    </>
  );
}
