/**
 * The one list of parameter names whose values are secrets (a space's or access method's passcode
 * and secret, a password, a PIN). Logs, exports and screens show them as MASK unless a person asks
 * to reveal them where the product allows it.
 */
export const SECRET_PARAM_NAMES = ['passcode', 'secret', 'password', 'pin'] as const;

export const MASK = '*****';

const secretNames = new Set<string>(SECRET_PARAM_NAMES);

/** CMS matches parameter names case-insensitively, so `Passcode` is as secret as `passcode`. */
export function isSecretParam(name: string): boolean {
  return secretNames.has(name.toLowerCase());
}

/** An empty value stays empty: it says "no passcode", which is no secret and matters to the reader. */
export function maskValue(name: string, value: string | null): string | null {
  return value !== null && value !== '' && isSecretParam(name) ? MASK : value;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A copy of a JSON value with the value of every secret-named key masked, at any depth. */
export function maskSecretsDeep(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(maskSecretsDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, inner] of Object.entries(value)) {
    const secretLeaf = isSecretParam(key) && inner !== '' && inner !== null && typeof inner !== 'object';
    out[key] = secretLeaf ? MASK : maskSecretsDeep(inner);
  }
  return out;
}

/** Masks secret values in a query string or form body (`passcode=4711` → `passcode=*****`). */
export function maskQueryString(text: string): string {
  return text.replace(/([^&=?]+)=([^&]*)/g, (whole, name: string, value: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // an undecodable name is shown as sent
    }
    return value !== '' && isSecretParam(decoded) ? `${name}=${MASK}` : whole;
  });
}
