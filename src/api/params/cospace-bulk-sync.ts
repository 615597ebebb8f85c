import { defineParams } from './param-def';

/**
 * `/cospaceBulkSyncs[/<id>]` (2.0 onwards): queues the expansion of a cospaceBulkParameterSet into
 * spaces (POST only: PUT is not supported).
 * blueprint: the `cospaceBulkParameterSets` and `cospaceBulkParameterSets1` data structures also
 * carry startIndex and endIndex; the sync's own POST and GET tables do not, so they are left to the
 * parameter set.
 */
export const cospaceBulkSyncParams = defineParams({
  cospaceBulkParameterSet: {
    type: 'id',
    ref: 'cospaceBulkParameterSet',
    since: '2.0',
    description: 'The parameter set to synchronise (GET: the set used for this sync).',
  },
  removeAll: {
    type: 'boolean',
    default: false,
    since: '2.0',
    description:
      'If true, remove every space created from the parameter set and create none; if false or omitted, replace them with spaces built from the current mappings.',
  },
  status: {
    type: 'enum',
    values: [
      'pending',
      'running',
      'complete',
      'failedCoSpaceUriConflict',
      'failedCallIdConflict',
      'failedIndexRangeInvalid',
      'failedIndexRangeTooGreat',
      'failedNoSuchParameterSet',
      'failed',
    ],
    access: 'readOnly',
    since: '2.0',
    description:
      'Status of the sync: queued, running, complete, or the reason it failed (URI or call ID conflict, startIndex > endIndex, range too large, no such parameter set, other).',
  },
});
