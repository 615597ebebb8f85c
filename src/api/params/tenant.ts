import { defineParams } from './param-def';

/**
 * `/tenants[/<id>]` (blueprint "Group Multi-tenancy" and the `tenant` data structure).
 * blueprint: the detailed tenant GET table is printed under "Retrieving Detailed Information about
 * an Individual Tenant Group"; its rows (name *, tenantGroup, profiles, participantLimit…) describe a
 * tenant, so they are used here together with the `tenant` attributes.
 */
export const tenantParams = defineParams({
  name: {
    type: 'string',
    required: true,
    description: 'A label for the tenant.',
  },
  tenantGroup: {
    type: 'id',
    ref: 'tenantGroup',
    description:
      'If specified, puts this tenant in the tenant group; the IDs of spaces in tenants of the same group must be unique.',
  },
  callLegProfile: {
    type: 'id',
    ref: 'callLegProfile',
    description: 'If specified, associates the specified call leg profile with this tenant.',
  },
  callProfile: {
    type: 'id',
    ref: 'callProfile',
    description: 'If specified, associates the specified call profile with this tenant.',
  },
  dtmfProfile: {
    type: 'id',
    ref: 'dtmfProfile',
    description: 'If specified, associates the specified DTMF profile with this tenant.',
  },
  ivrBrandingProfile: {
    type: 'id',
    ref: 'ivrBrandingProfile',
    description: 'If specified, associates the specified IVR branding profile with this tenant.',
  },
  callBrandingProfile: {
    type: 'id',
    ref: 'callBrandingProfile',
    description: 'If specified, associates the specified call branding profile with this tenant.',
  },
  participantLimit: {
    type: 'integer',
    description:
      'If specified, the maximum number of participants of this tenant that can be active at once; further participants are refused.',
  },
  userProfile: {
    type: 'id',
    ref: 'userProfile',
    description:
      'If supplied, the user profile used by all users of this tenant unless overridden.',
  },
  dialInSecurityProfile: {
    type: 'id',
    ref: 'dialInSecurityProfile',
    since: '3.0',
    description: 'If specified, associates the specified dial-in security profile with this tenant.',
  },
  webBridgeProfile: {
    type: 'id',
    ref: 'webBridgeProfile',
    since: '3.0',
    description: 'If specified, associates the specified web bridge profile with this tenant.',
  },
});
