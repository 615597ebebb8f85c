import { z } from 'zod';
import type { ParamDef, ParamTable, ParamValue } from './param-def';

type EnumValues<D> = D extends { type: 'enum'; values: readonly (infer V)[] } ? V : never;

export type ValueOf<D> = D extends { type: 'boolean' }
  ? boolean
  : D extends { type: 'integer' }
    ? number
    : D extends { type: 'enum' }
      ? EnumValues<D>
      : string;

/** Typed values of an object as CMS returns it; every parameter may be absent (unset). */
export type ParamValues<T extends ParamTable> = { -readonly [K in keyof T]?: ValueOf<T[K]> };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The guide's PDF copy doubled some `>` (`<rxVideoMute>>false</rxVideoMute>`); values never start with one. */
function scrubScar(text: string): string {
  return text.replace(/^>+/, '').trim();
}

export type FormValueResult =
  | { ok: true; value: ParamValue | null }
  | { ok: false; error: 'invalidValue' | 'valueTooLong' };

/**
 * Reads one form value as CMS would: `''` unsets (null), otherwise the text must fit the type.
 * Shared by the mock CMS (to answer parameterError) and the client (to refuse bad input early).
 */
export function parseFormValue(def: ParamDef, raw: string): FormValueResult {
  if (raw === '') return { ok: true, value: null };
  switch (def.type) {
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return { ok: false, error: 'invalidValue' };
    }
    case 'integer': {
      if (!/^-?\d+$/.test(raw)) return { ok: false, error: 'invalidValue' };
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) return { ok: false, error: 'invalidValue' };
      if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) {
        return { ok: false, error: 'invalidValue' };
      }
      return { ok: true, value: n };
    }
    case 'enum':
      return def.values.includes(raw) ? { ok: true, value: raw } : { ok: false, error: 'invalidValue' };
    case 'digits':
      if (!/^\d+$/.test(raw)) return { ok: false, error: 'invalidValue' };
      if (def.maxLength !== undefined && raw.length > def.maxLength) return { ok: false, error: 'valueTooLong' };
      return { ok: true, value: raw };
    case 'id':
      return GUID.test(raw) ? { ok: true, value: raw.toLowerCase() } : { ok: false, error: 'invalidValue' };
    case 'uriUserPart':
      return /^[^\s@:;<>"]+$/.test(raw) ? { ok: true, value: raw } : { ok: false, error: 'invalidValue' };
    case 'string':
      if (def.maxLength !== undefined && raw.length > def.maxLength) return { ok: false, error: 'valueTooLong' };
      return { ok: true, value: raw };
    case 'url':
    case 'dateTime':
      return { ok: true, value: raw };
  }
}

/** Writes a typed value back in the wire's text form. */
export function formatValue(value: ParamValue): string {
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

function readValueSchema(name: string, def: ParamDef): z.ZodType {
  return z.unknown().transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') {
      // A nested element where CMS documents a value: keep it, a newer CMS may have grown structure.
      return raw;
    }
    const text = def.type === 'string' || def.type === 'url' ? raw : scrubScar(raw);
    if (text === '' && def.type !== 'string' && def.type !== 'digits' && def.type !== 'uriUserPart') return undefined;
    if (def.type === 'string' || def.type === 'url' || def.type === 'dateTime' || def.type === 'uriUserPart') {
      return text;
    }
    if (def.type === 'digits' && text === '') return '';
    const parsed = parseFormValue(def, text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `<${name}> has "${raw}", which is not a valid ${describeType(def)}` });
      return z.NEVER;
    }
    return parsed.value ?? undefined;
  });
}

function describeType(def: ParamDef): string {
  switch (def.type) {
    case 'enum':
      return `value (${def.values.join(' | ')})`;
    case 'integer':
      return 'whole number';
    case 'id':
      return 'object id';
    default:
      return def.type;
  }
}

export type ReadShape<T extends ParamTable> = ParamValues<T> & { id?: string; [extra: string]: unknown };

/** Zod schema for one CMS object read from XML; unknown elements a newer CMS adds are kept as-is. */
export function readSchema<const T extends ParamTable>(table: T): z.ZodType<ReadShape<T>> {
  const shape: Record<string, z.ZodType> = { id: z.string().optional() };
  for (const [name, def] of Object.entries(table)) {
    if (def.access === 'writeOnly') continue;
    shape[name] = readValueSchema(name, def);
  }
  return z.looseObject(shape) as unknown as z.ZodType<ReadShape<T>>;
}
