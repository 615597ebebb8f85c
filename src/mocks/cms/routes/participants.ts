import type { ParamTable } from '../../../api/params/param-def';
import { participantParams } from '../../../api/params/participant';
import { parseFormValue } from '../../../api/params/schema';
import type { MockContext } from '../context';
import { listResponse } from '../crud/collection';
import { canonicalName } from '../crud/forms';
import { renderParticipant } from '../crud/render-live';
import { pageLimitFor } from '../http/page-limits';
import { pageOf } from '../http/query';
import { route, type Route, type RouteRequest } from '../http/router';
import { resources } from '../resources';
import type { Entity, Values } from '../store';
import { badRequest, emptyOk, notFound, parameterError, xmlResponse } from '../wire';
import { dialOut } from './calls';

function list(ctx: MockContext, legs: Entity[], req: RouteRequest): Response {
  const filter = req.query.get('filter')?.toLowerCase();
  const tenant = req.query.get('tenantfilter')?.toLowerCase();
  const matches = legs.filter(
    (l) =>
      (!filter || String(l.values.name ?? l.values.remoteParty ?? '').toLowerCase().includes(filter)) &&
      (!tenant || String(l.values.tenant ?? '').toLowerCase() === tenant),
  );
  return xmlResponse('participants', {
    attributes: { total: matches.length },
    children: pageOf(matches, req.query, pageLimitFor(ctx.options.pageLimits, 'participants')).map((l) => ['participant', renderParticipant(ctx, l, true)]),
  });
}

const participantLeg = (ctx: MockContext, id: string | undefined, missing = notFound) => {
  const leg = ctx.store.all('callLeg').find((l) => l.meta.participant === (id ?? '').toLowerCase());
  if (!leg) throw missing('participantDoesNotExist');
  return leg;
};

/** Reads a participant PUT body: every settable parameter of the participant table, checked before any change. */
function participantForm(body: string): Values {
  const changes: Values = {};
  for (const [rawName, raw] of new URLSearchParams(body)) {
    const name = canonicalName(participantParams, rawName);
    const table: ParamTable = participantParams;
    const def = name ? table[name] : undefined;
    if (!name || !def || def.access === 'readOnly') throw parameterError(rawName, 'unrecognised');
    const parsed = parseFormValue(def, raw);
    if (!parsed.ok) throw parameterError(name, parsed.error);
    changes[name] = parsed.value ?? '';
  }
  return changes;
}

/** CMS applies a participant's settings to its call legs; an empty value unsets one. */
function applyToLeg(ctx: MockContext, leg: Entity, changes: Values): void {
  for (const [name, value] of Object.entries(changes)) {
    if (value === '') delete leg.values[name];
    else leg.values[name] = value;
  }
  ctx.simulation.legAdded(leg);
}

function modify(ctx: MockContext, legs: Entity[], req: RouteRequest): Promise<Response> {
  const changes = participantForm(req.body);
  return ctx.gate.write(() => {
    for (const leg of legs) applyToLeg(ctx, leg, changes);
    return emptyOk();
  }, req.signal);
}

function callOf(ctx: MockContext, req: RouteRequest): Entity {
  const call = ctx.store.get('call', req.params.call ?? '');
  if (!call) throw notFound('callDoesNotExist');
  return call;
}

/**
 * `/participants[/<id>]` with `/callLegs`, and a call's `/participants`: POST dials a new one out,
 * PUT `/calls/<id>/participants/*` sets every participant of the call. One participant per leg here.
 */
export function participantRoutes(ctx: MockContext): Route[] {
  return [
    route('calls/:call/participants/:all?', {
      GET: (req) => {
        if (req.params.all !== undefined) throw notFound('unrecognizedObject');
        return list(ctx, ctx.store.all('callLeg', callOf(ctx, req).id), req);
      },
      POST: (req) => {
        if (req.params.all !== undefined) throw badRequest('invalidOperation');
        return dialOut(ctx, callOf(ctx, req), req, (leg) => `/api/v1/participants/${leg.meta.participant ?? leg.id}`);
      },
      PUT: (req) => {
        if (req.params.all !== undefined && req.params.all !== '*') throw badRequest('invalidOperation');
        return modify(ctx, ctx.store.all('callLeg', callOf(ctx, req).id), req);
      },
    }),
    route('participants/:id/callLegs', {
      GET: (req) => listResponse(ctx, resources.callLeg, [participantLeg(ctx, req.params.id)], req.query),
    }),
    route('participants/:id?', {
      GET: (req) => {
        if (req.params.id === undefined) return list(ctx, ctx.store.all('callLeg'), req);
        return xmlResponse('participant', renderParticipant(ctx, participantLeg(ctx, req.params.id), false));
      },
      PUT: (req) => modify(ctx, [participantLeg(ctx, req.params.id, badRequest)], req),
    }),
  ];
}
