import { z } from 'zod';
import type { ParamTable } from './param-def';
import { formatValue, parseFormValue } from './schema';
import { formatProblem } from './write-schema';

/** An edit form's fields as text: '' is unset. */
export type EditValues = Record<string, string>;

/** What CMS holds now for the form's fields, as text. */
export function formValuesOf(object: Readonly<Record<string, unknown>>, fields: readonly string[]): EditValues {
  return Object.fromEntries(
    fields.map((name) => {
      const value = object[name];
      return [name, typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? formatValue(value) : ''];
    }),
  );
}

/** The form's schema from the parameter table: each value as CMS would take it, '' unsets. */
export function editFormSchema(table: ParamTable, fields: readonly string[]): z.ZodType<EditValues, EditValues> {
  return z.object(
    Object.fromEntries(
      fields.map((name) => {
        const def = table[name];
        return [
          name,
          z
            .string()
            .trim()
            .superRefine((text, ctx) => {
              const parsed = def ? parseFormValue(def, text) : { ok: true as const };
              if (def && !parsed.ok) ctx.addIssue({ code: 'custom', message: `The ${name} ${formatProblem(def, parsed.error)}.` });
            }),
        ];
      }),
    ),
  );
}

/** Only what the admin changed: a PUT never carries a field nobody touched. */
export function changedFields(before: EditValues, after: EditValues): EditValues {
  return Object.fromEntries(
    Object.entries(after)
      .filter(([name, value]) => value.trim() !== (before[name] ?? ''))
      .map(([name, value]) => [name, value.trim()]),
  );
}
