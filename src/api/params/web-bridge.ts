import { defineParams } from './param-def';

/** `/webBridges[/<id>]` as of 3.x (blueprint "Web Bridge Methods" and the `WebBridge` data structure, 3.0 removals left out). */
export const webBridgeParams = defineParams({
  url: {
    type: 'url',
    description: 'The address the Call Bridge uses to reach this Web Bridge.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    description: "If specified, only this tenant's call IDs can be joined through this Web Bridge.",
  },
  tenantGroup: {
    type: 'id',
    ref: 'tenantGroup',
    description: 'Only coSpaces of tenants in this tenant group can be joined by call ID through this Web Bridge.',
  },
  callBridge: {
    type: 'id',
    since: '2.1',
    description: 'If specified, associates this Web Bridge with that Call Bridge.',
  },
  callBridgeGroup: {
    type: 'id',
    ref: 'callBridgeGroup',
    since: '2.1',
    description: 'If specified, associates this Web Bridge with that Call Bridge group.',
  },
  webBridgeProfile: {
    type: 'id',
    since: '3.0',
    description: 'If specified, associates this Web Bridge with that web bridge profile.',
  },
});
