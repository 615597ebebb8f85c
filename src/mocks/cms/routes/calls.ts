import { callLegProfileParams } from '../../../api/params/call-leg-profile';
import type { MockContext } from '../context';
import { listResponse } from '../crud/collection';
import { applyForm, referenceCheck } from '../crud/forms';
import { resourceRoute } from '../crud/resource-route';
import { route, type Route, type RouteRequest } from '../http/router';
import { callLegProfileTrace } from '../profile-scopes';
import { resources } from '../resources';
import type { Entity } from '../store';
import { emptyOk, notFound, parameterError, valueChildren, xmlResponse } from '../wire';

function callOf(ctx: MockContext, req: RouteRequest) {
  const call = ctx.store.get('call', req.params.call ?? '');
  if (!call) throw notFound('callDoesNotExist');
  return call;
}

/**
 * Dials out from a call: POST /calls/<id>/callLegs answers the leg's own Location
 * (`/api/v1/callLegs/<id>`), POST /calls/<id>/participants the participant's.
 */
export function dialOut(ctx: MockContext, call: Entity, req: RouteRequest, location: (leg: Entity) => string): Promise<Response> {
  const { values } = applyForm(resources.callLeg.params, req.body, {}, 'POST');
  if (values.remoteParty === undefined) throw parameterError('remoteParty', 'missing');
  referenceCheck(ctx.store, resources.callLeg.params, values);
  return ctx.gate.write(() => {
    values.call = call.id;
    values.direction = 'outgoing';
    if (call.values.tenant !== undefined) values.tenant = call.values.tenant;
    const leg = ctx.store.insert('callLeg', values, { parent: call.id, meta: { participant: crypto.randomUUID() } });
    ctx.store.maxActiveLegs = Math.max(ctx.store.maxActiveLegs, ctx.store.all('callLeg').length);
    ctx.simulation.legAdded(leg);
    return emptyOk(location(leg));
  }, req.signal);
}

function trace(ctx: MockContext, req: RouteRequest): Response {
  const leg = ctx.store.get('callLeg', req.params.leg ?? '');
  if (!leg) throw notFound('callLegDoesNotExist');
  return xmlResponse('callLegProfileTrace', {
    attributes: { callLeg: leg.id },
    children: callLegProfileTrace(ctx.store, leg).map((level) => [
      'profile',
      {
        attributes: { scope: level.scope },
        children: [
          [
            'callLegProfile',
            {
              ...(level.profileId ? { attributes: { id: level.profileId } } : {}),
              children: valueChildren(callLegProfileParams, level.settings),
            },
          ],
        ],
      },
    ]),
  });
}

/** `/calls`, a call's `/callLegs`, `/callLegs` with their `/callLegProfileTrace`. */
export function callRoutes(ctx: MockContext): Route[] {
  return [
    // The TMS trace sends /callegs (sic) and CMS answers it, so the mock does too.
    route('calls/:call/callLegs|callegs', {
      GET: (req) => listResponse(ctx, resources.callLeg, ctx.store.all('callLeg', callOf(ctx, req).id), req.query),
      POST: (req) => dialOut(ctx, callOf(ctx, req), req, (leg) => `/api/v1/callLegs/${leg.id}`),
    }),
    route('callLegs|callegs/:leg/callLegProfileTrace', { GET: (req) => trace(ctx, req) }),
    resourceRoute(ctx, resources.call),
    { ...resourceRoute(ctx, resources.callLeg), pattern: ['callLegs|callegs', ':id?'] },
  ];
}

