import { z } from 'zod';
import type { ParamDef, ParamTable } from './param-def';
import { formatValue, parseFormValue } from './schema';
import type { CreateForm, WriteForm } from './write-form';

type FormatError = 'invalidValue' | 'valueTooLong';

/** What is wrong with a value of `def`, in words that follow "The <field> …". */
export function formatProblem(def: ParamDef, error: FormatError): string {
  if (error === 'valueTooLong' && 'maxLength' in def && def.maxLength !== undefined) {
    return `is too long (${def.maxLength} ${def.type === 'digits' ? 'digits' : 'characters'} at most)`;
  }
  switch (def.type) {
    case 'digits':
      return 'can contain digits only';
    case 'uriUserPart':
      return 'cannot contain spaces or any of : ; < > " (only the part before "@")';
    case 'id':
      return 'must be an object id (a GUID)';
    case 'boolean':
      return 'must be true or false';
    case 'integer': {
      const range = [def.min === undefined ? undefined : `${def.min} or more`, def.max === undefined ? undefined : `${def.max} or less`];
      const bounds = range.filter(Boolean).join(', ');
      return `must be a whole number${bounds ? ` (${bounds})` : ''}`;
    }
    case 'enum':
      return `must be one of: ${def.values.join(', ')}`;
    default:
      return 'is not a value CMS takes';
  }
}

/**
 * What is wrong with a typed value for `def` (undefined: nothing). It is the check the mock CMS
 * makes on the wire text (`parseFormValue`), applied to the text the value is sent as, so a form
 * and CMS cannot disagree. `''` unsets and always fits.
 */
export function valueProblem(def: ParamDef, value: unknown): string | undefined {
  const error = valueError(def, value);
  return error === undefined ? undefined : formatProblem(def, error);
}

function valueError(def: ParamDef, value: unknown): FormatError | undefined {
  if (value === '') return undefined;
  const expected = def.type === 'boolean' ? 'boolean' : def.type === 'integer' ? 'number' : 'string';
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? formatValue(value) : undefined;
  if (text === undefined || typeof value !== expected) return 'invalidValue';
  const parsed = parseFormValue(def, text);
  return parsed.ok ? undefined : parsed.error;
}

export interface FormIssue {
  /** the parameter ('' for the form as a whole) */
  name: string;
  /** the `error` CMS gives in `<parameterError parameter=… error=…/>` for it */
  error: 'unrecognised' | 'missing' | FormatError;
  message: string;
}

export interface FormOptions {
  /** values that stand for an object id not known yet (a plan's refs); they fit any id parameter */
  isPlaceholder?: (value: unknown) => boolean;
  /** false: check names only, for values CMS itself holds (a PUT's previous values) */
  checkValues?: boolean;
}

/** Every way `form` is not a body CMS takes for this table, on POST (`create`) or PUT. */
export function formIssues(table: ParamTable, form: unknown, method: 'POST' | 'PUT', options: FormOptions = {}): FormIssue[] {
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return [{ name: '', error: 'invalidValue', message: 'A form is a set of named values.' }];
  const issues: FormIssue[] = [];
  for (const [name, value] of Object.entries(form)) {
    if (value === undefined) continue;
    const def = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!def || def.access === 'readOnly') issues.push({ name, error: 'unrecognised', message: `${name} is not a parameter CMS takes here.` });
    else if (def.putOnly && method === 'POST') issues.push({ name, error: 'unrecognised', message: `${name} can only be changed, not sent when creating.` });
    else if (options.checkValues === false || (def.type === 'id' && options.isPlaceholder?.(value))) continue;
    else {
      const problem = valueError(def, value);
      if (problem) issues.push({ name, error: problem, message: `${name} ${formatProblem(def, problem)}.` });
    }
  }
  if (method === 'POST') {
    for (const [name, def] of Object.entries(table)) {
      const value = (form as Record<string, unknown>)[name];
      if (def.required && (value === undefined || value === '')) issues.push({ name, error: 'missing', message: `${name} is required.` });
    }
  }
  return issues;
}

/** A body schema typed `F`: `formIssues` is what proves a value is one. */
export function bodySchema<F>(table: ParamTable, method: 'POST' | 'PUT', options: FormOptions = {}): z.ZodType<F> {
  return z
    .custom<F>((value) => typeof value === 'object' && value !== null, { error: 'A form is a set of named values.' })
    .superRefine((value, ctx) => {
      for (const issue of formIssues(table, value, method, options)) ctx.addIssue({ code: 'custom', path: issue.name ? [issue.name] : [], message: issue.message });
    });
}

/** The PUT body of a table's object: only writable parameters, each a value CMS takes or '' (unset). */
export function writeSchema<const T extends ParamTable>(table: T): z.ZodType<WriteForm<T>> {
  return bodySchema<WriteForm<T>>(table, 'PUT');
}

/** The POST body: as `writeSchema`, with the mandatory parameters and without the PUT-only ones. */
export function createSchema<const T extends ParamTable>(table: T): z.ZodType<CreateForm<T>> {
  return bodySchema<CreateForm<T>>(table, 'POST');
}

export interface TextFieldWords {
  /** how the messages name the field: "host PIN" gives "The host PIN can contain digits only." */
  what: string;
  /** said when the field is empty; without it, empty is allowed ('' unsets or means "none") */
  whenEmpty?: string;
  /** said when the value is not text at all */
  missing?: string;
}

/**
 * A form's text field for one parameter: trimmed, then checked exactly as CMS checks the parameter
 * (its type and length in the table), with messages that name the field.
 */
export function paramTextField(def: ParamDef, words: TextFieldWords) {
  return z
    .string({ error: words.missing ?? `Enter the ${words.what}.` })
    .trim()
    .superRefine((text, ctx) => {
      if (text === '') {
        if (words.whenEmpty) ctx.addIssue({ code: 'custom', message: words.whenEmpty });
        return;
      }
      const parsed = parseFormValue(def, text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `The ${words.what} ${formatProblem(def, parsed.error)}.` });
    });
}
