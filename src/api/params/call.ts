import { defineParams } from './param-def';

/**
 * `/calls[/<id>]`: active calls (blueprint "Call Methods" and the `call` data structure).
 * POST `/calls` instantiates a call (from a space, or an ad hoc one by name); PUT `/calls/<id>`
 * modifies an active call.
 */
export const callParams = defineParams({
  coSpace: {
    type: 'id',
    ref: 'coSpace',
    // blueprint: marked "coSpace *" (mandatory), but the same row says "If not set then name must be
    // set", and name's row says the reverse: one of coSpace/name is required, so not required here.
    // POST only (there is no postOnly flag in ParamDef); also returned by GET.
    description:
      'POST only: the space the call is instantiated for (if not set, name must be set); GET shows it when the call is a space instantiation.',
  },
  name: {
    type: 'string',
    // blueprint: only the individual-call GET table says "(From version 2.3)"; the list GET and
    // POST tables give no version. POST only.
    since: '2.3',
    description:
      'The human-readable name of the call; on POST, the name of a new call (if not set, coSpace must be set).',
  },
  locked: {
    type: 'boolean',
    since: '1.8',
    description:
      'Locks or unlocks the meeting lobby: while locked, new participants that need activation stay in the lobby even with activators present (members and already activated participants are not affected).',
  },
  recording: {
    type: 'boolean',
    since: '1.9',
    description: 'If true, the call is being (configured to be) recorded.',
  },
  streaming: {
    type: 'boolean',
    since: '2.1',
    description: 'If true, the call is being (configured to be) streamed.',
  },
  allowAllMuteSelf: {
    type: 'boolean',
    since: '1.9',
    description:
      "If true, all participants may mute and unmute themselves; if false, it depends on muteSelfAllowed in each leg's call leg profile.",
  },
  allowAllPresentationContribution: {
    type: 'boolean',
    default: false,
    since: '1.9',
    description:
      "If true, all participants may present; if false, it depends on presentationContributionAllowed in each leg's call leg profile.",
  },
  joinAudioMuteOverride: {
    type: 'boolean',
    since: '1.9',
    description:
      "If true, new participants join muted; if false, unmuted; if unset, the call leg profile's audio mute value applies.",
  },
  messageText: {
    type: 'string',
    since: '2.1',
    description:
      'Text displayed to every participant in the call (only while messageDuration is non-zero).',
  },
  messagePosition: {
    type: 'enum',
    values: ['top', 'middle', 'bottom'],
    since: '2.1',
    description: 'Where messageText is displayed on screen (for SIP endpoints).',
  },
  messageDuration: {
    // blueprint: "Number|permanent": a number of seconds or the word permanent.
    type: 'string',
    since: '2.1',
    description:
      'Seconds to display messageText, or "permanent" to show it until it is reconfigured.',
  },
  activeWhenEmpty: {
    type: 'boolean',
    default: true,
    since: '2.2',
    description:
      'If true, the call counts as active for load balancing even with no participants, so the first call to it is preferentially load balanced.',
  },
  panePlacementHighestImportance: {
    type: 'integer',
    since: '2.7',
    description:
      'If provided, activates pane placement for this call with importance values from this value down to 1; overrides the space setting.',
  },
  panePlacementSelfPaneMode: {
    type: 'enum',
    // blueprint: written `'unset'` (with quotes) in the value list.
    values: ['skip', 'self', 'blank', 'unset'],
    // blueprint: `skip` is bold and described as "(default)", but the notes say "By default,
    // panePlacementSelfPaneMode is set to 'unset'"; the explicit sentence wins.
    default: 'unset',
    since: '2.7',
    description:
      "With pane placement active, what an endpoint sees in its own pane: skip it, show itself, a blank pane, or 'unset' (use the space's setting, then skip); overrides the space setting.",
  },

  // --- returned by GET only ---
  callCorrelator: {
    type: 'id',
    access: 'readOnly',
    since: '1.7',
    description: 'An id that is the same across all distributed instances of this call.',
  },
  callType: {
    type: 'enum',
    values: ['coSpace', 'forwarding', 'adHoc', 'lyncConferencing'],
    access: 'readOnly',
    since: '2.3',
    description:
      'The call type: a space instantiation, a forwarded ("gateway") call, an ad hoc multiparty call, or a Lync conference.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    access: 'readOnly',
    description: 'The tenant that owns the call.',
  },
  durationSeconds: {
    type: 'integer',
    access: 'readOnly',
    description: 'Seconds since the call started.',
  },
  numCallLegs: {
    type: 'integer',
    access: 'readOnly',
    description: 'The number of call legs currently active in this call.',
  },
  maxCallLegs: {
    type: 'integer',
    access: 'readOnly',
    description: 'The highest number of call legs simultaneously present in this call.',
  },
  numParticipantsLocal: {
    type: 'integer',
    access: 'readOnly',
    description: 'The number of participants hosted by the Call Bridge that answers the request.',
  },
  numParticipantsRemote: {
    type: 'integer',
    access: 'readOnly',
    description: 'The number of participants in this call hosted by other Call Bridges.',
  },
  numDistributedInstances: {
    type: 'integer',
    access: 'readOnly',
    description: 'The number of other Call Bridges hosting participants in this call.',
  },
  presenterCallLeg: {
    type: 'id',
    ref: 'callLeg',
    access: 'readOnly',
    description: 'The call leg presenting in this call, present only while one is.',
  },
  messageTimeRemaining: {
    type: 'integer',
    access: 'readOnly',
    since: '2.1',
    description: 'Seconds left for messageText to be displayed.',
  },
  ownerName: {
    type: 'string',
    access: 'readOnly',
    since: '2.2',
    description:
      "The owner of the call: the space's meetingScheduler, or the owner's name or JID.",
  },
  endpointRecording: {
    type: 'boolean',
    access: 'readOnly',
    since: '2.4',
    description:
      'If set, a participant (currently only a Skype or Lync client) is recording the conference externally.',
  },
  lyncAudienceMute: {
    type: 'boolean',
    access: 'readOnly',
    since: '2.4',
    description: 'Whether a Skype or Lync client muted the audience (Skype/Lync conferences only).',
  },
  recordingStatus: {
    type: 'boolean',
    access: 'readOnly',
    // blueprint: not in any table; appears only in the individual-call GET example.
    description: 'Appears only in the blueprint example response, without a description.',
  },
  streamingStatus: {
    type: 'boolean',
    access: 'readOnly',
    // blueprint: not in any table; appears only in the individual-call GET example.
    description: 'Appears only in the blueprint example response, without a description.',
  },
});
