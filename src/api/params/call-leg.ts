import { LAYOUTS } from './layouts';
import { defineParams } from './param-def';

/**
 * `/callLegs[/<id>]` and POST `/calls/<call id>/callLegs` (blueprint "Call Leg Methods" and the
 * `callLeg` data structure).
 *
 * The table holds the flat top-level elements of `<callLeg>` plus the POST/PUT parameters. GET also
 * returns nested containers that are not parameters and are not listed here:
 * - `alarms`: packetLoss, excessiveJitter, highRoundTripTime (present while the alarm is active)
 * - `configuration`: ownerId, chosenLayout and the call leg profile parameters overridden for this
 *   leg only (not those inherited from a higher level); the readWrite overrides below are read
 *   back from here, not from the top level
 * - `status`: state (initial|ringing|connected|onHold), durationSeconds, sipCallID, groupId,
 *   recording, streaming, deactivated, encryptedMedia, unencryptedMedia, cipherSuite, layout,
 *   activeLayout, availableVideoStreams, layoutTemplate, cameraControlAvailable, and the nested
 *   rxAudio, txAudio, rxVideo (role=main|presentation), txVideo, activeControl (with
 *   localSubscriptions/remoteSubscriptions), multiStreamVideo, lyncRole
 *
 * A PUT cannot modify remoteParty, bandwidth or confirmation (POST only; ParamDef has no postOnly
 * flag). The blueprint says a leg accepts "individual values for all parameters that can be part of
 * a call leg profile"; the overrides listed are those of the `callLeg` attributes plus the
 * profile parameters shown in the GET example's `<configuration>`.
 */
export const callLegParams = defineParams({
  // --- top-level elements returned by GET ---
  name: {
    type: 'string',
    access: 'readOnly',
    description: 'The name of the call leg.',
  },
  remoteParty: {
    type: 'string',
    required: true,
    description:
      "POST only: the leg's address, a SIP URI, a phone number, or a user JID to invite that user to the call.",
  },
  originalRemoteParty: {
    type: 'string',
    access: 'readOnly',
    since: '2.3',
    description:
      'Outbound: the original destination address; inbound: the remote address first signalled to the Call Bridge.',
  },
  localAddress: {
    type: 'string',
    access: 'readOnly',
    description: 'The local address of the call leg.',
  },
  call: {
    type: 'id',
    ref: 'call',
    access: 'readOnly',
    description: 'The call this leg belongs to.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    access: 'readOnly',
    description: 'The tenant of this call leg.',
  },
  type: {
    type: 'enum',
    values: ['sip', 'acano'],
    access: 'readOnly',
    description: 'The call leg type.',
  },
  subtype: {
    type: 'enum',
    values: ['lync', 'avaya', 'distributionLink', 'lyncDistribution'],
    access: 'readOnly',
    description: 'The call leg subtype.',
  },
  lyncSubType: {
    type: 'enum',
    values: ['audioVideo', 'applicationSharing', 'instantMessaging'],
    access: 'readOnly',
    description:
      'For lync legs: audio and video, application/desktop sharing, or instant messaging.',
  },
  direction: {
    type: 'enum',
    values: ['incoming', 'outgoing'],
    access: 'readOnly',
    description: 'Whether the call leg is incoming or outgoing.',
  },
  canMove: {
    type: 'boolean',
    access: 'readOnly',
    since: '2.6',
    description: 'Whether the participant owning this call leg can be moved.',
  },
  movedCallLeg: {
    type: 'id',
    ref: 'callLeg',
    access: 'readOnly',
    since: '2.6',
    description:
      'If this leg was created by moving a participant, the original call leg it was moved from.',
  },
  movedCallLegCallBridge: {
    type: 'id',
    ref: 'callBridge',
    access: 'readOnly',
    since: '2.6',
    description:
      'If this leg was created by moving a participant, the Call Bridge that homed the original call leg.',
  },

  // --- POST/PUT parameters (read back inside <configuration> unless writeOnly) ---
  bandwidth: {
    type: 'integer',
    access: 'writeOnly',
    description:
      'POST only: bandwidth for the leg in bits per second (e.g. 2000000); the Call Bridge setting applies if absent.',
  },
  confirmation: {
    type: 'boolean',
    access: 'writeOnly',
    description:
      'POST only: true always asks the remote party to confirm (e.g. press a key) before joining, false never does; overrides the automatic choice.',
  },
  ownerId: {
    // An id chosen by the API client, not a CMS object.
    type: 'id',
    description:
      'An id the API client associates with this call leg; CMS returns it when the leg is queried.',
  },
  chosenLayout: {
    type: 'enum',
    values: LAYOUTS,
    since: '1.8',
    description: 'Overrides the prevailing default layout for this call leg.',
  },
  dtmfSequence: {
    type: 'string',
    access: 'writeOnly',
    since: '1.9',
    description:
      'DTMF keys (0-9, *, #, and "," for a pause) to send to the far end when the leg connects or during the call.',
  },
  callLegProfile: {
    type: 'id',
    ref: 'callLegProfile',
    // blueprint: not listed among the GET elements.
    access: 'writeOnly',
    description:
      'If provided, associates the call leg profile with this leg; individual profile parameters supplied alongside override it.',
  },
  needsActivation: {
    type: 'boolean',
    description:
      'Override: if true, the leg can neither receive nor contribute audio and video until an activator joins.',
  },
  defaultLayout: {
    type: 'enum',
    values: LAYOUTS,
    description:
      'Changes the layout of legs whose user has no layout control (SIP, including Lync); takes precedence over layout.',
  },
  participantLabels: {
    type: 'boolean',
    description: 'Override: if true, the leg sees participant name labels on its video panes.',
  },
  presentationDisplayMode: {
    type: 'enum',
    values: ['dualStream', 'singleStream'],
    description:
      'Override: singleStream sends one composited content+video BFCP stream instead of a separate content stream.',
  },
  presentationContributionAllowed: {
    type: 'boolean',
    description: 'Override: if true, the leg can contribute content (present).',
  },
  presentationViewingAllowed: {
    type: 'boolean',
    description: 'Override: if true, the leg can view content contributed by others.',
  },
  endCallAllowed: {
    type: 'boolean',
    description: 'Override: if true, the leg can end the meeting for everyone.',
  },
  muteOthersAllowed: {
    type: 'boolean',
    default: false,
    description: 'Override: if true, the leg can mute other participants.',
  },
  videoMuteOthersAllowed: {
    type: 'boolean',
    default: false,
    description: "Override: whether the leg may mute or unmute other participants' video.",
  },
  muteSelfAllowed: {
    type: 'boolean',
    default: true,
    description: 'Override: whether the leg may mute or unmute its own audio.',
  },
  videoMuteSelfAllowed: {
    type: 'boolean',
    default: true,
    description: 'Override: whether the leg may mute or unmute its own video.',
  },
  changeLayoutAllowed: {
    type: 'boolean',
    default: true,
    description: 'Override: if true, the leg may change its screen layout on a SIP endpoint.',
  },
  joinToneParticipantThreshold: {
    type: 'integer',
    min: 0,
    max: 100,
    description:
      'Override: number of participants up to which a join tone is played (maximum 100, 0 disables it).',
  },
  leaveToneParticipantThreshold: {
    type: 'integer',
    min: 0,
    description: 'Override: number of participants up to which a leave tone is played (0 disables it).',
  },
  videoMode: {
    type: 'enum',
    values: ['auto', 'disabled'],
    description: 'Override: disabled makes the leg audio-only (or audio and content).',
  },
  rxAudioMute: {
    type: 'boolean',
    description: 'Override: if true, other participants do not hear audio from this leg.',
  },
  txAudioMute: {
    type: 'boolean',
    description: 'Override: if true, audio sent to this leg is muted.',
  },
  rxVideoMute: {
    type: 'boolean',
    description: 'Override: if true, camera video from this leg is not seen by other participants.',
  },
  txVideoMute: {
    type: 'boolean',
    description: 'Override: if true, video sent to this leg is muted.',
  },
  sipMediaEncryption: {
    type: 'enum',
    values: ['optional', 'required', 'prohibited'],
    description: 'Override: SIP media encryption, same as the Web Admin Interface setting.',
  },
  audioPacketSizeMs: {
    type: 'integer',
    description: 'Override: preferred packet size in milliseconds for outgoing audio.',
  },
  deactivationMode: {
    // blueprint: spelled "deactiviationMode" in the callLeg attributes; the GET <configuration> table
    // and the callLegProfile spell it deactivationMode.
    type: 'enum',
    values: ['deactivate', 'disconnect', 'remainActivated'],
    description:
      'Override: what happens to this needsActivation leg when the last activator leaves.',
  },
  deactivationModeTime: {
    type: 'integer',
    description:
      'Override: seconds after the last activator leaves before the deactivationMode action is taken.',
  },
  telepresenceCallsAllowed: {
    type: 'boolean',
    description: 'Override: if true, the leg may make TIP calls.',
  },
  sipPresentationChannelEnabled: {
    type: 'boolean',
    description: 'Override: if true, the leg may perform presentation video channel operations.',
  },
  bfcpMode: {
    // blueprint: "(boolean)" in the callLeg attributes; the callLegProfile gives these two values.
    type: 'enum',
    values: ['serverOnly', 'serverAndClient'],
    description: "Override: the Call Bridge's BFCP behaviour for this leg.",
  },
  layout: {
    type: 'enum',
    values: LAYOUTS,
    // The current layout is read from <status><layout>, which is a different element.
    access: 'writeOnly',
    description:
      'Backward-compatible (pre-1.2) equivalent of defaultLayout; defaultLayout wins if both are supplied.',
  },
  disconnectOthersAllowed: {
    type: 'boolean',
    description: 'Override: whether the leg may disconnect other participants.',
  },
  addParticipantAllowed: {
    type: 'boolean',
    since: '2.3',
    description: 'Override: whether the leg may add participants to the call.',
  },
  qualityMain: {
    type: 'enum',
    values: ['unrestricted', 'max1080p30', 'max720p30', 'max480p30'],
    default: 'unrestricted',
    since: '2.2',
    description: 'Override: caps the negotiated main video quality of this leg.',
  },
  qualityPresentation: {
    type: 'enum',
    values: ['unrestricted', 'max1080p30', 'max720p5'],
    default: 'unrestricted',
    since: '2.2',
    description: 'Override: caps the negotiated presentation video quality of this leg.',
  },
  participantCounter: {
    type: 'enum',
    values: ['never', 'auto', 'always'],
    since: '2.2',
    description: 'Override: when to show the on-screen participant count.',
  },
  nameLabelOverride: {
    type: 'string',
    // blueprint: "maximum of 50 bytes of UTF-8" (bytes, not characters).
    maxLength: 50,
    since: '2.4',
    description:
      'Overrides the name shown for this leg and its participant (labels, roster, CDRs…); an empty string restores the original name.',
  },
  controlRemoteCameraAllowed: {
    type: 'boolean',
    since: '2.8',
    description: "Override: whether the leg may control a remote participant's camera (FECC).",
  },
  layoutTemplate: {
    type: 'id',
    ref: 'layoutTemplate',
    since: '2.8',
    description: 'If specified, associates the layout template with this call leg.',
  },
  audioGainMode: {
    type: 'string',
    since: '2.8',
    description: 'Set to agc to apply automatic gain control to this call leg.',
  },

  // Not in the callLeg attributes; call leg profile parameters shown in the GET example's
  // <configuration> (and covered by "all parameters that can be part of a call leg profile").
  callLockAllowed: {
    type: 'boolean',
    since: '1.8',
    description: 'Override: whether the leg may lock the call.',
  },
  allowAllMuteSelfAllowed: {
    type: 'boolean',
    since: '1.9',
    description:
      'Override: whether the leg may change the permission of all legs to mute and unmute themselves.',
  },
  changeJoinAudioMuteOverrideAllowed: {
    type: 'boolean',
    since: '1.8',
    description: 'Override: whether the leg may set the initial mute state of new participants.',
  },
  recordingControlAllowed: {
    type: 'boolean',
    since: '1.9',
    description: 'Override: whether the leg may start and stop recording the call.',
  },
  streamingControlAllowed: {
    type: 'boolean',
    since: '2.1',
    description: 'Override: whether the leg may start and stop streaming the call.',
  },
});
