import { defineParams } from './param-def';

/**
 * `/callBridges[/<id>]` (blueprint "Call Bridge Methods" and the `call bridge` data structure):
 * the clustered Call Bridges. The GET table lists only name; the example and attributes add the rest.
 */
export const callBridgeParams = defineParams({
  name: {
    type: 'string',
    description: 'The unique name of this clustered Call Bridge.',
  },
  address: {
    type: 'string',
    description: 'The address at which this Call Bridge in the cluster can be reached.',
  },
  sipDomain: {
    type: 'string',
    description: 'The SIP domain used to set up peer-to-peer links with this clustered Call Bridge.',
  },
  callBridgeGroup: {
    type: 'id',
    ref: 'callBridgeGroup',
    since: '2.1',
    description: 'If specified, puts this Call Bridge in the Call Bridge group.',
  },
});
