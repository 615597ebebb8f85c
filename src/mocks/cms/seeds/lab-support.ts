import type { Store } from '../store';

/** The configuration a support engineer meets on a lab CMS: dial plan, IVR, Web Bridge, profiles, groups, an alarm. */
export const SUPPORT_IDS = {
  /** minPasscodeLength 4, on tenant Acme */
  pin4: '5d0c3a1e-7b2f-4c8d-9e6a-1f3b5d7c9e2a',
  /** minPasscodeLength 6, referenced by nothing */
  pin6: '6e1d4b2f-8c3a-4d9e-af7b-2a4c6e8d0f3b',
  inboundLab: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  inboundUsers: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  ivr: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  webBridge: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80',
  callBranding: '5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8091',
  ivrBranding: '6f7a8b9c-0d1e-4f2a-9b4c-5d6e7f8091a2',
  dtmf: '7a8b9c0d-1e2f-4a3b-8c5d-6e7f8091a2b3',
  compatibility: '8b9c0d1e-2f3a-4b4c-9d6e-7f8091a2b3c4',
  layoutTemplate: '9c0d1e2f-3a4b-4c5d-8e7f-8091a2b3c4d5',
  tenantGroup: 'a0d1e2f3-4b5c-4d6e-9f80-91a2b3c4d5e6',
  callBridgeGroup: 'b1e2f3a4-5c6d-4e7f-8091-a2b3c4d5e6f7',
  alarm: 'c2f3a4b5-6d7e-4f80-91a2-b3c4d5e6f708',
} as const;

export function seedSupport(store: Store): void {
  const id = SUPPORT_IDS;
  store.insert('dialInSecurityProfile', { name: 'PINs of 4 digits or more', minPasscodeLength: 4 }, { id: id.pin4 });
  store.insert('dialInSecurityProfile', { name: 'PINs of 6 digits or more', minPasscodeLength: 6 }, { id: id.pin6 });
  store.insert('inboundDialPlanRule', { domain: 'example.com', priority: 10, resolveToCoSpaces: true, resolveToIvrs: true, resolveToLyncConferences: false }, { id: id.inboundLab });
  store.insert('inboundDialPlanRule', { domain: 'cms.steven.lab', priority: 5, resolveToCoSpaces: false, resolveToIvrs: false, resolveToLyncConferences: false }, { id: id.inboundUsers });
  store.insert('ivrBrandingProfile', { resourceLocation: 'http://branding.example.com/ivr' }, { id: id.ivrBranding });
  store.insert('ivr', { uri: '411', ivrBrandingProfile: id.ivrBranding, resolveCoSpaceCallIds: true, resolveLyncConferenceIds: false }, { id: id.ivr });
  store.insert('callBridgeGroup', { name: 'core', loadBalancingEnabled: true, loadBalanceUserCalls: true }, { id: id.callBridgeGroup });
  store.insert('webBridge', { url: 'https://join.example.com', callBridgeGroup: id.callBridgeGroup }, { id: id.webBridge });
  store.insert(
    'callBrandingProfile',
    { invitationTemplate: 'http://branding.example.com/invite.txt', resourceLocation: 'http://branding.example.com/call' },
    { id: id.callBranding },
  );
  store.insert('dtmfProfile', { lockCall: '**7', unlockCall: '**8', muteSelfAudio: '*6', unmuteSelfAudio: '#6', endCall: '**99' }, { id: id.dtmf });
  store.insert('compatibilityProfile', { sipUdt: true, sipMultistream: true, chromeWebRtcVideoCodec: 'auto' }, { id: id.compatibility });
  store.insert('layoutTemplate', { name: 'Two big, rest small', templateSize: 2048 }, { id: id.layoutTemplate });
  store.insert('tenantGroup', {}, { id: id.tenantGroup });
  store.insert('alarm', { type: 'cdrConnectionFailure', activeTimeSeconds: 3919 }, { id: id.alarm });
}
