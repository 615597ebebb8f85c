/**
 * Every reason code of the blueprint's "Failure Reasons" table (`<failureDetails><code/></failureDetails>`),
 * as a sentence a CMS admin understands: what went wrong, then what to do.
 * (The blueprint lists layoutTemplateDoesNotExist and ldapUserCoSpaceTemplateSourceDoesNotExist twice.)
 */
export const failureReasons: Readonly<Record<string, string>> = Object.freeze({
  accessMethodDoesNotExist:
    "This access method does not exist (any more). Reload the space's access methods and try again.",
  callBrandingProfileDoesNotExist:
    'The call branding profile does not exist. Choose an existing call branding profile, or create it first.',
  callBridgeDoesNotExist:
    'The clustered Call Bridge does not exist. Reload the list of Call Bridges and choose an existing one.',
  callBridgeGroupDoesNotExist:
    'The Call Bridge group does not exist. Reload the list of Call Bridge groups and choose an existing one.',
  callBridgeGroupUnavailable:
    'The Call Bridge group is unavailable or could not accept the call, so the participant was not added. Check the Call Bridges in that group, or try again later.',
  callBridgeUnavailable:
    'The Call Bridge is unavailable or could not accept the call, so the participant was not added. Check that Call Bridge, or try again later or from another one.',
  callDoesNotExist:
    'This call is not active (any more); it has probably ended. Reload the list of active calls.',
  callRecordingCannotBeModified:
    'Recording cannot be started or stopped on this call. Check the recordingMode of the call profile in force: "automatic" cannot be stopped and "disabled" cannot be started.',
  callStreamingCannotBeModified:
    'Streaming cannot be started or stopped on this call. Check the streamingMode of the call profile in force: "automatic" cannot be stopped and "disabled" cannot be started.',
  callLegCannotBeDeleted:
    'CMS refused to disconnect this call leg. Reload the call to check its state; to remove everyone, end the whole call instead.',
  callLegDoesNotExist:
    "This call leg is not active (any more); the participant has probably left. Reload the call's legs.",
  callLegProfileDoesNotExist:
    'The call leg profile does not exist. Choose an existing call leg profile, or create it first.',
  callProfileDoesNotExist:
    'The call profile does not exist. Choose an existing call profile, or create it first.',
  cdrReceiverDoesNotExist:
    'The CDR receiver does not exist. Reload the list of CDR receivers.',
  compatibilityProfileDoesNotExist:
    'The compatibility profile does not exist. Choose an existing compatibility profile, or create it first.',
  coSpaceAccessMethodTemplateDoesNotExist:
    "The access method template does not exist on this space template. Reload the space template's access method templates.",
  coSpaceDoesNotExist:
    'This space does not exist (any more); it may have been deleted. Reload the list of spaces.',
  coSpaceTemplateDoesNotExist:
    'The space template does not exist. Reload the list of space templates and choose an existing one.',
  coSpaceUserDoesNotExist:
    "This member does not exist on the space (any more). Reload the space's members.",
  databaseNotReady:
    'The CMS database is not ready yet, for example just after a restart. Wait a moment and try again.',
  dialInSecurityProfileDoesNotExist:
    'The dial-in security profile does not exist (these profiles exist from CMS 3.0). Choose an existing one, or create it first.',
  directorySearchLocationDoesNotExist:
    'The directory search location does not exist. Reload the list of directory search locations.',
  dtmfProfileDoesNotExist:
    'The DTMF profile does not exist. Choose an existing DTMF profile, or create it first.',
  duplicateCallBridgeName:
    'Another clustered Call Bridge already has this name. Choose a unique name.',
  duplicateCoSpaceId:
    "Another space already uses this call ID. Choose a different call ID: two spaces can't share one, because a caller who enters it must reach exactly one space.",
  duplicateCoSpaceUri:
    "Another space already uses this URI. Choose a different URI: two spaces can't share one, because CMS must route each incoming call to exactly one space.",
  duplicateCoSpaceIdPasscode:
    'This space or one of its access methods already uses this call ID with the same passcode. Change the passcode (or the call ID): on a shared call ID, CMS tells the ways in apart only by their passcodes.',
  duplicateCoSpaceUriPasscode:
    'This space or one of its access methods already uses this URI with the same passcode. Change the passcode (or the URI): on a shared URI, CMS tells the ways in apart only by their passcodes.',
  duplicateUserCoSpaceTemplate:
    'This space template is already assigned to the user. Nothing to do: a template can be assigned to a user only once.',
  duplicateSipEndpointUri:
    'Another registered SIP endpoint already uses this URI. Choose a different URI.',
  forwardingDialPlanRuleDoesNotExist:
    'The forwarding dial plan rule does not exist. Reload the list of forwarding rules.',
  inboundDialPlanRuleDoesNotExist:
    'The inbound dial plan rule does not exist. Reload the list of inbound rules.',
  inboundDialPlanRuleUriConflict:
    'This inbound dial plan rule would make a URI ambiguous, for example by matching several tenants that each have a space with the same URI. Limit the rule to one tenant or rename the clashing space URIs.',
  invalidOperation:
    'CMS does not support this operation here, for example a POST to /system/profiles or deleting a user created by an LDAP sync. Use the supported method (PUT for /system/profiles), or change the LDAP sync instead.',
  invalidVersion:
    'The request used an API version this CMS does not accept. Send requests to /api/v1.',
  ivrBrandingProfileDoesNotExist:
    'The IVR branding profile does not exist. Choose an existing IVR branding profile, or create it first.',
  ivrDoesNotExist:
    'The IVR does not exist. Reload the list of IVRs.',
  ivrUriConflict:
    'This IVR change would cause a URI conflict. Choose a URI for the IVR that nothing else uses.',
  layoutTemplateDoesNotExist:
    'The layout template does not exist. Choose an existing layout template, or create it first.',
  layoutTemplateDescriptionTooLong:
    'The layout template description is longer than CMS allows. Shorten it.',
  ldapMappingDoesNotExist:
    'The LDAP mapping does not exist. Reload the list of LDAP mappings.',
  ldapServerDoesNotExist:
    'The LDAP server does not exist. Reload the list of LDAP servers.',
  ldapSourceDoesNotExist:
    'The LDAP source does not exist. Reload the list of LDAP sources.',
  ldapSyncCannotBeCancelled:
    'This LDAP sync has already started or finished; only a sync that has not started yet can be cancelled. Let it run to the end.',
  ldapSyncDoesNotExist:
    'This LDAP sync is not (or no longer) tracked; a finished sync is removed unless it was created with removeWhenFinished=false. Reload the list of LDAP syncs.',
  ldapUserCoSpaceTemplateSourceDoesNotExist:
    'The LDAP user space template source does not exist. Reload the list of LDAP user space template sources.',
  loadBalancingDisabled:
    'The participant cannot be created through this Call Bridge group because load balancing of outgoing calls is disabled for it. Enable loadBalanceOutgoingCalls on the group, or choose a single Call Bridge.',
  messageDoesNotExist:
    "The message does not exist on the space's message board. Reload the messages (message boards were removed in CMS 3.0).",
  outboundDialPlanRuleDoesNotExist:
    'The outbound dial plan rule does not exist. Reload the list of outbound rules.',
  parameterError:
    'CMS refused one or more values in the request. Correct the parameter named in the error and try again.',
  participantCannotBeDeleted:
    'This participant cannot be removed from here, for instance because another Call Bridge hosts it. Remove it on the Call Bridge that hosts it.',
  participantCannotBeModified:
    'This participant cannot be changed from here, for instance because a remote deployment hosts it. Change it on the Call Bridge that hosts it.',
  participantLimitReached:
    'The call already has the most participants it allows. Raise participantLimit in the call profile in force, or wait for someone to leave.',
  passcodeTooShort:
    'The passcode is shorter than the minimum length set by the dial-in security profile in force. Use a longer passcode, or change that profile.',
  recorderDoesNotExist:
    'The recorder does not exist (recorders were removed in CMS 3.0). Reload the list of recorders.',
  recordingNotAllowedByLicensing:
    'Recording cannot start because CMS does not have the license for it (CMS 3.0 and later; before, this was reported as recordingLimitReached). Add a recording license.',
  recordingLimitReached:
    'Recording cannot start because the most recordings allowed are already running. Stop another recording or try again later.',
  sipEndpointDoesNotExist:
    'The registered SIP endpoint does not exist. Reload the list of registered endpoints.',
  streamerDoesNotExist:
    'The streamer does not exist (streamers were removed in CMS 3.0). Reload the list of streamers.',
  streamingNotAllowedByLicensing:
    'Streaming cannot start because CMS does not have the license for it (CMS 3.0 and later; before, this was reported as streamingLimitReached). Add a streaming license.',
  streamingLimitReached:
    'Streaming cannot start because the most streams allowed are already running. Stop another stream or try again later.',
  tenantDoesNotExist:
    'The tenant does not exist. Choose an existing tenant, or leave the tenant empty.',
  tenantGroupCoSpaceIdConflict:
    'Removing or using this tenant group would give two spaces the same call ID within one tenant group. Change the clashing call IDs first.',
  tenantGroupDoesNotExist:
    'The tenant group does not exist. Choose an existing tenant group, or create it first.',
  tenantParticipantLimitReached:
    "The tenant already has the most active participants its participantLimit allows. Raise the tenant's limit, or wait for someone to leave.",
  tooManyCdrReceivers:
    'The most CDR receivers CMS allows are already configured. Remove one before adding another.',
  tooManyLdapSyncs:
    'CMS could not create another LDAP sync right now. Try again later.',
  unrecognizedObject:
    'CMS does not recognise part of the request path, for example /system/profile instead of /system/profiles. Check the URL.',
  userCoSpaceTemplateDeletionProhibited:
    'This space template was given to the user automatically (by LDAP), so it cannot be withdrawn through the API. Change the LDAP user space template source instead.',
  userCoSpaceTemplateDoesNotExist:
    "This space template is not assigned to the user. Reload the user's space templates.",
  userDoesNotExist:
    'The user does not exist. Users come from LDAP syncs: reload the user list, or run a sync.',
  userProfileDoesNotExist:
    'The user profile does not exist. Choose an existing user profile, or create it first.',
});

const byLowerCase = new Map(Object.entries(failureReasons).map(([code, text]) => [code.toLowerCase(), text]));

/** The sentence for a `<failureDetails>` code, or a generic sentence naming an unknown code. */
export function describeFailure(code: string): string {
  if (Object.hasOwn(failureReasons, code)) return failureReasons[code] as string;
  const caseless = byLowerCase.get(code.toLowerCase());
  if (caseless !== undefined) return caseless;
  return `CMS refused the request with the error code “${code}”, which this app does not know. Look the code up in the CMS API reference or the CMS logs.`;
}
