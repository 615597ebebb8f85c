import { defineParams } from './param-def';

/** `/inboundDialPlanRules[/<id>]` (blueprint "Incoming Call Matching Dial Plan" and the data structure). */
export const inboundDialPlanRuleParams = defineParams({
  domain: {
    type: 'string',
    required: true,
    description: 'The domain to match in order to apply the rule; a complete value such as example.com.',
  },
  priority: {
    type: 'integer',
    min: 0,
    description: 'Higher values are preferred when several rules apply, for the full URIs advertised for incoming calls.',
  },
  resolveToUsers: {
    type: 'boolean',
    description: 'Calls to this domain are matched against user JIDs (removed in 3.0).',
  },
  resolveToCoSpaces: {
    // blueprint: the data structure spells it resolveTocoSpaces; CMS matches names case-insensitively.
    type: 'boolean',
    description: 'Calls to this domain are matched against coSpace URIs; a match joins the space.',
  },
  resolveToIvrs: {
    type: 'boolean',
    description: 'Calls to this domain are matched against IVR URIs.',
  },
  resolveToLyncConferences: {
    type: 'boolean',
    default: false,
    description: 'Calls to this domain are resolved to a Lync conference URL.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    description: 'If specified, calls to this domain only match the user JIDs and coSpace URIs of this tenant.',
  },
});
