import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import { UndoActions } from './undo-actions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { listRuns } from '../../api/resources/journal';
import type { JournalRun } from '../../api/wire/journal-contract';
import { applyBatchUndo, planBatchUndo, type BatchUndoOutcome, type BatchUndoPlan } from '../../domain/batch-fix/undo-batch';

/** Runs planned or undone at once. */
const CONCURRENCY = 4;

/** Every run of the batch, all pages. */
async function batchRuns(batchId: string, signal?: AbortSignal): Promise<JournalRun[]> {
  const runs: JournalRun[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRuns({ batch: batchId }, cursor, undefined, signal);
    runs.push(...page.runs);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return runs;
}

function Review({ plan }: { plan: BatchUndoPlan }) {
  const { counts } = plan;
  return (
    <Stack spacing={1}>
      <Typography role="status">
        CMS was read just now for {plan.runs.length} run{plan.runs.length === 1 ? '' : 's'} of this batch: {counts.ready} write{counts.ready === 1 ? '' : 's'} to undo
        {counts.conflict > 0 ? `, ${counts.conflict} changed since (left as they are now)` : ''}
        {counts['done-already'] > 0 ? `, ${counts['done-already']} as before already` : ''}
        {counts['cannot-undo'] > 0 ? `, ${counts['cannot-undo']} that cannot be undone` : ''}.
      </Typography>
      <Typography variant="body2">
        Each run is undone as an undo run of its own, the spaces’ first and the shared profiles last (they are deleted only once every space’s undo went through). To restore a changed object anyway, undo its run on its own.
      </Typography>
      <Stack component="ul" spacing={0.5} sx={{ pl: 2, m: 0, maxHeight: 260, overflow: 'auto' }} aria-label="Runs to undo">
        {plan.runs.map((run) => (
          <Typography component="li" variant="body2" key={run.run.id}>
            {run.run.title}: {run.items.filter((i) => i.status === 'ready').length} to undo
            {run.items.filter((i) => i.status === 'conflict').length > 0 && `, ${run.items.filter((i) => i.status === 'conflict').length} changed since`}
          </Typography>
        ))}
      </Stack>
    </Stack>
  );
}

function Outcomes({ outcomes, total }: { outcomes: readonly BatchUndoOutcome[]; total: number }) {
  const failed = outcomes.filter((o) => o.status === 'failed' || o.status === 'unknown');
  const undone = outcomes.filter((o) => o.status === 'undone').length;
  return (
    <Stack spacing={1}>
      <LinearProgress variant="determinate" value={total === 0 ? 100 : (100 * outcomes.length) / total} aria-label="Runs undone" />
      <Typography role="status">
        {outcomes.length} of {total} runs done · {undone} undone{failed.length > 0 ? ` · ${failed.length} failed` : ''}
      </Typography>
      {failed.map((o) => (
        <Alert key={o.runId} severity={o.status === 'unknown' ? 'warning' : 'error'}>
          <strong>{o.title}</strong>: {o.reason}{' '}
          {o.ledger?.runId && (
            <Link component={RouterLink} to={`/history/${o.ledger.runId}`}>
              Open the undo run
            </Link>
          )}
        </Alert>
      ))}
    </Stack>
  );
}

function UndoBatchDialog({ batchId, onClose }: { batchId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<BatchUndoOutcome[]>([]);
  // Revealed passcodes stay only while the dialog is open; a new open reads CMS again.
  const plan = useQuery({
    queryKey: ['journal', 'batch-undo-plan', batchId],
    queryFn: async ({ signal }) => planBatchUndo(batchId, await batchRuns(batchId, signal), { concurrency: CONCURRENCY, signal }),
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
  const apply = useMutation({
    mutationFn: (chosen: BatchUndoPlan) => {
      setOutcomes([]);
      return applyBatchUndo(chosen, { concurrency: CONCURRENCY, onOutcome: (o) => setOutcomes((previous) => [...previous, o]) });
    },
    onSettled: () => queryClient.invalidateQueries(),
  });
  const done = apply.data !== undefined;
  const failed = apply.data?.some((o) => o.status === 'failed' || o.status === 'unknown') ?? false;
  return (
    <Dialog open onClose={apply.isPending ? undefined : onClose} aria-labelledby="undo-batch-title" fullWidth maxWidth="md">
      <DialogTitle id="undo-batch-title">Undo this batch</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          {plan.isPending && <LinearProgress aria-label="Reading CMS" />}
          {plan.isError && <Alert severity="error">The undo could not be planned: {plan.error.message}</Alert>}
          {plan.data && !apply.isPending && !done && <Review plan={plan.data} />}
          {(apply.isPending || done) && plan.data && <Outcomes outcomes={outcomes} total={plan.data.runs.length} />}
          {done && !failed && <Alert severity="success">The batch is undone: every run’s undo went through and is journaled.</Alert>}
          {done && failed && <Alert severity="warning">Some undos did not go through (above). The shared profiles were kept, since a space may still refer to them. Read CMS again to plan what is left.</Alert>}
          {apply.isError && <Alert severity="error">{apply.error.message}</Alert>}
        </Stack>
      </DialogContent>
      <UndoActions
        applied={done}
        incomplete={failed}
        onReadAgain={() => {
          apply.reset();
          void plan.refetch();
        }}
        onClose={onClose}
        applying={apply.isPending}
        canApply={Boolean(plan.data && plan.data.writes > 0)}
        onApply={() => plan.data && apply.mutate(plan.data)}
        applyLabel={`Undo the batch (${plan.data?.writes ?? 0} writes)`}
      />
    </Dialog>
  );
}

/** "Undo this batch": plans the undo of every run of the batch after reading CMS, reviews it in aggregate, applies it. */
export function UndoBatchButton({ batchId }: { batchId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        Undo this batch
      </Button>
      {open && <UndoBatchDialog batchId={batchId} onClose={() => setOpen(false)} />}
    </>
  );
}
