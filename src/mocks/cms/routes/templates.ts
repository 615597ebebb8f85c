import type { MockContext } from '../context';
import { childRoute, resourceRoute } from '../crud/resource-route';
import type { Route } from '../http/router';
import { resources } from '../resources';

/**
 * `/coSpaceTemplates` with their `/accessMethodTemplates`, a user's `/userCoSpaceTemplates` and
 * `/ldapUserCoSpaceTemplateSources` (2.9 onwards).
 */
export function templateRoutes(ctx: MockContext): Route[] {
  return [
    resourceRoute(ctx, resources.coSpaceTemplate),
    childRoute(ctx, resources.coSpaceTemplate, resources.accessMethodTemplate),
    // blueprint: the POST example answers `Location: /api/v1/userCospaceTemplates/<id>`, outside the user
    childRoute(ctx, resources.user, resources.userCoSpaceTemplate, { locationPath: '/api/v1/userCospaceTemplates' }),
    resourceRoute(ctx, resources.ldapUserCoSpaceTemplateSource),
  ];
}
