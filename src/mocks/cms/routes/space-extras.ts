import { meetingEntryDetailParams } from '../../../api/params/support-reads';
import type { MockContext } from '../context';
import { route, type Route, type RouteRequest } from '../http/router';
import { emptyOk, notFound, valueChildren, xmlResponse } from '../wire';

function spaceOf(ctx: MockContext, req: RouteRequest) {
  const space = ctx.store.get('coSpace', req.params.coSpace ?? '');
  if (!space) throw notFound('coSpaceDoesNotExist');
  return space;
}

/** `/coSpaces/<id>/meetingEntryDetail` (full URI and call ID) and `POST /coSpaces/<id>/diagnostics`. */
export function spaceExtraRoutes(ctx: MockContext): Route[] {
  return [
    route('coSpaces/:coSpace/meetingEntryDetail', {
      GET: (req) => {
        const space = spaceOf(ctx, req);
        const uri = typeof space.values.uri === 'string' ? `${space.values.uri}@${ctx.options.domain}` : undefined;
        const values = { coSpace: space.id, ...(uri ? { uri } : {}), ...(space.values.callId !== undefined ? { callId: space.values.callId } : {}) };
        return xmlResponse('meetingEntryDetail', { children: valueChildren(meetingEntryDetailParams, values) });
      },
    }),
    // CMS starts gathering diagnostics for the space's calls and answers with where they will be
    // (/system/diagnostics/<id>, which the mock does not serve).
    route('coSpaces/:coSpace/diagnostics', {
      POST: (req) => {
        spaceOf(ctx, req);
        return ctx.gate.write(() => emptyOk(`/api/v1/system/diagnostics/${crypto.randomUUID()}`), req.signal);
      },
    }),
  ];
}
