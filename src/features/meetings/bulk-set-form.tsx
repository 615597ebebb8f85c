import { placeCmsFailures, sameNamedField } from '../../components/place-cms-failures';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { bulkQueries } from '../../api/resources/bulk';
import { runChanges } from '../../api/changes/run-changes';
import { callLegProfileQueries } from '../../api/resources/call-leg-profiles';
import { callProfileQueries } from '../../api/resources/call-profiles';
import { bulkSetSchema, emptyBulkSet, previewRow, toBulkSetForm, type BulkSetInput, type BulkSetValues } from './bulk-schema';
import { FormText } from '../../components/form-text';
import { SyncProgress } from './sync-progress';

const FORM_FIELDS = ['startIndex', 'endIndex', 'coSpaceNameMapping', 'coSpaceUriMapping', 'coSpaceCallIdMapping', 'callProfile', 'callLegProfile', 'nonMemberAccess'] as const;

const show = (v: string | undefined) => (v === undefined ? <em>unset</em> : v);

function Preview({ values }: { values: BulkSetInput }) {
  const start = Number(values.startIndex);
  const end = Number(values.endIndex);
  if (!Number.isInteger(start) || !Number.isInteger(end) || end < start || values.startIndex === '' || values.endIndex === '') return null;
  const indices = [...new Set([start, Math.min(start + 1, end), end])];
  return (
    <Table size="small" aria-label="Preview of the spaces">
      <TableHead>
        <TableRow>
          <TableCell>Index</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>URI</TableCell>
          <TableCell>Call ID</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {indices.map((i, n) => {
          const row = previewRow(values, i);
          return (
            <TableRow key={i}>
              <TableCell>{n === indices.length - 1 && indices.length > 2 && end > start + 2 ? `… ${i}` : i}</TableCell>
              <TableCell>{show(row.name)}</TableCell>
              <TableCell>{show(row.uri)}</TableCell>
              <TableCell>{show(row.callId)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** A new coSpaceBulkParameterSet, reviewed, then synced with its progress followed to the end. */
export function BulkSetForm({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const legProfiles = useQuery(callLegProfileQueries.listAll());
  const callProfiles = useQuery(callProfileQueries.listAll());
  const form = useForm<BulkSetInput, unknown, BulkSetValues>({ resolver: zodResolver(bulkSetSchema), defaultValues: emptyBulkSet });
  const values = useWatch({ control: form.control }) as BulkSetInput;
  const [review, setReview] = useState<BulkSetValues | null>(null);

  const run = useMutation({
    mutationFn: async (v: BulkSetValues) => {
      const done = await runChanges({
        origin: { kind: 'page', name: 'meetings/bulk-set' },
        title: `Bulk set ${v.coSpaceNameMapping ?? v.coSpaceUriMapping ?? ''} ${v.startIndex}–${v.endIndex}`.replace(/\s+/g, ' '),
        steps: [
          { key: 'set', title: 'Create the bulk parameter set', operation: { op: 'createBulkParameterSet', form: toBulkSetForm(v) }, creates: 'set' },
          { key: 'sync', title: 'Start its sync', operation: { op: 'startBulkSync', form: { cospaceBulkParameterSet: { ref: 'set' } } }, creates: 'sync' },
        ],
      });
      await queryClient.invalidateQueries({ queryKey: bulkQueries.all() });
      return { setId: done.ledger.refs.set ?? '', syncId: done.ledger.refs.sync ?? '', notes: done.notes };
    },
    onError: (error) => {
      if (placeCmsFailures(form.setError, error, sameNamedField(FORM_FIELDS))) setReview(null);
    },
  });

  const legOptions = [{ value: '', label: '(none)' }, ...(legProfiles.data?.items ?? []).map((p) => ({ value: p.id ?? '', label: p.name ? `${p.name} (${p.id})` : (p.id ?? '') }))];
  const callOptions = [{ value: '', label: '(none)' }, ...(callProfiles.data?.items ?? []).map((p) => ({ value: p.id ?? '', label: p.id ?? '' }))];

  return (
    <>
      <form onSubmit={form.handleSubmit(setReview)} noValidate aria-label="New bulk set">
        <Stack spacing={2}>
          <Typography variant="body2">
            In each mapping, <code>$index$</code> stands for the index: with the range 1 to 50, <code>room.$index$</code> makes the URIs{' '}
            <code>room.1</code> to <code>room.50</code>. A mapping without <code>$index$</code> gets the index appended (TMS sends{' '}
            <code>TMS_Scheduled_Meeting_</code>). Write <code>\$</code> for a dollar sign and <code>\\</code> for a backslash. URIs and call
            IDs must be unique; names need not be. With a call ID mapping, CMS generates each space’s secret.
          </Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 6, md: 3 }}>
              <FormText control={form.control} name="startIndex" label="Start index" required numeric />
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <FormText control={form.control} name="endIndex" label="End index" required numeric helperText="Inclusive" />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Controller
                name="nonMemberAccess"
                control={form.control}
                render={({ field }) => (
                  <FormControlLabel
                    control={<Switch checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />}
                    label="Non-members can join (nonMemberAccess); TMS placeholders use off"
                  />
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormText control={form.control} name="coSpaceNameMapping" label="Name mapping" helperText="e.g. Room $index$" />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormText control={form.control} name="coSpaceUriMapping" label="URI mapping" helperText="User part, e.g. room.$index$" />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <FormText control={form.control} name="coSpaceCallIdMapping" label="Call ID mapping" helperText="Digits, e.g. 7700$index$" />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormText control={form.control} name="callProfile" label="Call profile" options={callOptions} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <FormText control={form.control} name="callLegProfile" label="Call leg profile" options={legOptions} />
            </Grid>
          </Grid>
          <Preview values={values} />
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained">
              Review
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </Stack>
        </Stack>
      </form>
      {review && (
        <BulkRunDialog
          review={review}
          values={values}
          run={run}
          onBack={() => setReview(null)}
          onClose={() => {
            setReview(null);
            onClose();
          }}
        />
      )}
    </>
  );
}

interface RunDialogProps {
  review: BulkSetValues;
  values: BulkSetInput;
  run: UseMutationResult<{ setId: string; syncId: string; notes: string[] }, Error, BulkSetValues>;
  onBack: () => void;
  onClose: () => void;
}

/** The two POSTs to confirm, then the sync's progress to its end. */
function BulkRunDialog({ review, values, run, onBack, onClose }: RunDialogProps) {
  const sent = toBulkSetForm(review);
  return (
    <Dialog open onClose={run.isPending ? undefined : onBack} aria-labelledby="review-bulk-title" fullWidth maxWidth="md">
      <DialogTitle id="review-bulk-title">{run.data ? 'Bulk sync' : 'Create the set and sync it?'}</DialogTitle>
      <DialogContent>
        {!run.data && (
          <Stack spacing={2}>
            <Typography>
              1. <code>POST /api/v1/cospaceBulkParameterSets</code> with:
            </Typography>
            <Table size="small" aria-label="Parameter set to create">
              <TableBody>
                {Object.entries(sent).map(([k, v]) => (
                  <TableRow key={k}>
                    <TableCell>{k}</TableCell>
                    <TableCell>{String(v)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography>
              2. <code>POST /api/v1/cospaceBulkSyncs cospaceBulkParameterSet=&lt;the new set&gt;</code>: CMS makes{' '}
              {review.endIndex - review.startIndex + 1} spaces, indices {review.startIndex} to {review.endIndex}, in the background.
            </Typography>
            <Preview values={values} />
            {run.isError && <Alert severity="error">{run.error instanceof Error ? run.error.message : String(run.error)}</Alert>}
          </Stack>
        )}
        {run.data && (
          <Stack spacing={2}>
            <Typography variant="body2">
              Set <code>{run.data.setId}</code> created.
            </Typography>
            {run.data.notes.map((note) => (
              <Alert key={note} severity="info">
                {note}
              </Alert>
            ))}
            <SyncProgress syncId={run.data.syncId} />
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {run.data ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={onBack} disabled={run.isPending}>
              Back
            </Button>
            <Button variant="contained" loading={run.isPending} onClick={() => run.mutate(review)}>
              Create and sync
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
