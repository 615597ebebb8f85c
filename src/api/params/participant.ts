import { LAYOUTS } from './layouts';
import { defineParams } from './param-def';


/**
 * `/participants[/<id>]`, POST `/calls/<call id>/participants` (the
 * `CreateParticipantforspecifiedcall` attributes) and PUT `/participants/<id>` (the `important`
 * attributes: importance, dtmfSequence, nameLabelOverride, deactivated).
 *
 * GET also returns two nested containers (from 2.2) that are not parameters:
 * - `status`: state (initial|ringing|connected|onHold), cameraControlAvailable (2.8)
 * - `configuration`: importance, nameLabelOverride (2.4), defaultLayout and layoutTemplate (2.8)
 *   as obtained from the resultant call leg profile; those four are read back from there.
 * The call leg profile overrides accepted on POST are not returned by a participant GET (they show
 * in its call legs' `<configuration>`), so they are writeOnly here.
 * PUT `/calls/<call id>/participants/*` (ParticipantProperties, a bulk operation on all participants
 * of a call) is not part of this object.
 */
export const participantParams = defineParams({
  // --- top-level elements returned by GET ---
  name: {
    type: 'string',
    access: 'readOnly',
    description: 'The display name of this participant.',
  },
  call: {
    type: 'id',
    ref: 'call',
    access: 'readOnly',
    description: 'The call this participant is part of.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    access: 'readOnly',
    description: 'If present, the tenant this participant is associated with.',
  },
  callBridge: {
    type: 'id',
    ref: 'callBridge',
    // blueprint: "(from version 2.2)" is said of the POST parameter; the GET element has no version.
    since: '2.2',
    description:
      'GET: the remote clustered Call Bridge the participant is connected to, if any; POST: try to add the participant from this Call Bridge.',
  },
  uri: {
    type: 'string',
    access: 'readOnly',
    description: 'The URI associated with this participant.',
  },
  originalUri: {
    type: 'string',
    access: 'readOnly',
    since: '2.3',
    description: 'The remote address first used by or signalled to the Call Bridge.',
  },
  numCallLegs: {
    type: 'integer',
    access: 'readOnly',
    description:
      'The number of active call legs of this participant (only for participants local to the queried Call Bridge).',
  },
  userJid: {
    type: 'string',
    access: 'readOnly',
    description: 'The user JID associated with this participant.',
  },
  isActivator: {
    type: 'boolean',
    access: 'readOnly',
    description:
      'True if the participant is an activator (it activates waiting participants); false if it waits for an activator.',
  },
  canMove: {
    type: 'boolean',
    access: 'readOnly',
    since: '2.6',
    description:
      'Whether this participant can be moved to another conference with movedParticipant.',
  },
  movedParticipant: {
    type: 'id',
    ref: 'participant',
    since: '2.6',
    description:
      'POST to /calls/<id>/participants: the participant to move into this call; GET: the original participant this one was moved from.',
  },
  movedParticipantCallBridge: {
    type: 'id',
    ref: 'callBridge',
    access: 'readOnly',
    since: '2.6',
    description:
      'If this participant was created by a move, the Call Bridge that homed the original participant.',
  },

  // --- POST /calls/<id>/participants and PUT /participants/<id> ---
  remoteParty: {
    type: 'string',
    access: 'writeOnly',
    // blueprint: no asterisk in CreateParticipantforspecifiedcall (the callLeg attributes mark it *).
    description:
      "POST only: the participant's address, a SIP URI, a phone number, or a user JID to invite that user.",
  },
  bandwidth: {
    type: 'integer',
    access: 'writeOnly',
    description:
      'POST only: bandwidth for the call leg in bits per second (e.g. 2000000); the Call Bridge setting applies if absent.',
  },
  confirmation: {
    type: 'boolean',
    access: 'writeOnly',
    description:
      'POST only: true always asks the remote party to confirm before joining, false never does; overrides the automatic choice.',
  },
  ownerId: {
    type: 'id',
    access: 'writeOnly',
    description:
      'An id the API client associates with the call leg; CMS returns it when the leg is queried.',
  },
  chosenLayout: {
    type: 'enum',
    values: LAYOUTS,
    access: 'writeOnly',
    since: '1.8',
    description: 'Overrides the prevailing default layout for this call leg.',
  },
  callLegProfile: {
    type: 'id',
    ref: 'callLegProfile',
    access: 'writeOnly',
    description:
      'If provided, associates the call leg profile with the call leg; individual profile parameters supplied alongside override it.',
  },
  needsActivation: {
    type: 'boolean',
    access: 'writeOnly',
    description:
      'Override: if true, the participant can neither receive nor contribute audio and video until an activator joins.',
  },
  defaultLayout: {
    type: 'enum',
    values: LAYOUTS,
    description:
      'Changes the layout for participants without layout control (SIP, including Lync); GET shows the one from the resultant call leg profile.',
  },
  participantLabels: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, participant name labels are shown on video panes.',
  },
  presentationDisplayMode: {
    type: 'enum',
    values: ['dualStream', 'singleStream'],
    access: 'writeOnly',
    description:
      'Override: singleStream sends one composited content+video BFCP stream instead of a separate content stream.',
  },
  presentationContributionAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, the participant can contribute content (present).',
  },
  presentationViewingAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, the participant can view content contributed by others.',
  },
  endCallAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, the participant can end the meeting for everyone.',
  },
  muteOthersAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    default: false,
    description: 'Override: if true, the participant can mute other participants.',
  },
  videoMuteOthersAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    default: false,
    description: "Override: whether the participant may mute or unmute other participants' video.",
  },
  muteSelfAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    default: true,
    description: 'Override: whether the participant may mute or unmute their own audio.',
  },
  videoMuteSelfAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    default: true,
    description: 'Override: whether the participant may mute or unmute their own video.',
  },
  changeLayoutAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    default: true,
    description: 'Override: if true, the participant may change the screen layout on a SIP endpoint.',
  },
  joinToneParticipantThreshold: {
    type: 'integer',
    access: 'writeOnly',
    min: 0,
    max: 100,
    description:
      'Override: number of participants up to which a join tone is played (maximum 100, 0 disables it).',
  },
  leaveToneParticipantThreshold: {
    type: 'integer',
    access: 'writeOnly',
    min: 0,
    description: 'Override: number of participants up to which a leave tone is played (0 disables it).',
  },
  videoMode: {
    type: 'enum',
    values: ['auto', 'disabled'],
    access: 'writeOnly',
    description: 'Override: disabled makes the call leg audio-only (or audio and content).',
  },
  rxAudioMute: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, other participants do not hear audio from this participant.',
  },
  txAudioMute: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, audio sent to this participant is muted.',
  },
  rxVideoMute: {
    type: 'boolean',
    access: 'writeOnly',
    description: "Override: if true, this participant's camera video is not seen by others.",
  },
  txVideoMute: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, video sent to this participant is muted.',
  },
  sipMediaEncryption: {
    type: 'enum',
    values: ['optional', 'required', 'prohibited'],
    access: 'writeOnly',
    description: 'Override: SIP media encryption, same as the Web Admin Interface setting.',
  },
  audioPacketSizeMs: {
    type: 'integer',
    access: 'writeOnly',
    description: 'Override: preferred packet size in milliseconds for outgoing audio.',
  },
  deactivationMode: {
    // blueprint: spelled "deactiviationMode" in CreateParticipantforspecifiedcall; the call leg
    // profile spells it deactivationMode.
    type: 'enum',
    values: ['deactivate', 'disconnect', 'remainActivated'],
    access: 'writeOnly',
    description:
      'Override: what happens to this needsActivation participant when the last activator leaves.',
  },
  deactivationModeTime: {
    type: 'integer',
    access: 'writeOnly',
    description:
      'Override: seconds after the last activator leaves before the deactivationMode action is taken.',
  },
  telepresenceCallsAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, the call leg may make TIP calls.',
  },
  sipPresentationChannelEnabled: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: if true, the call leg may perform presentation video channel operations.',
  },
  bfcpMode: {
    // blueprint: "(boolean)" in CreateParticipantforspecifiedcall; the call leg profile gives these values.
    type: 'enum',
    values: ['serverOnly', 'serverAndClient'],
    access: 'writeOnly',
    description: "Override: the Call Bridge's BFCP behaviour for this call leg.",
  },
  layout: {
    type: 'enum',
    values: LAYOUTS,
    access: 'writeOnly',
    description:
      'Backward-compatible equivalent of defaultLayout; defaultLayout wins if both are supplied.',
  },
  disconnectOthersAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    description: 'Override: whether the participant may disconnect other participants.',
  },
  addParticipantAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    since: '2.3',
    description: 'Override: whether the participant may add participants to the call.',
  },
  qualityMain: {
    type: 'enum',
    // blueprint: the max720p30 line is garbled by a pasted dtmfSequence description.
    values: ['unrestricted', 'max1080p30', 'max720p30', 'max480p30'],
    access: 'writeOnly',
    default: 'unrestricted',
    since: '2.2',
    description: 'Override: caps the negotiated main video quality of the call leg.',
  },
  qualityPresentation: {
    type: 'enum',
    values: ['unrestricted', 'max1080p30', 'max720p5'],
    access: 'writeOnly',
    default: 'unrestricted',
    since: '2.2',
    description: 'Override: caps the negotiated presentation video quality of the call leg.',
  },
  participantCounter: {
    type: 'enum',
    values: ['never', 'auto', 'always'],
    access: 'writeOnly',
    since: '2.2',
    description: 'Override: when to show the on-screen participant count.',
  },
  callBridgeGroup: {
    type: 'id',
    ref: 'callBridgeGroup',
    access: 'writeOnly',
    since: '2.2',
    description: 'If supplied, try to add the participant from this Call Bridge group.',
  },
  importance: {
    type: 'integer',
    since: '2.2',
    description: 'The importance of this participant (POST or PUT; read back in <configuration>).',
  },
  nameLabelOverride: {
    type: 'string',
    // blueprint: "maximum of 50 bytes of UTF-8" (bytes, not characters).
    maxLength: 50,
    since: '2.4',
    description:
      'Overrides the name shown for this participant and its call legs (labels, roster, CDRs…); an empty string restores the original name.',
  },
  dtmfSequence: {
    type: 'string',
    access: 'writeOnly',
    since: '2.4',
    description:
      'DTMF keys (0-9, *, #, and "," for a pause) played to the far end when the participant is created or during the call.',
  },
  controlRemoteCameraAllowed: {
    type: 'boolean',
    access: 'writeOnly',
    since: '2.8',
    description: 'Override: allows the participant to use far end camera control (FECC).',
  },
  layoutTemplate: {
    type: 'id',
    ref: 'layoutTemplate',
    since: '2.8',
    description:
      'If specified, associates the layout template with the participant; GET shows the one from the resultant call leg profile.',
  },
  audioGainMode: {
    type: 'string',
    access: 'writeOnly',
    since: '2.8',
    description: 'Set to agc to enable automatic gain control for the participant.',
  },
  deactivated: {
    type: 'boolean',
    access: 'writeOnly',
    since: '2.9',
    // blueprint: the note for this parameter named "deactivated" reads "Activates participant
    // (put them straight into the call, bypassing the lobby)" / "(allow them into the call from the lobby)".
    description:
      "The participant's deactivated state; the blueprint's note: activates the participant, letting them into the call from the lobby.",
  },
});
