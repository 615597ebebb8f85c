import type { XmlBuildElement } from '../../../api/wire/xml';
import type { MockContext } from '../context';
import { pageLimitFor } from '../http/page-limits';
import { pageOf } from '../http/query';
import { route, type Route, type RouteRequest } from '../http/router';
import type { Entity } from '../store';
import { notFound, xmlResponse } from '../wire';

function participantElement(leg: Entity): XmlBuildElement {
  return {
    attributes: { id: leg.meta.participant ?? leg.id },
    children: [
      ['name', String(leg.values.name ?? leg.values.remoteParty ?? '')],
      ['call', String(leg.parent ?? '')],
    ],
  };
}

function list(ctx: MockContext, legs: Entity[], req: RouteRequest): Response {
  const filter = req.query.get('filter')?.toLowerCase();
  const matches = filter ? legs.filter((l) => String(l.values.name ?? l.values.remoteParty ?? '').toLowerCase().includes(filter)) : legs;
  return xmlResponse('participants', {
    attributes: { total: matches.length },
    children: pageOf(matches, req.query, pageLimitFor(ctx.options.pageLimits, 'participants')).map((l) => ['participant', participantElement(l)]),
  });
}

/** `/participants[/<id>]` and `/calls/<id>/participants`: one participant per call leg here. */
export function participantRoutes(ctx: MockContext): Route[] {
  return [
    route('calls/:call/participants', {
      GET: (req) => {
        const call = ctx.store.get('call', req.params.call ?? '');
        if (!call) throw notFound('callDoesNotExist');
        return list(ctx, ctx.store.all('callLeg', call.id), req);
      },
    }),
    route('participants/:id?', {
      GET: (req) => {
        const id = req.params.id;
        if (id === undefined) return list(ctx, ctx.store.all('callLeg'), req);
        const leg = ctx.store.all('callLeg').find((l) => l.meta.participant === id.toLowerCase());
        if (!leg) throw notFound('participantDoesNotExist');
        return xmlResponse('participant', participantElement(leg));
      },
    }),
  ];
}
