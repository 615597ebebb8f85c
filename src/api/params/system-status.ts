import { defineParams } from './param-def';

/** `GET /system/status`: read-only, returned inside a `<status>` element. */
export const systemStatusParams = defineParams({
  hostId: {
    type: 'id',
    access: 'readOnly',
    // blueprint: not in the table; first element of the example response.
    description: 'An id identifying this host (only shown in the example response).',
  },
  softwareVersion: {
    type: 'string',
    access: 'readOnly',
    description: 'The software version currently running on the Call Bridge.',
  },
  uptimeSeconds: {
    type: 'integer',
    access: 'readOnly',
    description: 'How long, in seconds, the unit has been running.',
  },
  activated: {
    type: 'boolean',
    access: 'readOnly',
    description:
      'Whether the Call Bridge is activated (licensed); always true for a Meeting Server (deprecated in 3.0).',
  },
  clusterEnabled: {
    type: 'boolean',
    access: 'readOnly',
    since: '2.0',
    description: 'True if the Call Bridge is running with clustering enabled.',
  },
  clusterId: {
    type: 'id',
    access: 'readOnly',
    since: '3.0',
    description:
      "The id of the Call Bridge's cluster, constant for the cluster's lifetime (a single server is a cluster of 1).",
  },
  cdrTime: {
    // blueprint: typed "Number", but described (and shown) as an RFC 3339 timestamp such as 2014-02-11T12:10:47Z.
    type: 'dateTime',
    access: 'readOnly',
    description: 'The current time as it would be written in a CDR (RFC 3339).',
  },
  callLegsActive: {
    type: 'integer',
    access: 'readOnly',
    description: 'The number of call legs active now.',
  },
  callLegsMaxActive: {
    type: 'integer',
    access: 'readOnly',
    description: 'The highest number of call legs simultaneously active on this Meeting Server.',
  },
  callLegsCompleted: {
    type: 'integer',
    access: 'readOnly',
    description: 'The total number of call legs that were active and are no longer connected.',
  },
  audioBitRateOutgoing: {
    type: 'integer',
    access: 'readOnly',
    description: 'Current total bit rate (bits per second) of all outgoing audio streams.',
  },
  audioBitRateIncoming: {
    type: 'integer',
    access: 'readOnly',
    description: 'Current total bit rate of all incoming audio streams.',
  },
  videoBitRateOutgoing: {
    type: 'integer',
    access: 'readOnly',
    description: 'Current total bit rate of all outgoing video streams.',
  },
  videoBitRateIncoming: {
    type: 'integer',
    access: 'readOnly',
    description: 'Current total bit rate of all incoming video streams.',
  },
  cdrCorrelatorIndex: {
    type: 'integer',
    access: 'readOnly',
    since: '2.2',
    description: 'The correlator index of the next CDR record to be sent (0 if none sent yet).',
  },
});

/** `<status>` as the blueprint's example prints it (clusterId, 3.0 onwards and not in the example, after clusterEnabled). */
export const systemStatusElementOrder = [
  'hostId',
  'softwareVersion',
  'uptimeSeconds',
  'cdrTime',
  'activated',
  'clusterEnabled',
  'clusterId',
  'cdrCorrelatorIndex',
  'callLegsActive',
  'callLegsMaxActive',
  'callLegsCompleted',
  'audioBitRateOutgoing',
  'audioBitRateIncoming',
  'videoBitRateOutgoing',
  'videoBitRateIncoming',
] as const satisfies ReadonlyArray<keyof typeof systemStatusParams>;
