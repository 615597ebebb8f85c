import type { MockContext } from '../context';
import { resourceRoute } from '../crud/resource-route';
import { route, type Route } from '../http/router';
import { callLegProfileUsage } from '../profile-scopes';
import { resources } from '../resources';
import { notFound, xmlResponse } from '../wire';

/** `/callLegProfiles` with `/usage`, and `/callProfiles`. */
export function profileRoutes(ctx: MockContext): Route[] {
  return [
    route('callLegProfiles/:id/usage', {
      GET: ({ params }) => {
        const id = (params.id ?? '').toLowerCase();
        if (!ctx.store.get('callLegProfile', id)) throw notFound('callLegProfileDoesNotExist');
        const uses = callLegProfileUsage(ctx.store, id);
        return xmlResponse('callLegProfileUsage', {
          attributes: { id, total: uses.length },
          children: uses.map((u) => [u.scope, { attributes: u.attributes }]),
        });
      },
    }),
    resourceRoute(ctx, resources.callLegProfile),
    resourceRoute(ctx, resources.callProfile),
  ];
}
