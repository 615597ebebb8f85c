import { defineParams } from './param-def';

/**
 * `/cospaceBulkParameterSets[/<id>]` (2.0 onwards): a parameter set that a `/cospaceBulkSyncs`
 * operation expands into spaces for every index from startIndex to endIndex (inclusive).
 * A PUT updates the set, which only takes effect at the next sync.
 * blueprint: the POST is documented with "+ Attributes (cospaceBulkParameterSets)", a data structure
 * holding the sync's fields (startIndex, endIndex, cospaceBulkParameterSet, removeAll); the POST and
 * GET tables, used here, list the mappings and profiles instead.
 *
 * Mapping syntax: `[component] ["$index$"] [component]`, where `\\` and `\$` produce `\` and `$`
 * (a URI mapping may not contain '@').
 */
export const cospaceBulkParameterSetParams = defineParams({
  startIndex: {
    type: 'integer',
    since: '2.0',
    description: 'Index the space mappings start from (inclusive).',
  },
  endIndex: {
    type: 'integer',
    since: '2.0',
    description: 'Index the space mappings end at (inclusive).',
  },
  coSpaceUriMapping: {
    type: 'string',
    since: '2.0',
    description:
      'Template for the URIs of the bulk-created spaces (e.g. with $index$); they must be unique, and if unset the spaces have no dialable URI.',
  },
  coSpaceNameMapping: {
    type: 'string',
    since: '2.0',
    description: 'Template for the names of the bulk-created spaces; names need not be unique.',
  },
  coSpaceCallIdMapping: {
    type: 'string',
    since: '2.0',
    description:
      'Template for the call IDs of the bulk-created spaces; they must be unique, if unset the spaces have no call ID, and if set secrets are auto-generated.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    since: '2.0',
    description: 'If specified, the tenant of the bulk-created spaces; if not set, they have none.',
  },
  callProfile: {
    type: 'id',
    ref: 'callProfile',
    since: '2.0',
    description: 'If specified, the call profile of the bulk-created spaces; if not set, they have none.',
  },
  callBrandingProfile: {
    type: 'id',
    ref: 'callBrandingProfile',
    since: '2.0',
    description:
      'If specified, the call branding profile of the bulk-created spaces; if not set, they have none.',
  },
  nonMemberAccess: {
    type: 'boolean',
    default: true,
    since: '2.0',
    description: 'Whether non-members can access the bulk-created spaces.',
  },
  callLegProfile: {
    type: 'id',
    ref: 'callLegProfile',
    // not in the blueprint: the TMS trace (seeds/cms-tms-integration-api-trace.fr.md) POSTs
    // callLegProfile=… to /cospaceBulkParameterSets and CMS 2.0 creates the set.
    description:
      'The call leg profile of the bulk-created spaces (sent by TMS; not documented in the blueprint).',
  },
});
