import type { MockContext } from '../context';
import { resourceRoute, spaceChildRoute } from '../crud/resource-route';
import type { Route } from '../http/router';
import { resources } from '../resources';

/** `/coSpaces`, and inside a space its `/accessMethods` and `/coSpaceUsers`. */
export function coSpaceRoutes(ctx: MockContext): Route[] {
  return [resourceRoute(ctx, resources.coSpace), spaceChildRoute(ctx, resources.accessMethod), spaceChildRoute(ctx, resources.coSpaceUser)];
}
