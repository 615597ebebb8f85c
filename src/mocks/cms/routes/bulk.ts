import { runBulkSync } from '../bulk';
import type { MockContext } from '../context';
import { resourceRoute } from '../crud/resource-route';
import type { Route } from '../http/router';
import { resources } from '../resources';

/** `/cospaceBulkParameterSets` and `/cospaceBulkSyncs`: a sync runs pending → running → its outcome. */
export function bulkRoutes(ctx: MockContext): Route[] {
  return [
    resourceRoute(ctx, resources.cospaceBulkParameterSet),
    resourceRoute(ctx, resources.cospaceBulkSync, (c, created) => {
      if (created.values.status === 'pending') runBulkSync(c.store, created, c.options.bulkStepMs);
    }),
  ];
}
