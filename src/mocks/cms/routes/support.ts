import type { MockContext } from '../context';
import { listResponse } from '../crud/collection';
import { resourceRoute } from '../crud/resource-route';
import { route, type Route } from '../http/router';
import { resources } from '../resources';
import type { EntityKind } from '../store';

/** The configuration objects a space, tenant or the system may reference, and the dial plan and IVRs. */
const SUPPORT_KINDS: readonly EntityKind[] = [
  'dialInSecurityProfile',
  'inboundDialPlanRule',
  'ivr',
  'webBridge',
  'callBrandingProfile',
  'ivrBrandingProfile',
  'dtmfProfile',
  'compatibilityProfile',
  'layoutTemplate',
  'tenantGroup',
  'callBridgeGroup',
];

export function supportRoutes(ctx: MockContext): Route[] {
  return [
    ...SUPPORT_KINDS.map((kind) => resourceRoute(ctx, resources[kind])),
    // `<alarms total="N"><alarm id>…`: read-only, CMS raises and clears them
    route('system/alarms', { GET: (req) => listResponse(ctx, { ...resources.alarm, collection: 'alarms' }, ctx.store.all('alarm'), req.query) }),
  ];
}
