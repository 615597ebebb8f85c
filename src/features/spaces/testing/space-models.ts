import type { CallLegProfile, CallProfile } from '../../../api/params/schemas';
import type { SpaceModel } from '../../../domain/profile-resolution/model';

/** Ids of the lab seed (src/mocks/cms/seeds/lab.ts), so unit tests read like the e2e journeys. */
export const IDS = {
  globalProfile: '06b654b1-1d1f-4f7e-ac07-b7aed2fa4ed6',
  guestProfile: 'd4bfe12d-68cd-41c0-a671-48395ee170ab',
  hostProfile: '7306d2c1-bc15-4dbf-ab4a-1cbdaabd1912',
  tenantGuestProfile: '9a3e4f6b-2c1d-4e8f-a7b6-3d2c1b0a9f8e',
  passcodeCallProfile: '4b0eff60-e4aa-4303-8646-a7e800a4eac6',
  acme: 'e2f6a4c8-1b3d-4f5a-9c7e-2d4b6f8a0c1e',
  guestSpace: '7cc797c9-c0a8-47cf-b519-8dc5a01f1ade',
  hostAccessMethod: '447c61c5-44e5-465e-a8a1-5dd4e10048c0',
  acmeLobby: '3c5e7a9b-1d2f-4a6c-8e0b-5f7d9b1c3e5a',
  acmeHostAccessMethod: '8d1f3b5c-7e9a-4c2d-b6f8-0a2c4e6f8b1d',
  globalSpace: '96d28acb-86c6-478d-b81a-a37ffb0adafc',
  user1Member: '1d942281-413e-4a2a-b776-91a674c3a5a9',
} as const;

const profiles = (): Map<string, CallLegProfile> =>
  new Map<string, CallLegProfile>([
    [IDS.globalProfile, { id: IDS.globalProfile, participantLabels: true, muteOthersAllowed: true, endCallAllowed: true, joinToneParticipantThreshold: 100 }],
    [
      IDS.guestProfile,
      { id: IDS.guestProfile, needsActivation: true, defaultLayout: 'speakerOnly', presentationContributionAllowed: false, rxAudioMute: true, deactivationMode: 'deactivate' },
    ],
    [IDS.hostProfile, { id: IDS.hostProfile, needsActivation: false, defaultLayout: 'speakerOnly', presentationContributionAllowed: true, rxAudioMute: false }],
    [IDS.tenantGuestProfile, { id: IDS.tenantGuestProfile, needsActivation: true, deactivationMode: 'deactivate', defaultLayout: 'allEqual', rxVideoMute: true }],
  ]);

/** Guest.space: guest profile on the space, host.space access method with the host profile. */
export function guestSpaceModel(): SpaceModel {
  return {
    space: { id: IDS.guestSpace, name: 'Guest.space', uri: 'guest.space', callId: '628821815', callLegProfile: IDS.guestProfile, numAccessMethods: 1 },
    accessMethods: [{ id: IDS.hostAccessMethod, uri: 'host.space', callId: '888', passcode: '', callLegProfile: IDS.hostProfile }],
    members: [],
    systemProfiles: { callLegProfile: IDS.globalProfile },
    callLegProfiles: profiles(),
    callProfiles: new Map<string, CallProfile>(),
    missingProfiles: new Set(),
  };
}

/** Acme lobby: no profile on the space, the tenant's guest profile applies, host access method with a PIN. */
export function acmeLobbyModel(): SpaceModel {
  return {
    space: { id: IDS.acmeLobby, name: 'Acme lobby', uri: 'acme.lobby', callId: '5001', tenant: IDS.acme },
    accessMethods: [{ id: IDS.acmeHostAccessMethod, uri: 'acme.lobby', callId: '5002', passcode: '2468', callLegProfile: IDS.hostProfile }],
    members: [],
    tenant: { id: IDS.acme, name: 'Acme', callLegProfile: IDS.tenantGuestProfile },
    systemProfiles: { callLegProfile: IDS.globalProfile },
    callLegProfiles: profiles(),
    callProfiles: new Map<string, CallProfile>(),
    missingProfiles: new Set(),
  };
}

/** A space with many ways in: `accessMethods` host access methods and `members` members, every fifth one a host. */
export function largeSpaceModel(accessMethods: number, members: number): SpaceModel {
  const model = guestSpaceModel();
  model.space = { ...model.space, id: 'f0000000-0000-4000-8000-000000000000', name: 'Large space', uri: 'large.space', callId: '700000' };
  model.accessMethods = Array.from({ length: accessMethods }, (_, i) => ({
    id: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    uri: `large.space.${i}`,
    callId: String(710000 + i),
    passcode: String(1000 + i),
    ...(i % 2 === 0 ? { callLegProfile: IDS.hostProfile } : {}),
  }));
  model.members = Array.from({ length: members }, (_, i) => ({
    id: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    userJid: `user${i}@example.com`,
    userId: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    ...(i % 5 === 0 ? { callLegProfile: IDS.hostProfile } : {}),
  }));
  return model;
}
