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
import type { ChangePlan } from '../api/changes/types';
import { changedFields, editFormSchema, type EditValues } from '../api/params/edit-form';
import type { ParamDef, ParamTable } from '../api/params/param-def';
import { maskValue } from '../api/wire/secrets';
import { SavedNote, useApplyPlan } from './apply-plan';
import { FormText } from './form-text';
import { placeCmsFailures, sameNamedField } from './place-cms-failures';

/** One CMS object to edit: its fields from a parameter table, what CMS holds now, and the run a change becomes. */
export interface ParamEdit {
  /** "space “Team room”", "access method template “Host”" */
  label: string;
  /** the PUT's path, as the review shows it */
  path: string;
  table: ParamTable;
  fields: readonly string[];
  /** what CMS holds now, as text ('' unset) */
  before: EditValues;
  plan: (changed: EditValues) => ChangePlan;
  /** the hint under a free-text field; "Empty unsets it" unless said otherwise */
  helperOf?: (def: ParamDef | undefined) => string;
}

const shown = (name: string, value: string | undefined) => (value === undefined || value === '' ? '(not set)' : maskValue(name, value));

function optionsOf(def: ParamDef | undefined) {
  if (def?.type === 'boolean') return ['', 'true', 'false'].map((value) => ({ value, label: value || '(not set)' }));
  if (def?.type === 'enum') return ['', ...def.values].map((value) => ({ value, label: value || '(not set)' }));
  return undefined;
}

function ReviewTable({ before, changed }: { before: EditValues; changed: EditValues }) {
  return (
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
            <TableCell>{shown(name, before[name])}</TableCell>
            <TableCell>{shown(name, value)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Edit one CMS object: form → review of only the changed fields → one journaled PUT, with CMS's failures put on their field. */
export function ParamEditDialog({ edit, onClose }: { edit: ParamEdit; onClose: () => void }) {
  const { label, path, table, fields, before } = edit;
  const helperOf = edit.helperOf ?? (() => 'Empty unsets it');
  const form = useForm<EditValues>({ resolver: zodResolver(editFormSchema(table, fields)), defaultValues: before });
  const [changed, setChanged] = useState<EditValues | null>(null);
  const apply = useApplyPlan();

  const onReview = form.handleSubmit((values) => {
    const changes = changedFields(before, values);
    if (Object.keys(changes).length === 0) form.setError('root', { message: 'Nothing changed.' });
    else setChanged(changes);
  });
  const onApply = (changes: EditValues) =>
    apply.mutate(edit.plan(changes), {
      onError: (error) => {
        if (placeCmsFailures(form.setError, error, sameNamedField(fields))) setChanged(null);
      },
    });

  return (
    <Dialog open onClose={apply.isPending ? undefined : onClose} aria-labelledby="edit-title" fullWidth maxWidth="sm">
      <DialogTitle id="edit-title">{changed ? `Review the change of the ${label}` : `Edit the ${label}`}</DialogTitle>
      {changed === null ? (
        <form onSubmit={onReview} noValidate aria-label={`Edit the ${label}`}>
          <DialogContent>
            <Stack spacing={2}>
              {form.formState.errors.root && <Alert severity="info">{form.formState.errors.root.message}</Alert>}
              {fields.map((name) => {
                const options = optionsOf(table[name]);
                return (
                  <FormText
                    key={name}
                    control={form.control}
                    name={name}
                    label={name}
                    numeric={table[name]?.type === 'digits'}
                    {...(options ? { options } : { helperText: helperOf(table[name]) })}
                  />
                );
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
                  <code>PUT {path}</code> with only the changed fields:
                </Typography>
                <ReviewTable before={before} changed={changed} />
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
