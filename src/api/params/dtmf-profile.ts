import { defineParams, type ParamDef } from './param-def';

const sequence = (description: string, since?: string): ParamDef => ({ type: 'string', description, ...(since ? { since } : {}) });

/** `/dtmfProfiles[/<id>]` (blueprint "DTMF Profile Methods" and the `dtmfProfile` data structure): each value is a DTMF sequence. */
export const dtmfProfileParams = defineParams({
  lockCall: sequence('Locks the call: new legs that need activation stay out.', '1.8'),
  unlockCall: sequence('Unlocks the call.', '1.8'),
  nextLayout: sequence("Moves the participant's layout to the next one.", '1.8'),
  previousLayout: sequence("Moves the participant's layout to the previous one.", '1.8'),
  muteSelfAudio: sequence('Mutes the audio the participant contributes.'),
  unmuteSelfAudio: sequence("Unmutes the participant's audio."),
  toggleMuteSelfAudio: sequence("Toggles the participant's own audio mute."),
  muteAllExceptSelfAudio: sequence('Mutes every other participant.'),
  unmuteAllExceptSelfAudio: sequence('Unmutes every other participant.'),
  startRecording: sequence('Starts recording the call.', '1.9'),
  stopRecording: sequence('Stops recording the call.', '1.9'),
  allowAllMuteSelf: sequence('Lets every participant mute and unmute themselves.', '1.9'),
  cancelAllowAllMuteSelf: sequence('Cancels allowAllMuteSelf.', '1.9'),
  allowAllPresentationContribution: sequence('Lets every participant present.', '1.9'),
  cancelAllowAllPresentationContribution: sequence('Cancels allowAllPresentationContribution.', '1.9'),
  muteAllNewAudio: sequence('Mutes every new participant.', '1.9'),
  unmuteAllNewAudio: sequence('Unmutes every new participant.', '1.9'),
  defaultMuteAllNewAudio: sequence("New participants take the call leg profile's audio mute again.", '1.9'),
  muteAllNewAndAllExceptSelfAudio: sequence('Mutes every new and every other participant.', '1.9'),
  unmuteAllNewAndAllExceptSelfAudio: sequence('Unmutes every new and every other participant.', '1.9'),
  endCall: sequence('Ends the call for everyone.'),
  getTotalParticipantCount: sequence('Announces how many participants are in the call.', '2.8'),
});
