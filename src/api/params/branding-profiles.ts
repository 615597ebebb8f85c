import { defineParams } from './param-def';

/** `/callBrandingProfiles[/<id>]` (blueprint "Call Branding Profile Methods", `callBrandingProfile`). */
export const callBrandingProfileParams = defineParams({
  invitationTemplate: {
    type: 'url',
    description: 'The HTTP(S) URL of the invitation template text clients use for textual invitations.',
  },
  resourceLocation: {
    type: 'url',
    description: 'The HTTP(S) URL (a directory) the call branding files are retrieved from.',
  },
});

/** `/ivrBrandingProfiles[/<id>]` (blueprint "IVR Branding Profile Methods", `ivrBrandingProfile`). */
export const ivrBrandingProfileParams = defineParams({
  resourceLocation: {
    type: 'url',
    description: 'The HTTP(S) URL (a directory) the IVR branding files are retrieved from.',
  },
});
