import { LAYOUTS } from './layouts';
import { defineParams } from './param-def';

/**
 * `/callLegProfiles[/<id>]`: in-call behaviour inherited by call legs from the global profile
 * (`/system/profiles`), tenant, coSpace, accessMethod and coSpaceUser, the most specific level that
 * sets a parameter winning. An empty value in POST/PUT unsets the parameter for that profile.
 *
 * Every parameter the blueprint documents for call leg profiles, in the order of the
 * `callLegProfile` data structure (the POST/PUT attributes), needsActivation first. The GET table
 * only lists the first 31 of them; disconnectOthersAllowed and addParticipantAllowed are only in the
 * callLegProfileTrace table (and the example responses), and are placed where that table puts them,
 * after bfcpMode.
 *
 * Groups: activation, layout, presentation, permissions, media, signalling, tones, other.
 */
export const callLegProfileParams = defineParams({
  needsActivation: {
    type: 'boolean',
    default: false,
    group: 'activation',
    description:
      'If true, the participant can neither receive nor contribute audio and video until one or more activator (host) participants join.',
  },
  defaultLayout: {
    type: 'enum',
    // blueprint: the GET table stops at automatic; the POST attributes use the Layouts enum, which adds onePlusN.
    values: LAYOUTS,
    group: 'layout',
    description:
      'The default layout for call legs using this profile (from 1.9, "allEqual" is the 4-to-25 equal-size layout and the 1.7 "allEqual" is named "automatic").',
  },
  changeLayoutAllowed: {
    type: 'boolean',
    // blueprint: the callLeg and participant attributes show `changeLayoutAllowed: true`;
    // the callLegProfile attributes and tables give no default, so none is recorded here.
    since: '1.8',
    group: 'permissions',
    description: 'If true, legs using this profile may change their screen layout on a SIP endpoint.',
  },
  participantLabels: {
    type: 'boolean',
    group: 'layout',
    description: 'If true, legs using this profile see participant name labels on their video panes.',
  },
  presentationDisplayMode: {
    type: 'enum',
    values: ['dualStream', 'singleStream'],
    group: 'presentation',
    description:
      'singleStream sends one composited content+video BFCP stream instead of content in a separate stream (dualStream).',
  },
  presentationContributionAllowed: {
    type: 'boolean',
    group: 'presentation',
    description: 'If true, the participant using the leg can contribute content (present).',
  },
  allowAllPresentationContributionAllowed: {
    type: 'boolean',
    since: '1.8',
    group: 'permissions',
    description:
      'Whether legs using this profile may change the permission to present of all call legs.',
  },
  presentationViewingAllowed: {
    type: 'boolean',
    group: 'presentation',
    description: 'If true, the participant using the leg can view content contributed by others.',
  },
  endCallAllowed: {
    type: 'boolean',
    group: 'permissions',
    description: 'If true, the participant using the profile can end the meeting for everyone.',
  },
  muteOthersAllowed: {
    type: 'boolean',
    default: false,
    group: 'permissions',
    description: 'If true, the participant using the profile can mute other participants.',
  },
  changeJoinAudioMuteOverrideAllowed: {
    type: 'boolean',
    since: '1.8',
    group: 'permissions',
    description: 'Whether legs using this profile may set the initial mute state of new participants.',
  },
  videoMuteOthersAllowed: {
    type: 'boolean',
    default: false,
    group: 'permissions',
    // blueprint: the GET table and the data structure swap the descriptions of
    // videoMuteOthersAllowed ("mute or unmute their own audio") and muteSelfAllowed
    // ("mute or unmute (block/unblock) the video of other participants"); described here by name.
    description:
      "Whether legs using this profile may mute or unmute (block/unblock) other participants' video.",
  },
  muteSelfAllowed: {
    type: 'boolean',
    default: true,
    group: 'permissions',
    // blueprint: description swapped with videoMuteOthersAllowed, see above.
    description: 'Whether legs using this profile may mute or unmute their own audio.',
  },
  allowAllMuteSelfAllowed: {
    type: 'boolean',
    since: '1.9',
    group: 'permissions',
    description:
      'Whether legs using this profile may change the permission of all call legs to mute and unmute themselves.',
  },
  videoMuteSelfAllowed: {
    type: 'boolean',
    default: true,
    group: 'permissions',
    description: 'Whether legs using this profile may mute or unmute (block/unblock) their own video.',
  },
  joinToneParticipantThreshold: {
    type: 'integer',
    min: 0,
    max: 100,
    group: 'tones',
    description:
      'Number of participants up to which a join tone is played to SIP endpoints (maximum 100, 0 disables it).',
  },
  leaveToneParticipantThreshold: {
    type: 'integer',
    min: 0,
    group: 'tones',
    description: 'Number of participants up to which a leave tone is played (0 disables it).',
  },
  videoMode: {
    type: 'enum',
    values: ['auto', 'disabled'],
    group: 'media',
    description:
      'disabled makes legs using this profile audio-only (or audio and content): no main-stream participant video.',
  },
  rxAudioMute: {
    type: 'boolean',
    group: 'media',
    description: 'If true, other participants do not hear audio from legs using this profile.',
  },
  txAudioMute: {
    type: 'boolean',
    group: 'media',
    description: 'If true, audio sent to legs using this profile is muted.',
  },
  rxVideoMute: {
    type: 'boolean',
    group: 'media',
    description:
      'If true, camera video from legs using this profile is not seen by other participants.',
  },
  txVideoMute: {
    type: 'boolean',
    group: 'media',
    description:
      'If true, video sent to legs using this profile is muted (a SIP endpoint shows only the logo; Cisco Meeting App gets no video).',
  },
  sipMediaEncryption: {
    type: 'enum',
    values: ['optional', 'required', 'prohibited'],
    group: 'signalling',
    description: 'SIP media encryption, same as the Web Admin Interface setting.',
  },
  audioPacketSizeMs: {
    type: 'integer',
    default: 20,
    group: 'media',
    description: 'Preferred packet size in milliseconds for outgoing audio streams (default 20 ms).',
  },
  deactivationMode: {
    type: 'enum',
    values: ['deactivate', 'disconnect', 'remainActivated'],
    group: 'activation',
    description:
      'What happens to needsActivation (guest) legs when the last activator leaves: back to the lobby, disconnected, or left in the call.',
  },
  deactivationModeTime: {
    type: 'integer',
    group: 'activation',
    description:
      'Seconds after the last activator leaves before the deactivationMode action is taken.',
  },
  telepresenceCallsAllowed: {
    type: 'boolean',
    group: 'signalling',
    description:
      'If true, a leg using this profile may make TIP (Telepresence Interoperability Protocol) calls.',
  },
  sipPresentationChannelEnabled: {
    type: 'boolean',
    group: 'signalling',
    description:
      'If true, a leg using this profile may perform presentation video channel operations.',
  },
  bfcpMode: {
    type: 'enum',
    // blueprint: the callLeg and participant attributes call bfcpMode "(boolean)"; the
    // callLegProfile table and attributes list these two values.
    values: ['serverOnly', 'serverAndClient'],
    group: 'signalling',
    description:
      "The Call Bridge's BFCP behaviour for SIP presentation: serverOnly (normal, for BFCP client devices) or serverAndClient (e.g. towards a third-party MCU).",
  },
  disconnectOthersAllowed: {
    type: 'boolean',
    group: 'permissions',
    // blueprint: not in the callLegProfile GET table or attributes; listed in the
    // callLegProfileTrace table and returned in the callLegProfile example response.
    description: 'Whether legs using this profile may disconnect other participants.',
  },
  addParticipantAllowed: {
    type: 'boolean',
    since: '2.3',
    group: 'permissions',
    // blueprint: only in the callLegProfileTrace table (and the callLeg/participant attributes).
    description: 'Whether legs using this profile may add participants to the call.',
  },
  callLockAllowed: {
    type: 'boolean',
    since: '1.8',
    group: 'permissions',
    description: 'Whether legs using this profile may lock the call.',
  },
  setImportanceAllowed: {
    type: 'boolean',
    since: '2.3',
    group: 'permissions',
    description:
      'Whether legs using this profile may change the importance of participants in the call.',
  },
  recordingControlAllowed: {
    type: 'boolean',
    since: '1.9',
    group: 'permissions',
    description: 'Whether legs using this profile may start and stop recording the call.',
  },
  streamingControlAllowed: {
    type: 'boolean',
    since: '2.1',
    group: 'permissions',
    description: 'If true, legs using this profile may start and stop streaming the call.',
  },
  name: {
    type: 'string',
    since: '2.0',
    group: 'other',
    description: 'Name of the profile.',
  },
  maxCallDurationTime: {
    type: 'integer',
    since: '2.0',
    group: 'other',
    description: 'The maximum time in seconds that a call leg using this profile may exist.',
  },
  qualityMain: {
    type: 'enum',
    values: ['unrestricted', 'max1080p30', 'max720p30', 'max480p30'],
    default: 'unrestricted',
    since: '2.2',
    group: 'media',
    description:
      'Caps the negotiated main video quality (resolution and frame rate) to limit transcoding resources.',
  },
  qualityPresentation: {
    type: 'enum',
    values: ['unrestricted', 'max1080p30', 'max720p5'],
    default: 'unrestricted',
    since: '2.2',
    group: 'media',
    description:
      'Caps the negotiated presentation video quality for legs that use a separate presentation stream.',
  },
  participantCounter: {
    type: 'enum',
    values: ['never', 'auto', 'always'],
    since: '2.2',
    group: 'layout',
    description:
      'When to show the on-screen participant count: never, when there are participants you cannot see (auto), or always.',
  },
  controlRemoteCameraAllowed: {
    type: 'boolean',
    since: '2.8',
    group: 'permissions',
    description:
      "Whether legs using this profile may control a remote participant's camera (FECC).",
  },
  layoutTemplate: {
    type: 'id',
    ref: 'layoutTemplate',
    since: '2.8',
    group: 'layout',
    description: 'If specified, associates the layout template with this call leg profile.',
  },
  audioGainMode: {
    // blueprint: "(string)"; the only value it names is agc.
    type: 'string',
    since: '2.8',
    group: 'media',
    description:
      'Set to agc to apply automatic gain control to legs connected directly to this Meeting Server (not TIP, AVMCU or distribution links).',
  },
});
