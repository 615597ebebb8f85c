export type WireValue = string | number | boolean | undefined;
/** Query or form fields: `undefined` is left out, `''` is sent empty (CMS unsets the value). */
export type WireParams = Record<string, WireValue>;

export function encodeParams(params: WireParams | undefined): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`"${name}" is ${value}, which cannot be sent to CMS.`);
    }
    out.append(name, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
  }
  return out;
}
