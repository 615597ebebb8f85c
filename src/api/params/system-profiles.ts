import { defineParams } from './param-def';

/**
 * `/system/profiles`: the global (top-level) profiles, the least specific level of profile
 * resolution. Supplying an empty value unsets a top-level profile.
 * blueprint: "Setting the Global Profile" says "PUT or POST to /system/profiles", but the Failure
 * Reasons table gives "POST to /api/v1/system/profiles" as its example of invalidOperation; the more
 * specific failure-reason entry wins, so write with PUT.
 */
export const systemProfilesParams = defineParams({
  callLegProfile: {
    type: 'id',
    ref: 'callLegProfile',
    description: 'The top-level (global) call leg profile.',
  },
  callProfile: {
    type: 'id',
    ref: 'callProfile',
    description: 'The top-level (global) call profile.',
  },
  dtmfProfile: {
    type: 'id',
    ref: 'dtmfProfile',
    description: 'The top-level (global) DTMF profile.',
  },
  userProfile: {
    type: 'id',
    ref: 'userProfile',
    description: 'The top-level (global) user profile.',
  },
  ivrBrandingProfile: {
    type: 'id',
    ref: 'ivrBrandingProfile',
    description: 'The top-level (global) IVR branding profile.',
  },
  callBrandingProfile: {
    type: 'id',
    ref: 'callBrandingProfile',
    description: 'The top-level (global) call branding profile.',
  },
  // The next three are in the `systemProfile` attributes but not in the GET table.
  compatibilityProfile: {
    type: 'id',
    ref: 'compatibilityProfile',
    since: '2.1',
    description: 'The top-level (global) compatibility profile.',
  },
  dialInSecurityProfile: {
    type: 'id',
    ref: 'dialInSecurityProfile',
    since: '3.0',
    description: 'The top-level (global) dial-in security profile.',
  },
  webBridgeProfile: {
    type: 'id',
    ref: 'webBridgeProfile',
    since: '3.0',
    description: 'The top-level (global) web bridge profile.',
  },
});
