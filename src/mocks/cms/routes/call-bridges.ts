import type { MockContext } from '../context';
import { resourceRoute } from '../crud/resource-route';
import type { Route } from '../http/router';
import { resources } from '../resources';

export function callBridgeRoutes(ctx: MockContext): Route[] {
  return [resourceRoute(ctx, resources.callBridge)];
}
