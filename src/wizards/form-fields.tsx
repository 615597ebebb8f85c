import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { examplePlaceholder } from './guide-example';
import { useWizardFormContext } from './use-wizard-form';
import { useWizard } from './wizard-context';
import type { WizardPath } from '../domain/space-planning/wizard-schema';

/** A dotted form path as a DOM id: `space.uri` → `field-space-uri`. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

interface BaseProps {
  name: WizardPath;
  label: string;
  helperText?: ReactNode;
  disabled?: boolean;
}

type TextProps = Omit<BaseProps, 'helperText'> & {
  helperText?: string;
  /** digits only (call IDs, PINs): the numeric keypad on phones */
  numeric?: boolean;
  type?: 'text' | 'password' | 'number';
  required?: boolean;
  /** default: the guide's example for this field ("e.g. guestpin2.space"), if it has one */
  placeholder?: string;
  autoComplete?: string;
  fullWidth?: boolean;
  /** the form holds a number (undefined when empty) */
  asNumber?: boolean;
  /** an emptied field holds undefined (not set), not '' */
  emptyAsUndefined?: boolean;
  /** the id of a <datalist> of suggestions */
  list?: string;
  /** said even when the field shows an error (the value now on CMS) */
  note?: string;
};

export function TextInput({
  name,
  label,
  helperText,
  disabled,
  numeric,
  type = 'text',
  required,
  placeholder,
  autoComplete,
  fullWidth = true,
  asNumber,
  emptyAsUndefined,
  list,
  note,
}: TextProps) {
  const { control } = useWizardFormContext();
  const { scenario } = useWizard();
  const id = fieldId(name);
  const shownPlaceholder = placeholder ?? examplePlaceholder(scenario, name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextField
          id={id}
          label={label}
          type={type}
          required={required}
          disabled={disabled}
          placeholder={shownPlaceholder}
          fullWidth={fullWidth}
          autoComplete={autoComplete ?? 'off'}
          name={field.name}
          inputRef={field.ref}
          value={field.value === undefined || field.value === null ? '' : String(field.value)}
          onBlur={field.onBlur}
          onChange={(event) => {
            const text = event.target.value;
            // Text that is not a number stays text, so the schema says what is wrong with it.
            if (asNumber) field.onChange(text.trim() === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);
            else field.onChange(emptyAsUndefined && text === '' ? undefined : text);
          }}
          error={fieldState.invalid}
          helperText={fieldState.error ? [fieldState.error.message, note].filter(Boolean).join(' ') : [helperText, note].filter(Boolean).join(' ')}
          slotProps={{
            htmlInput: {
              ...(numeric ? { inputMode: 'numeric', pattern: '[0-9]*' } : {}),
              ...(list ? { list } : {}),
              'aria-invalid': fieldState.invalid,
            },
            formHelperText: { id: `${id}-helper-text` },
            // A placeholder is only visible with the label above the field.
            ...(shownPlaceholder ? { inputLabel: { shrink: true } } : {}),
          }}
        />
      )}
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectProps extends BaseProps {
  options: readonly Option[];
  emptyLabel?: string;
  /** the form value for a chosen option (default: its text); '' always means unset */
  parse?: (text: string) => unknown;
}

export function SelectInput({ name, label, helperText, disabled, options, emptyLabel, parse = (text) => text }: SelectProps) {
  const { control } = useWizardFormContext();
  const id = fieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextField
          id={id}
          select
          label={label}
          disabled={disabled}
          fullWidth
          name={field.name}
          inputRef={field.ref}
          value={field.value === undefined || field.value === null ? '' : String(field.value)}
          onBlur={field.onBlur}
          onChange={(event) => field.onChange(event.target.value === '' ? undefined : parse(event.target.value))}
          error={fieldState.invalid}
          helperText={fieldState.error?.message ?? helperText}
          slotProps={{ formHelperText: { id: `${id}-helper-text` } }}
        >
          {emptyLabel !== undefined && (
            <MenuItem value="">
              <em>{emptyLabel}</em>
            </MenuItem>
          )}
          {options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}

const YES_NO: readonly Option[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/**
 * A yes/no/unset choice for a CMS boolean: "not set" leaves the level above in force, which a
 * checkbox cannot say.
 */
export function TriStateInput(props: BaseProps) {
  return <SelectInput {...props} options={YES_NO} emptyLabel="Not set (inherit)" parse={(text) => text === 'true'} />;
}

export function CheckboxInput({ name, label, helperText, disabled }: BaseProps) {
  const { control } = useWizardFormContext();
  const id = fieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <FormControl error={fieldState.invalid}>
          <FormControlLabel
            label={label}
            control={
              <Checkbox
                id={id}
                name={field.name}
                checked={field.value === true}
                disabled={disabled}
                onBlur={field.onBlur}
                onChange={(event) => field.onChange(event.target.checked)}
                slotProps={{ input: { ref: field.ref, 'aria-describedby': helperText || fieldState.error ? `${id}-helper-text` : undefined } }}
              />
            }
          />
          {(fieldState.error?.message ?? helperText) && (
            <FormHelperText id={`${id}-helper-text`} sx={{ mt: -0.5 }}>
              {fieldState.error?.message ?? helperText}
            </FormHelperText>
          )}
        </FormControl>
      )}
    />
  );
}

export function RadioInput({
  name,
  label,
  helperText,
  options,
  disabled,
  row,
  onValueChange,
}: BaseProps & { options: ReadonlyArray<Option & { description?: ReactNode }>; row?: boolean; onValueChange?: (value: string) => void }) {
  const { control } = useWizardFormContext();
  const id = fieldId(name);
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <FormControl error={fieldState.invalid} disabled={disabled}>
          <FormLabel id={`${id}-label`}>{label}</FormLabel>
          <RadioGroup
            row={row}
            aria-labelledby={`${id}-label`}
            aria-describedby={fieldState.error || helperText ? `${id}-helper-text` : undefined}
            name={field.name}
            value={field.value ?? ''}
            onChange={(event) => {
              field.onChange(event.target.value);
              onValueChange?.(event.target.value);
            }}
            onBlur={field.onBlur}
          >
            {options.map((o, i) => (
              <FormControlLabel
                key={o.value}
                value={o.value}
                label={o.description ? <span>{o.label} — {o.description}</span> : o.label}
                control={<Radio id={i === 0 ? id : undefined} slotProps={{ input: { ref: i === 0 ? field.ref : undefined } }} />}
              />
            ))}
          </RadioGroup>
          {(fieldState.error?.message ?? helperText) && <FormHelperText id={`${id}-helper-text`}>{fieldState.error?.message ?? helperText}</FormHelperText>}
        </FormControl>
      )}
    />
  );
}
