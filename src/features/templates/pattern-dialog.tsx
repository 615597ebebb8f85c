import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { callLegProfileQueries } from '../../api/resources/call-leg-profiles';
import { callProfileQueries } from '../../api/resources/call-profiles';
import { FormText } from '../../components/form-text';
import { patternDefaults, patternTemplateSchema, type PatternTemplateInput, type PatternTemplateValues } from '../../domain/templates/pattern-template';
import { patternLimits } from '../../domain/templates/pattern-limits';
import { WIZARD_SCENARIOS } from '../../lib/wizard-links';
import { PATTERN_LABELS } from './pattern-labels';
import { PatternReview } from './pattern-review';

const GUIDE = "The guide's settings (an identical profile is reused, else one is created)";

function useProfileOptions() {
  const legs = useQuery(callLegProfileQueries.listAll());
  const calls = useQuery(callProfileQueries.listAll());
  const legOptions = [{ value: '', label: GUIDE }, ...(legs.data?.items ?? []).flatMap((p) => (p.id ? [{ value: p.id, label: `${p.id}${p.needsActivation === undefined ? '' : ` (needsActivation ${String(p.needsActivation)})`}` }] : []))];
  const callOptions = [{ value: '', label: GUIDE }, ...(calls.data?.items ?? []).flatMap((p) => (p.id ? [{ value: p.id, label: p.id }] : []))];
  return { legOptions, callOptions };
}

/** Pick a guest/host pattern and its inputs, review the exact writes, apply them as one journaled run. */
export function PatternDialog({ onClose }: { onClose: () => void }) {
  const form = useForm<PatternTemplateValues, unknown, PatternTemplateInput>({ resolver: zodResolver(patternTemplateSchema), defaultValues: patternDefaults('different-uris') });
  const [input, setInput] = useState<PatternTemplateInput | null>(null);
  const pattern = useWatch({ control: form.control, name: 'pattern' });
  const { legOptions, callOptions } = useProfileOptions();
  const onReview = form.handleSubmit((values) => setInput(values));

  return (
    <Dialog open onClose={onClose} aria-labelledby="pattern-title" fullWidth maxWidth="md">
      <DialogTitle id="pattern-title">New template from a guest/host pattern</DialogTitle>
      {input ? (
        <PatternReview
          input={input}
          onBack={(problems) => {
            setInput(null);
            for (const p of problems ?? []) form.setError(p.field, { message: p.message });
          }}
          onClose={onClose}
        />
      ) : (
        <form onSubmit={onReview} noValidate aria-label="Template from a pattern">
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <FormText
                control={form.control}
                name="pattern"
                label="Pattern"
                options={WIZARD_SCENARIOS.map((id) => ({ value: id, label: `${PATTERN_LABELS[id].title}: ${PATTERN_LABELS[id].summary}` }))}
                onValueChange={(value) => {
                  const chosen = WIZARD_SCENARIOS.find((id) => id === value);
                  if (chosen) form.reset(patternDefaults(chosen));
                }}
              />
              {patternLimits({ pattern }).map((sentence) => (
                <Alert key={sentence} severity="warning" variant="outlined">
                  {sentence}
                </Alert>
              ))}
              <FormText control={form.control} name="name" label="Template name" required />
              <FormText control={form.control} name="description" label="Description (optional)" helperText="What users see when they pick a template in the web app." />
              <FormText control={form.control} name="guestProfile" label="Guest call leg profile (on the space; needsActivation = true)" options={legOptions} />
              <FormText control={form.control} name="hostProfile" label="Host call leg profile (on the host access method; needsActivation = false)" options={legOptions} />
              {pattern === 'blank-guest-pin' && (
                <FormText control={form.control} name="callProfile" label="Call profile (no entry counts as a blank guest PIN: passcodeMode timeout, 5 s)" options={callOptions} />
              )}
              <FormText control={form.control} name="hostMethodName" label="Host access method name" />
              <FormText control={form.control} name="uriGenerator" label="Host URI generator" helperText="'$' stands for the space's URI: $.host gives weekly.review.host. Empty: no URI of its own." />
              <Controller
                name="generateUniqueCallId"
                control={form.control}
                render={({ field, fieldState }) => (
                  <Stack>
                    <FormControlLabel control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />} label="Give the host access method a call ID of its own (generateUniqueCallId)" />
                    {fieldState.error && (
                      <Alert severity="error" role="alert">
                        {fieldState.error.message}
                      </Alert>
                    )}
                  </Stack>
                )}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="contained">
              Review the writes
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
