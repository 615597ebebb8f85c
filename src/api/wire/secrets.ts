/** What a secret value shows as, the way CMS's own API trace writes it (`passcode=*****`). */
export const MASK = '*****';

/**
 * The one list of parameter (and header) names whose values are secrets: a space's or access
 * method's passcode and secret, a password, a PIN, the Authorization header. CMS matches parameter
 * names case-insensitively, so `Passcode` is as secret as `passcode`.
 */
const SECRET_NAMES = /^(passcode|secret|password|pin|authorization)$/i;

export function isSecretParam(name: string): boolean {
  return SECRET_NAMES.test(name);
}

/** The value as it may be shown or logged: a secret is masked unless it is empty or null (an unset is no secret). */
export function maskValue<V extends string | null>(name: string, value: V): V | typeof MASK {
  return value !== null && value !== '' && isSecretParam(name) ? MASK : value;
}

/** Masks the secret values of query or form fields. */
export function maskParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) out[name] = maskValue(name, value);
  return out;
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
