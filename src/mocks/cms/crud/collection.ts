import type { MockContext } from '../context';
import { pageLimitFor } from '../http/page-limits';
import { pageOf } from '../http/query';
import { isReferenced } from '../profile-scopes';
import type { ResourceDef } from '../resources';
import type { Entity } from '../store';
import { xmlResponse } from '../wire';
import { renderEntity } from './render';

/** Query parameters that select on one field's exact value (case-insensitive ids). */
const EQUALITY_FILTERS = [
  ['tenantfilter', 'tenant'],
  ['calllegprofilefilter', 'callLegProfile'],
  ['cospacefilter', 'coSpace'],
] as const;

export function matchesQuery(ctx: MockContext, def: ResourceDef, e: Entity, query: Map<string, string>): boolean {
  const filter = query.get('filter')?.toLowerCase();
  if (filter && !def.filterFields.some((f) => String(e.values[f] ?? '').toLowerCase().includes(filter))) return false;
  for (const [q, field] of EQUALITY_FILTERS) {
    const wanted = query.get(q);
    if (wanted && String(e.values[field] ?? '').toLowerCase() !== wanted.toLowerCase()) return false;
  }
  for (const [q, test] of Object.entries(def.queryFilters ?? {})) {
    const wanted = query.get(q);
    if (wanted && !test(e, wanted)) return false;
  }
  const usage = query.get('usagefilter');
  if (usage === 'unreferenced' || usage === 'referenced') {
    if ((usage === 'referenced') !== isReferenced(ctx.store, def.kind, e.id)) return false;
  }
  return true;
}

/** `<coSpaces total="N"><coSpace id="…">…</coSpace>…</coSpaces>`, one page at the collection's cap. */
export function listResponse(ctx: MockContext, def: ResourceDef, entities: readonly Entity[], query: Map<string, string>): Response {
  const matches = entities.filter((e) => matchesQuery(ctx, def, e, query));
  const page = pageOf(matches, query, pageLimitFor(ctx.options.pageLimits, def.collection));
  return xmlResponse(def.collection, {
    attributes: { total: matches.length },
    children: page.map((e) => [def.element, renderEntity(ctx, def, e, true)]),
  });
}
