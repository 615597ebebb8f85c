import { meetingEntryDetailParams } from '../../../api/params/support-reads';
import type { MockContext } from '../context';
import { route, type Route, type RouteRequest } from '../http/router';
import { notFound, valueChildren, xmlResponse } from '../wire';

function spaceOf(ctx: MockContext, req: RouteRequest) {
  const space = ctx.store.get('coSpace', req.params.coSpace ?? '');
  if (!space) throw notFound('coSpaceDoesNotExist');
  return space;
}

/** `/coSpaces/<id>/meetingEntryDetail`: the full URI and call ID. */
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
  ];
}
