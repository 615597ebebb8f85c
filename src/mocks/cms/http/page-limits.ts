/**
 * How many items one collection GET returns at most, whatever `limit` asks. A real CMS answers 10
 * or 20 depending on the endpoint, so clients must page by `total` and the count they received.
 */
export interface PageLimits {
  default: number;
  /** per collection, keyed by the lower-cased path segment (`cospaces`, `calllegs`, `usercospaces`) */
  byCollection: Readonly<Record<string, number>>;
}

const SPEC_HELP = 'use N or collection=N pairs, e.g. "coSpaces=20,default=10"';

/** Parses `--page-limit`: `10`, or `coSpaces=20,callLegs=5,default=10` (collections in any case). */
export function parsePageLimits(text: string, fallback = 10): PageLimits {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { default: positive(trimmed), byCollection: {} };
  const byCollection: Record<string, number> = {};
  let base = fallback;
  for (const pair of trimmed.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(\d+)\s*$/.exec(pair);
    if (!m?.[1] || !m[2]) throw new Error(`--page-limit: "${pair}" is not collection=N; ${SPEC_HELP}.`);
    const value = positive(m[2]);
    if (m[1].toLowerCase() === 'default') base = value;
    else byCollection[m[1].toLowerCase()] = value;
  }
  return { default: base, byCollection };
}

function positive(digits: string): number {
  const n = Number(digits);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--page-limit: ${digits} must be 1 or more; ${SPEC_HELP}.`);
  return n;
}

export function pageLimitFor(limits: PageLimits, collection: string): number {
  return limits.byCollection[collection.toLowerCase()] ?? limits.default;
}

export function describePageLimits(limits: PageLimits): string {
  const overrides = Object.entries(limits.byCollection).map(([k, v]) => `${k}=${v}`);
  return overrides.length === 0 ? String(limits.default) : `${overrides.join(', ')}, default=${limits.default}`;
}
