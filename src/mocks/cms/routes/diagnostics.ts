import type { MockContext } from '../context';
import { listResponse } from '../crud/collection';
import { renderEntity } from '../crud/render';
import { route, type Route, type RouteRequest } from '../http/router';
import { resources } from '../resources';
import type { Entity } from '../store';
import { emptyOk, notFound, xmlResponse } from '../wire';

const def = resources.diagnostics;

/** The log CMS keeps for a space or a call: what the mock knows of it (the calls and legs it holds now). */
function contentsOf(ctx: MockContext, label: string, space: Entity | undefined, correlator: string | undefined): string {
  const calls = ctx.store.all('call').filter((c) => (space && c.values.coSpace === space.id) || (correlator !== undefined && c.values.callCorrelator === correlator));
  const lines = calls.flatMap((call) => [
    `Info    conference ${call.id} named "${String(call.values.name ?? '')}"`,
    ...ctx.store.all('callLeg', call.id).map((leg) => `Info    call leg ${leg.id} (${String(leg.values.remoteParty ?? '')}) in call ${call.id}`),
  ]);
  return [
    `Diagnostics for "${label}"${space ? ` (${space.id})` : ''}:`,
    ...(space ? [`  coSpace: ${space.id}`] : []),
    ...(correlator ? [`  correlator: ${correlator}`] : []),
    '',
    'Recent log messages:',
    ...(lines.length > 0 ? lines : ['Info    no calls in progress']),
    '',
  ].join('\n');
}

/** Gathers diagnostics now (CMS does it in the background) and answers where they are, as the blueprint's examples do. */
function gather(ctx: MockContext, req: RouteRequest, of: { space?: Entity; call?: Entity }): Promise<Response> {
  const space = of.space ?? (of.call?.values.coSpace !== undefined ? ctx.store.get('coSpace', String(of.call.values.coSpace)) : undefined);
  const correlator = of.call?.values.callCorrelator !== undefined ? String(of.call.values.callCorrelator) : undefined;
  const label = String(space?.values.name ?? of.call?.values.name ?? '');
  return ctx.gate.write(() => {
    const contents = contentsOf(ctx, label, space, correlator);
    const created = ctx.store.insert('diagnostics', {
      label,
      ...(space ? { coSpace: space.id } : {}),
      ...(correlator ? { callCorrelator: correlator } : {}),
      timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      contentsSize: new TextEncoder().encode(contents).byteLength,
    }, { meta: { contents } });
    return emptyOk(`/api/v1/system/diagnostics/${created.id}`);
  }, req.signal);
}

function found(ctx: MockContext, id: string | undefined): Entity {
  const entity = ctx.store.get('diagnostics', id ?? '');
  if (!entity) throw notFound(def.missing);
  return entity;
}

/**
 * `POST /coSpaces/<id>/diagnostics` and `POST /calls/<id>/diagnostics` make a diagnostics log;
 * `/system/diagnostics` lists them (coSpaceFilter, callCorrelatorFilter), one reads with its
 * details, and `/contents` is the log itself as text/plain.
 */
export function diagnosticsRoutes(ctx: MockContext): Route[] {
  return [
    route('coSpaces/:coSpace/diagnostics', {
      POST: (req) => {
        const space = ctx.store.get('coSpace', req.params.coSpace ?? '');
        if (!space) throw notFound('coSpaceDoesNotExist');
        return gather(ctx, req, { space });
      },
    }),
    route('calls/:call/diagnostics', {
      POST: (req) => {
        const call = ctx.store.get('call', req.params.call ?? '');
        if (!call) throw notFound('callDoesNotExist');
        return gather(ctx, req, { call });
      },
    }),
    route('system/diagnostics/:id?', {
      GET: (req) =>
        req.params.id === undefined
          ? listResponse(ctx, def, ctx.store.all('diagnostics'), req.query)
          : xmlResponse(def.element, renderEntity(ctx, def, found(ctx, req.params.id), false)),
    }),
    route('system/diagnostics/:id/contents', {
      GET: (req) => new Response(found(ctx, req.params.id).meta.contents ?? '', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
    }),
  ];
}
