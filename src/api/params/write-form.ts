import type { WireParams } from '../wire/form-encoding';
import type { ParamTable } from './param-def';
import type { ValueOf } from './schema';

/** The parameters of a table a POST or PUT may carry: everything CMS does not compute itself. */
export type WritableKey<T extends ParamTable> = {
  [K in keyof T & string]: T[K] extends { access: 'readOnly' } ? never : K;
}[keyof T & string];

type RequiredKey<T extends ParamTable> = {
  [K in WritableKey<T>]: T[K] extends { required: true } ? K : never;
}[WritableKey<T>];

type PutOnlyKey<T extends ParamTable> = {
  [K in WritableKey<T>]: T[K] extends { putOnly: true } ? K : never;
}[WritableKey<T>];

/**
 * A write's body, typed from the parameter table: a field left `undefined` is not sent (unchanged
 * on PUT), `''` is sent empty (CMS unsets it, so the level above applies).
 */
export type WriteForm<T extends ParamTable> = {
  -readonly [K in WritableKey<T>]?: ValueOf<T[K]> | '';
};

/** A POST's body: the table's mandatory parameters must be there, PUT-only ones cannot be. */
export type CreateForm<T extends ParamTable> = Omit<WriteForm<T>, RequiredKey<T> | PutOnlyKey<T>> & {
  -readonly [K in RequiredKey<T>]: ValueOf<T[K]>;
};

/** The form as the client sends it: `''` kept, `undefined` dropped. */
export function toWire(form: object): WireParams {
  const wire: WireParams = {};
  for (const [name, value] of Object.entries(form) as Array<[string, unknown]>) {
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TypeError(`"${name}" is ${value === null ? 'null' : typeof value}; CMS takes text, numbers or booleans ('' unsets).`);
    }
    wire[name] = value;
  }
  return wire;
}
