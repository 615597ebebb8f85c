import type { MockContext } from '../context';
import { resourceRoute } from '../crud/resource-route';
import type { Route } from '../http/router';
import { resources } from '../resources';

export function tenantRoutes(ctx: MockContext): Route[] {
  return [resourceRoute(ctx, resources.tenant)];
}
