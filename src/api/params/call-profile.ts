import { defineParams } from './param-def';

/**
 * `/callProfiles[/<id>]` (blueprint "Call Profile Methods" and the `callProfile` data structure):
 * participant limit and in-call experience for SIP (including Lync) calls, attached at the
 * system (`/system/profiles`), tenant or coSpace level, the most specific taking effect.
 * The blueprint has no GET table; GET returns the same elements as POST/PUT take.
 */
export const callProfileParams = defineParams({
  participantLimit: {
    type: 'integer',
    description:
      'Maximum number of simultaneously active participants in calls (space instantiations or ad hoc calls) using this profile.',
  },
  messageBoardEnabled: {
    type: 'boolean',
    description: 'Whether a message board (chat) is allowed for the space or ad hoc call (removed in 3.0).',
  },
  locked: {
    type: 'boolean',
    description:
      'Listed in the callProfile attributes with no description (on a call, locked holds guests needing activation in the lobby).',
  },
  recordingMode: {
    type: 'enum',
    values: ['disabled', 'manual', 'automatic'],
    default: 'manual',
    since: '1.9',
    description:
      'How the call can be recorded: not at all, started/stopped by users, or automatically (users cannot stop it).',
  },
  lockMode: {
    type: 'enum',
    values: ['all', 'needsActivation'],
    since: '2.9',
    description:
      'When the call is locked, hold every new participant in the lobby (all), or only those who need activation (needsActivation; members still get in when an activator is present).',
  },
  sipRecorderUri: {
    type: 'string',
    since: '2.9',
    description: 'The SIP recorder dial-out URI.',
  },
  sipStreamerUri: {
    type: 'string',
    since: '3.0',
    description: 'The SIP streamer dial-out URI.',
  },
  streamingMode: {
    type: 'enum',
    values: ['disabled', 'manual', 'automatic'],
    default: 'manual',
    since: '2.1',
    description:
      'How the call can be streamed: not at all, started/stopped by users, or automatically (users cannot stop it).',
  },
  passcodeMode: {
    type: 'enum',
    values: ['required', 'timeout'],
    // not in the blueprint: the guide (seeds/guest-host-access-on-cms-spaces.md) says passcodeMode
    // and passcodeTimeout were added in CMS 2.1.
    since: '2.1',
    description:
      'When blank and set passcodes share one URI/call ID: the caller must enter a passcode (# for blank) (required), or no entry within passcodeTimeout counts as blank (timeout).',
  },
  passcodeTimeout: {
    type: 'integer',
    // not in the blueprint: see passcodeMode.
    since: '2.1',
    description:
      'Seconds, from the end of the passcode prompt, before no entry is taken as a blank passcode (when passcodeMode is timeout).',
  },
  gatewayAudioCallOptimization: {
    type: 'boolean',
    since: '2.3',
    description:
      'If true, outgoing gateway call legs are audio-only when the incoming call leg was audio-only.',
  },
  lyncConferenceMode: {
    type: 'enum',
    values: ['dualHomeCluster', 'dualHomeCallBridge', 'gateway'],
    // blueprint: "(From version 2.3)" is written after the last value only.
    since: '2.3',
    description:
      'How the Call Bridge joins Lync conferences: all Call Bridges share one conference, each hosts its own, or each participant gets its own AVMCU connection (gateway).',
  },
});
