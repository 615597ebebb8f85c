import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { describeCmsFailure } from '../api/transport/errors';
import { fieldFailures } from '../api/transport/failure-fields';

/**
 * Puts each CMS failure of `error` on the form field it concerns, in plain words. `fieldOf` maps
 * the CMS parameter (`uri`, `callId`, …) to this form's field, or undefined when the form has none.
 * Answers whether any failure found a field, so the caller can leave its review step.
 */
export function placeCmsFailures<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  fieldOf: (parameter: string | undefined) => Path<T> | undefined,
): boolean {
  let placed = false;
  for (const { field, failure } of fieldFailures(error)) {
    const target = fieldOf(field);
    if (target === undefined) continue;
    setError(target, { message: describeCmsFailure(failure) });
    placed = true;
  }
  return placed;
}

/** `fieldOf` for a form whose fields carry the CMS parameter names, matched case-insensitively. */
export function sameNamedField<F extends string>(fields: readonly F[]) {
  return (parameter: string | undefined): F | undefined => fields.find((f) => f.toLowerCase() === parameter?.toLowerCase());
}
