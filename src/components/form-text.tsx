import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';

interface Props<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: Path<T>;
  label: string;
  helperText?: ReactNode;
  required?: boolean;
  numeric?: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
  autoFocus?: boolean;
  /** called after the form took a new value: to fill other fields from it */
  onValueChange?: (value: string) => void;
}

/** A Controller-bound MUI text field (a select when `options` is given); the error replaces the help text. */
export function FormText<T extends FieldValues, O = T>({ control, name, label, helperText, required, numeric, options, autoFocus, onValueChange }: Props<T, O>) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <TextField
          {...field}
          value={field.value ?? ''}
          onChange={(event) => {
            field.onChange(event);
            onValueChange?.(event.target.value);
          }}
          label={label}
          required={required}
          autoFocus={autoFocus}
          select={options !== undefined}
          fullWidth
          error={fieldState.invalid}
          helperText={fieldState.error?.message ?? helperText}
          slotProps={{ htmlInput: numeric ? { inputMode: 'numeric' } : {} }}
        >
          {options?.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}
