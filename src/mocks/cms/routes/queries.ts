import type { MockContext } from '../context';
import { route, type Route, type RouteRequest } from '../http/router';
import { findRoutes } from '../rules';
import { xmlResponse } from '../wire';

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

/** The query nodes: `/accessQuery`. */
export function queryRoutes(ctx: MockContext): Route[] {
  return [route('accessQuery', { GET: (req) => accessQuery(ctx, req), POST: (req) => accessQuery(ctx, req) })];
}
