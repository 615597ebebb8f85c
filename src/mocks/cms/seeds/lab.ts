import type { Store } from '../store';
import { seedSupport, SUPPORT_IDS } from './lab-support';
import { seedTemplates, TEMPLATE_IDS } from './lab-templates';

/**
 * The objects of the reference documents with their exact ids: the guest/host guide's profiles,
 * spaces and access methods (scenario 3's state for guestpin.space, scenario 4's for Global), the
 * TMS trace's call bridges, profiles, bulk set and spaces, the blueprint's global callLegProfile,
 * a tenant with its own guest profile so tenant inheritance can be seen, and a scenario-1 space
 * template an LDAP sync gave the host user.
 */
export const LAB = {
  users: {
    user1: '1d942281-413e-4a2a-b776-91a674c3a5a9',
    guestOwner: 'bc392aaa-8c6d-4619-ad2f-cb30c4c53766',
    host: '5b0e7c52-58a4-4b0e-9d2c-0a3f3f7e1c11',
  },
  callLegProfiles: {
    global: '06b654b1-1d1f-4f7e-ac07-b7aed2fa4ed6',
    guest: 'd4bfe12d-68cd-41c0-a671-48395ee170ab',
    host: '7306d2c1-bc15-4dbf-ab4a-1cbdaabd1912',
    guest4: 'bfe7d07f-c7cb-4e90-a46e-4811bbaf6978',
    host4: '0e76e943-6d90-43df-9f23-7f1985a74639',
    tms: '734447d1-4251-442f-b127-ab3304b643f8',
    tenantGuest: '9a3e4f6b-2c1d-4e8f-a7b6-3d2c1b0a9f8e',
  },
  callProfiles: {
    passcodeTimeout: '4b0eff60-e4aa-4303-8646-a7e800a4eac6',
    tms: '1285fa9c-f221-4af7-8462-51cf1d7542eb',
  },
  tenants: { acme: 'e2f6a4c8-1b3d-4f5a-9c7e-2d4b6f8a0c1e' },
  coSpaces: {
    guest: '7cc797c9-c0a8-47cf-b519-8dc5a01f1ade',
    guestPin: '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46',
    global: '96d28acb-86c6-478d-b81a-a37ffb0adafc',
    coolBridge: '2be23a10-f400-4436-baef-6058f55ca688',
    traceOther: 'f4c9601b-300e-43ac-a283-3e1a00699c2c',
    tmsMeeting1: '458075bc-6def-4052-8ed6-b1192d6e6b35',
    tenantLobby: '3c5e7a9b-1d2f-4a6c-8e0b-5f7d9b1c3e5a',
  },
  accessMethods: {
    host: '447c61c5-44e5-465e-a8a1-5dd4e10048c0',
    guestPinHost: '760c0e17-55c0-4232-ba72-2e9207916330',
    globalHost: 'c4ecc16e-945f-4e35-ba03-d9b69107b32c',
    tenantHost: '8d1f3b5c-7e9a-4c2d-b6f8-0a2c4e6f8b1d',
  },
  coSpaceUsers: { globalUser1: '1d942281-413e-4a2a-b776-91a674c3a5a9' },
  callBridges: {
    core1: '0e3758db-b9b8-49df-a74c-55fa05e3e21d',
    core2: 'cfe31846-ca57-4703-9e11-da3e72a13066',
  },
  bulk: {
    set: 'beac931c-ae88-4f5f-b6b7-71a1c4bdaf8e',
    sync: '071e7bf5-c0d8-4d2a-b321-7b07c799829c',
  },
  support: SUPPORT_IDS,
  templates: TEMPLATE_IDS,
} as const;

const TMS_PLACEHOLDERS = [
  LAB.coSpaces.tmsMeeting1,
  'a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a02',
  'a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a03',
  'a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a04',
  'a1b2c3d4-0005-4e5f-8a9b-0c1d2e3f4a05',
];

export function seedLab(store: Store): void {
  seedSupport(store);
  seedPeopleAndBridges(store);
  seedProfiles(store);
  seedGuideSpaces(store);
  seedTraceSpaces(store);
  seedTenantSpaces(store);
  seedTemplates(store, LAB.callLegProfiles, LAB.users.host);
}

function seedPeopleAndBridges(store: Store): void {
  const { users } = LAB;

  store.insert('user', { userJid: 'user1@evacanoalone.net', name: 'User One', email: 'user1@evacanoalone.net' }, { id: users.user1, meta: { cdrTag: 'evacanoalone-sales' } });
  store.insert('user', { userJid: 'Guest@cms.steven.lab', name: 'Guest', email: 'guest@cms.steven.lab' }, { id: users.guestOwner });
  store.insert('user', { userJid: 'stejanss.movi@steven.lab', name: 'Steven Janssens', email: 'stejanss@steven.lab' }, { id: users.host });

  const group = LAB.support.callBridgeGroup;
  store.insert('callBridge', { name: 'CallBridge-Core1', address: 'https://14.80.82.30', sipDomain: '', callBridgeGroup: group }, { id: LAB.callBridges.core1 });
  store.insert('callBridge', { name: 'CallBridge-Core2', address: 'https://14.80.82.31', sipDomain: '', callBridgeGroup: group }, { id: LAB.callBridges.core2 });
}

function seedProfiles(store: Store): void {
  const { callLegProfiles: clp, callProfiles: cp } = LAB;

  store.insert(
    'callLegProfile',
    {
      participantLabels: true,
      joinToneParticipantThreshold: 100,
      leaveToneParticipantThreshold: 0,
      muteOthersAllowed: true,
      videoMuteOthersAllowed: true,
      muteSelfAllowed: true,
      videoMuteSelfAllowed: true,
      endCallAllowed: true,
      disconnectOthersAllowed: true,
      changeLayoutAllowed: true,
      callLockAllowed: true,
      allowAllMuteSelfAllowed: true,
      changeJoinAudioMuteOverrideAllowed: true,
      recordingControlAllowed: true,
      streamingControlAllowed: true,
      participantCounter: 'always',
    },
    { id: clp.global },
  );
  const guestSettings = {
    needsActivation: true,
    defaultLayout: 'speakerOnly',
    presentationContributionAllowed: false,
    rxAudioMute: true,
    rxVideoMute: false,
    deactivationMode: 'deactivate',
  } as const;
  const hostSettings = {
    needsActivation: false,
    defaultLayout: 'speakerOnly',
    presentationContributionAllowed: true,
    rxAudioMute: false,
    rxVideoMute: false,
  } as const;
  store.insert('callLegProfile', { ...guestSettings }, { id: clp.guest });
  store.insert('callLegProfile', { ...hostSettings }, { id: clp.host });
  store.insert('callLegProfile', { ...guestSettings }, { id: clp.guest4 });
  store.insert('callLegProfile', { ...hostSettings }, { id: clp.host4 });
  store.insert(
    'callLegProfile',
    {
      defaultLayout: 'telepresence',
      changeLayoutAllowed: true,
      presentationContributionAllowed: true,
      presentationViewingAllowed: true,
      muteSelfAllowed: true,
      videoMuteSelfAllowed: true,
    },
    { id: clp.tms },
  );
  store.insert(
    'callLegProfile',
    { needsActivation: true, deactivationMode: 'deactivate', defaultLayout: 'allEqual', rxVideoMute: true },
    { id: clp.tenantGuest },
  );
  store.systemProfiles = { callLegProfile: clp.global };

  store.insert('callProfile', { passcodeMode: 'timeout', passcodeTimeout: 5 }, { id: cp.passcodeTimeout });
  store.insert('callProfile', { participantLimit: 1000, messageBoardEnabled: false }, { id: cp.tms });

  store.insert(
    'tenant',
    { name: 'Acme', tenantGroup: LAB.support.tenantGroup, callLegProfile: clp.tenantGuest, dialInSecurityProfile: LAB.support.pin4 },
    { id: LAB.tenants.acme },
  );
}

/** The guide's spaces: scenario 1 (guest.space), 2/3 (guestpin.space) and 4 (Global with its member). */
function seedGuideSpaces(store: Store): void {
  const { users, callLegProfiles: clp, callProfiles: cp, coSpaces: sp, accessMethods: am } = LAB;

  store.insert(
    'coSpace',
    {
      name: 'Guest.space',
      autoGenerated: true,
      uri: 'guest.space',
      callId: '628821815',
      callLegProfile: clp.guest,
      ownerId: users.guestOwner,
      ownerJid: 'Guest@cms.steven.lab',
      secret: 'iWqZQ.tTMIleeQHKMB.JYg',
    },
    { id: sp.guest },
  );
  store.insert(
    'accessMethod',
    { uri: 'host.space', callId: '888', passcode: '', callLegProfile: clp.host, secret: 'r8.QXRrOMFp719gDL5ck6Q' },
    { id: am.host, parent: sp.guest },
  );

  store.insert(
    'coSpace',
    {
      name: 'Guest/Host PIN',
      autoGenerated: false,
      uri: 'guestpin.space',
      callId: '189',
      callLegProfile: clp.guest,
      callProfile: cp.passcodeTimeout,
      secret: 'X7f83UX7PHcIYp0JbT0fUA',
    },
    { id: sp.guestPin },
  );
  store.insert(
    'accessMethod',
    { uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: clp.host, secret: 'c0wnqI1qB9JGRdmekHE0lw' },
    { id: am.guestPinHost, parent: sp.guestPin },
  );

  store.insert(
    'coSpace',
    {
      name: 'Global',
      autoGenerated: false,
      uri: 'global',
      callId: '1234',
      callLegProfile: clp.guest4,
      nonMemberAccess: true,
      ownerId: users.user1,
      ownerJid: 'user1@evacanoalone.net',
      secret: '0w4O2zTTF0WdL4ymF8D0_A',
      defaultLayout: 'allEqual',
    },
    { id: sp.global },
  );
  store.insert(
    'accessMethod',
    { uri: 'global', callId: '1234', passcode: '12345', callLegProfile: clp.host4, secret: 'kff01zTTE0feL4fsdf43w_B' },
    { id: am.globalHost, parent: sp.global },
  );
  store.insert(
    'coSpaceUser',
    {
      userId: users.user1,
      userJid: 'user1@evacanoalone.net',
      autoGenerated: false,
      canDestroy: true,
      canAddRemoveMember: true,
      canChangeName: true,
      canChangeUri: false,
      canChangeCallId: false,
      canChangePasscode: true,
      canPostMessage: true,
      canDeleteAllMessages: false,
      canRemoveSelf: false,
      canChangeNonMemberAccessAllowed: true,
      callLegProfile: clp.host4,
    },
    { id: LAB.coSpaceUsers.globalUser1, parent: sp.global },
  );

}

/** The TMS trace's spaces, bulk parameter set and sync. */
function seedTraceSpaces(store: Store): void {
  const { callLegProfiles: clp, callProfiles: cp, coSpaces: sp } = LAB;
  store.insert(
    'coSpace',
    { name: 'Cool Bridge Space', autoGenerated: false, uri: 'cool.bridge.space', callId: '497540167', secret: 'Qm3nV8xYp2LrT6wZ1cB4dA' },
    { id: sp.coolBridge },
  );
  store.insert('coSpace', { name: 'Bridge test space', autoGenerated: false, uri: 'bridge.test', callId: '497540168' }, { id: sp.traceOther });

  store.insert(
    'cospaceBulkParameterSet',
    {
      startIndex: 1,
      endIndex: 5,
      coSpaceNameMapping: 'TMS_Scheduled_Meeting_',
      callProfile: cp.tms,
      callLegProfile: clp.tms,
      nonMemberAccess: false,
    },
    { id: LAB.bulk.set },
  );
  TMS_PLACEHOLDERS.forEach((id, i) => {
    store.insert(
      'coSpace',
      { name: `TMS_Scheduled_Meeting_${i + 1}`, autoGenerated: false, callProfile: cp.tms, callLegProfile: clp.tms, nonMemberAccess: false },
      { id, meta: { bulkSet: LAB.bulk.set } },
    );
  });
  store.insert('cospaceBulkSync', { cospaceBulkParameterSet: LAB.bulk.set, status: 'complete' }, { id: LAB.bulk.sync });

}

function seedTenantSpaces(store: Store): void {
  const { callLegProfiles: clp, coSpaces: sp, accessMethods: am } = LAB;
  store.insert(
    'coSpace',
    { name: 'Acme lobby', autoGenerated: false, uri: 'acme.lobby', callId: '5001', tenant: LAB.tenants.acme, secret: 'Zx8cV7bN6mL5kJ4hG3fD2s' },
    { id: sp.tenantLobby },
  );
  store.insert(
    'accessMethod',
    { uri: 'acme.lobby', callId: '5002', passcode: '2468', callLegProfile: clp.host, secret: 'Pq9wE8rT7yU6iO5pA4sD3f' },
    { id: am.tenantHost, parent: sp.tenantLobby },
  );
}
