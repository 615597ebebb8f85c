import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ParamDef } from '../../api/params/param-def';
import { FormText } from '../../components/form-text';
import { placeCmsFailures, sameNamedField } from '../../components/place-cms-failures';
import { changedFields, type EditValues } from '../../api/params/edit-form';
import { currentValues, editPlan, editSchema, fieldsOf, tableOf, targetLabel, targetPath, type TemplateTarget } from './template-plans';
import { SavedNote, useApplyPlan } from '../../components/apply-plan';

const shown = (value: string | undefined) => (value === undefined || value === '' ? '(not set)' : value);

function optionsOf(def: ParamDef | undefined) {
  if (def?.type === 'boolean') return ['', 'true', 'false'].map((value) => ({ value, label: value || '(not set)' }));
  return undefined;
}

function helperOf(def: ParamDef | undefined): string {
  if (def?.type === 'id') return 'An id; empty unsets it.';
  return def?.description ?? 'Empty unsets it.';
}

/** Edit a template or an access method template: form → review of only the changed fields → one journaled PUT. */
export function TemplateEditDialog({ target, onClose }: { target: TemplateTarget; onClose: () => void }) {
  const before = currentValues(target);
  const table = tableOf(target);
  const fields = fieldsOf(target);
  const form = useForm<EditValues>({ resolver: zodResolver(editSchema(target)), defaultValues: before });
  const [changed, setChanged] = useState<EditValues | null>(null);
  const apply = useApplyPlan();
  const label = targetLabel(target);

  const onReview = form.handleSubmit((values) => {
    const changes = changedFields(before, values);
    if (Object.keys(changes).length === 0) form.setError('root', { message: 'Nothing changed.' });
    else setChanged(changes);
  });
  const onApply = (changes: EditValues) =>
    apply.mutate(editPlan(target, changes), {
      onError: (error) => {
        if (placeCmsFailures(form.setError, error, sameNamedField(fields))) setChanged(null);
      },
    });

  return (
    <Dialog open onClose={apply.isPending ? undefined : onClose} aria-labelledby="template-edit-title" fullWidth maxWidth="sm">
      <DialogTitle id="template-edit-title">{changed ? `Review the change of the ${label}` : `Edit the ${label}`}</DialogTitle>
      {changed === null ? (
        <form onSubmit={onReview} noValidate aria-label={`Edit the ${label}`}>
          <DialogContent>
            <Stack spacing={2}>
              {form.formState.errors.root && <Alert severity="info">{form.formState.errors.root.message}</Alert>}
              {fields.map((name) => {
                const options = optionsOf(table[name]);
                return <FormText key={name} control={form.control} name={name} label={name} {...(options ? { options } : { helperText: helperOf(table[name]) })} />;
              })}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="contained">
              Review
            </Button>
          </DialogActions>
        </form>
      ) : (
        <>
          <DialogContent>
            {apply.data ? (
              <SavedNote done={apply.data} what={`Saved ${Object.keys(changed).join(', ')} of the ${label}.`} />
            ) : (
              <Stack spacing={2}>
                <Typography>
                  <code>PUT {targetPath(target)}</code> with only the changed fields:
                </Typography>
                <Table size="small" aria-label="Changes">
                  <TableHead>
                    <TableRow>
                      <TableCell>Field</TableCell>
                      <TableCell>Now</TableCell>
                      <TableCell>After</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {Object.entries(changed).map(([name, value]) => (
                      <TableRow key={name}>
                        <TableCell sx={{ fontFamily: 'monospace' }}>{name}</TableCell>
                        <TableCell>{shown(before[name])}</TableCell>
                        <TableCell>{shown(value)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {apply.isError && <Alert severity="error">{apply.error.message}</Alert>}
              </Stack>
            )}
          </DialogContent>
          <DialogActions>
            {apply.data ? (
              <Button onClick={onClose}>Close</Button>
            ) : (
              <>
                <Button onClick={() => setChanged(null)} disabled={apply.isPending}>
                  Back
                </Button>
                <Button variant="contained" loading={apply.isPending} onClick={() => onApply(changed)}>
                  Apply
                </Button>
              </>
            )}
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
