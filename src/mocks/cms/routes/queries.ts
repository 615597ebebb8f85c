import type { MockContext } from '../context';
import { route, type Route, type RouteRequest } from '../http/router';
import { findRoutes } from '../rules';
import type { Entity } from '../store';
import { badRequest, parameterError, xmlResponse } from '../wire';

function accessQuery(ctx: MockContext, req: RouteRequest): Response {
  const form = new URLSearchParams(req.method === 'POST' ? req.body : req.url.search);
  const uri = form.get('uri') ?? undefined;
  const callId = form.get('callId') ?? form.get('callid') ?? undefined;
  const children: Array<[string, string]> = [];
  const { domain } = ctx.options;
  if (uri && findRoutes(ctx.store, { uri }).length > 0) children.push(['uri', `${uri.split('@')[0]}@${domain}`]);
  if (callId && findRoutes(ctx.store, { callId }).length > 0) children.push(['webAddress', `https://join.${domain}/meeting/${callId}`]);
  return xmlResponse('accessQuery', { children });
}

const userPart = (uri: unknown) => (typeof uri === 'string' ? (uri.split('@')[0] ?? '').toLowerCase() : undefined);

/**
 * `POST /uriUsageQuery` (uri, tenant): which space (itself or through an access method), user and
 * IVR use a URI user part within the tenant given, or among objects without a tenant when none is.
 */
function uriUsageQuery(ctx: MockContext, req: RouteRequest): Response {
  const form = new URLSearchParams(req.body);
  const uri = userPart(form.get('uri') ?? form.get('URI') ?? undefined);
  if (!uri) throw parameterError('uri', 'missing');
  const tenant = (form.get('tenant') ?? '').toLowerCase() || undefined;
  if (tenant && !ctx.store.get('tenant', tenant)) throw badRequest('tenantDoesNotExist');
  const inTenant = (e: Entity | undefined) => (typeof e?.values.tenant === 'string' ? e.values.tenant : undefined) === tenant;
  const { store } = ctx;
  const spaces = new Set<string>();
  for (const space of store.all('coSpace')) if (inTenant(space) && [space.values.uri, space.values.secondaryUri].some((u) => userPart(u) === uri)) spaces.add(space.id);
  for (const method of store.all('accessMethod')) {
    if (userPart(method.values.uri) === uri && inTenant(store.get('coSpace', method.parent ?? ''))) spaces.add(method.parent ?? '');
  }
  const children: Array<[string, string]> = [...spaces].map((id) => ['coSpaceId', id]);
  for (const user of store.all('user')) if (inTenant(user) && userPart(user.values.userJid) === uri) children.push(['userId', user.id]);
  for (const ivr of store.all('ivr')) if (inTenant(ivr) && userPart(ivr.values.uri) === uri) children.push(['ivrId', ivr.id]);
  return xmlResponse('uriUsageQuery', { children });
}

/** The query nodes: `/accessQuery` and `/uriUsageQuery`. */
export function queryRoutes(ctx: MockContext): Route[] {
  return [
    route('accessQuery', { GET: (req) => accessQuery(ctx, req), POST: (req) => accessQuery(ctx, req) }),
    route('uriUsageQuery', { POST: (req) => uriUsageQuery(ctx, req) }),
  ];
}
