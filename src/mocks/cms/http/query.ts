import { parameterError } from '../wire';

export function queryParams(url: URL): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of url.searchParams) out.set(k.toLowerCase(), v);
  return out;
}

export function intParam(query: Map<string, string>, name: string): number | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw parameterError(name, 'invalidValue');
  return Number(raw);
}

/** One page of `items`: CMS caps `limit` at its own page size for the collection. */
export function pageOf<T>(items: readonly T[], query: Map<string, string>, cap: number): T[] {
  const offset = intParam(query, 'offset') ?? 0;
  const limit = Math.min(intParam(query, 'limit') ?? cap, cap);
  return items.slice(offset, offset + limit);
}
