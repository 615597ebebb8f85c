import { MASK } from '../src/api/wire/secrets';

/**
 * Parameter names whose values never reach a log, compared after `normalizedName`: the studio's
 * secret names (src/api/wire/secrets) and, because a log must hold against any spelling an
 * attacker tries, every name that merely looks like one.
 */
const SECRET_NAME = /passcode|password|passwd|secret|authori[sz]ation|token|pin$/;
/** A secret parameter hidden inside another value (`a=b%26passcode%3D1`). */
const SECRET_ASSIGNMENT = /(passcode|password|passwd|secret|authori[sz]ation|token|pin)[^a-z0-9]*[=:]/;
const ANY_SECRET = /passcode|password|passwd|secret|authori[sz]ation|token|pin/;

/**
 * Percent-decodes as any server might (`+` as space, `%XX`, IIS's `%uXXXX`), repeatedly, so a
 * double-encoded name is seen as its target would finally read it. Malformed escapes stay as sent.
 */
function decodeLoosely(text: string): string {
  let current = text.replace(/\+/g, ' ');
  for (let round = 0; round < 4; round++) {
    const next = current
      .replace(/%u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Case, spaces, NULs and punctuation dropped: `Pass code%00+` and `passcode` are one name. */
function normalizedName(raw: string): string {
  return decodeLoosely(raw)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function maskPart(part: string): string {
  const equals = part.indexOf('=');
  if (equals < 0) return SECRET_ASSIGNMENT.test(decodeLoosely(part).toLowerCase()) ? MASK : part;
  const name = part.slice(0, equals);
  if (SECRET_NAME.test(normalizedName(name))) return `${name}=${MASK}`;
  return SECRET_ASSIGNMENT.test(decodeLoosely(part.slice(equals + 1)).toLowerCase()) ? `${name}=${MASK}` : part;
}

/**
 * Masks secret values in a request target or form string the way CMS's own API trace does
 * (`passcode=*****`). Every spelling a server might read as a parameter counts: `&`, `;` and a
 * second `?` all separate parameters here, names are compared decoded, and a value that itself
 * reads as a secret assignment is masked too. When in doubt, it masks.
 */
export function maskParams(text: string): string {
  // Nothing encoded: no assignment at all, or no secret name in the text once punctuation is dropped.
  if (!/[%+]/.test(text) && (!text.includes('=') || !ANY_SECRET.test(text.toLowerCase().replace(/[^a-z0-9]/g, '')))) return text;
  return text.replace(/[^&;?]+/g, maskPart);
}
