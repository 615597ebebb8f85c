import type { ParamTable } from '../params/param-def';

/** Text fields CMS matches without case besides ids and URIs: the JIDs it looks users up by. */
const CASELESS_NAMES = new Set(['ownerjid', 'userjid']);

/** One field as read (a flattened XML element), in wire text; '' when absent or not a plain value. */
export function readText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Whether CMS holds `sent` for `field`, given what a read showed: as CMS compares them. URIs come
 * back lowercased, ids and JIDs are matched without case, booleans and numbers by value, and an
 * empty value (unset) equals an absent element.
 */
export function sameValue(table: ParamTable | undefined, field: string, sent: string, read: string): boolean {
  const def = table?.[field];
  if (sent === read) return true;
  if (sent === '' || read === '') return false;
  if (def?.type === 'integer') return Number(sent) === Number(read);
  if (def?.type === 'boolean' || def?.type === 'id' || def?.type === 'uriUserPart' || CASELESS_NAMES.has(field.toLowerCase())) {
    return sent.toLowerCase() === read.toLowerCase();
  }
  return false;
}

/** The fields of `expected` that `observed` does not hold, with both values. Write-only fields are never read back, so they are left out. */
export function differingFields(
  table: ParamTable | undefined,
  expected: Readonly<Record<string, string>>,
  observed: Readonly<Record<string, unknown>>,
): Array<{ field: string; expected: string; observed: string }> {
  const out: Array<{ field: string; expected: string; observed: string }> = [];
  for (const [field, value] of Object.entries(expected)) {
    if (table?.[field]?.access === 'writeOnly') continue;
    const now = readText(observed[field]);
    if (!sameValue(table, field, value, now)) out.push({ field, expected: value, observed: now });
  }
  return out;
}

/** The read fields as wire text, for the journal (null: unset). */
export function observedValues(fields: Readonly<Record<string, unknown>>, names?: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of names ?? Object.keys(fields)) {
    if (name === 'id') continue;
    const text = readText(fields[name]);
    out[name] = text === '' ? null : text;
  }
  return out;
}
