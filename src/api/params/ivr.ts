import { defineParams } from './param-def';

/** `/ivrs[/<id>]` (blueprint "IVR Methods" and the `ivr` data structure). */
export const ivrParams = defineParams({
  uri: {
    type: 'uriUserPart',
    description: 'The URI to be used for this IVR.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    description: "If specified, calls to this IVR can only join this tenant's coSpaces.",
  },
  tenantGroup: {
    type: 'id',
    ref: 'tenantGroup',
    description: 'Calls to this IVR can only join coSpaces of tenants in this tenant group.',
  },
  ivrBrandingProfile: {
    type: 'id',
    ref: 'ivrBrandingProfile',
    description: 'The IVR branding profile used for calls to this IVR, over the top-level or tenant one.',
  },
  resolveCoSpaceCallIds: {
    type: 'boolean',
    default: true,
    description: 'Whether callers to this IVR can join coSpaces by call ID.',
  },
  resolveLyncConferenceIds: {
    type: 'boolean',
    default: false,
    description: 'Whether callers to this IVR can enter Lync conference IDs.',
  },
});
