import { defineParams } from './param-def';

/**
 * `/tenantGroups[/<id>]` (blueprint "Tenant group operations"): the example shows a bare
 * `<tenantGroup id="…"/>`; a tenant group has no parameters of its own, tenants point at it.
 */
export const tenantGroupParams = defineParams({});

/** `/callBridgeGroups[/<id>]` (2.1 onwards; blueprint "Call Bridge Group Methods" and `call bridge group`). */
export const callBridgeGroupParams = defineParams({
  name: { type: 'string', description: 'Optional name of the Call Bridge group.' },
  loadBalancingEnabled: { type: 'boolean', default: false, since: '2.1', description: 'Whether Call Bridges in this group load balance calls.' },
  loadBalanceLyncCalls: { type: 'boolean', default: false, since: '2.1', description: 'Whether incoming Lync calls to coSpaces are load balanced.' },
  loadBalanceOutgoingCalls: { type: 'boolean', default: false, since: '2.2', description: 'Whether calls from coSpaces are load balanced.' },
  loadBalanceUserCalls: { type: 'boolean', default: true, since: '2.3', description: 'Whether Cisco Meeting App calls to coSpaces are load balanced.' },
  loadBalanceIndirectCalls: { type: 'boolean', default: false, since: '2.4', description: 'Whether incoming calls with Record-Route headers are load balanced.' },
});
