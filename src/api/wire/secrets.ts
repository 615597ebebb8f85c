/** What a secret value shows as, the way CMS's own API trace writes it (`passcode=*****`). */
export const MASK = '*****';

/** The one list of parameter (and header) names whose values are secrets, in any case. */
const SECRET_NAMES = /^(passcode|secret|password|pin|authorization)$/i;

export function isSecretParam(name: string): boolean {
  return SECRET_NAMES.test(name);
}

/** The value as it may be shown or logged: a secret is masked unless it is empty (an unset is no secret). */
export function maskValue(name: string, value: string): string {
  return isSecretParam(name) && value !== '' ? MASK : value;
}

/** Masks the secret values of query or form fields. */
export function maskParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) out[name] = maskValue(name, value);
  return out;
}
