import type { AccessMethod, CoSpace, CoSpaceUser, SystemProfiles, Tenant } from '../../../api/params/schemas';
import type { CallLegProfileSettings, CallProfileSettings, SpaceModel } from '../model';

/** Profiles for hand-built models, shaped like the guide's. */
export const PROFILES = {
  guest: 'aaaaaaaa-0000-4000-8000-000000000001',
  host: 'aaaaaaaa-0000-4000-8000-000000000002',
  global: 'aaaaaaaa-0000-4000-8000-000000000003',
  tenant: 'aaaaaaaa-0000-4000-8000-000000000004',
  bare: 'aaaaaaaa-0000-4000-8000-000000000005',
  gone: 'aaaaaaaa-0000-4000-8000-0000000000ff',
  timeout: 'bbbbbbbb-0000-4000-8000-000000000001',
  required: 'bbbbbbbb-0000-4000-8000-000000000002',
} as const;

export const GUEST_SETTINGS: CallLegProfileSettings = {
  needsActivation: true,
  defaultLayout: 'speakerOnly',
  presentationContributionAllowed: false,
  rxAudioMute: true,
  rxVideoMute: false,
  deactivationMode: 'deactivate',
};
export const HOST_SETTINGS: CallLegProfileSettings = {
  needsActivation: false,
  defaultLayout: 'speakerOnly',
  presentationContributionAllowed: true,
  rxAudioMute: false,
  rxVideoMute: false,
};

const DEFAULT_CALL_LEG_PROFILES: Record<string, CallLegProfileSettings> = {
  [PROFILES.guest]: GUEST_SETTINGS,
  [PROFILES.host]: HOST_SETTINGS,
  [PROFILES.global]: { participantLabels: true, muteOthersAllowed: true },
  [PROFILES.tenant]: { needsActivation: true, deactivationMode: 'deactivate', defaultLayout: 'allEqual' },
  [PROFILES.bare]: { defaultLayout: 'telepresence' },
};
const DEFAULT_CALL_PROFILES: Record<string, CallProfileSettings> = {
  [PROFILES.timeout]: { passcodeMode: 'timeout', passcodeTimeout: 5 },
  [PROFILES.required]: { passcodeMode: 'required' },
};

export interface ModelParts {
  space?: Partial<CoSpace>;
  accessMethods?: Array<Partial<AccessMethod> & { id: string }>;
  members?: Array<Partial<CoSpaceUser> & { id: string }>;
  tenant?: Partial<Tenant> & { id: string };
  systemProfiles?: SystemProfiles;
  /** added to (and overriding) the guest/host/global/tenant/bare profiles */
  callLegProfiles?: Record<string, CallLegProfileSettings>;
  callProfiles?: Record<string, CallProfileSettings>;
  missingProfiles?: string[];
}

/** A SpaceModel as loadSpaceModel would answer it; by default scenario 1 of the guide without anything attached. */
export function spaceModel(parts: ModelParts = {}): SpaceModel {
  const missing = new Set(parts.missingProfiles ?? []);
  const legProfiles = { ...DEFAULT_CALL_LEG_PROFILES, ...parts.callLegProfiles };
  const callProfiles = { ...DEFAULT_CALL_PROFILES, ...parts.callProfiles };
  const model: SpaceModel = {
    space: { id: 'space-1', name: 'Test space', uri: 'test.space', callId: '100', ...parts.space },
    accessMethods: parts.accessMethods ?? [],
    members: parts.members ?? [],
    systemProfiles: parts.systemProfiles ?? {},
    callLegProfiles: new Map(Object.entries(legProfiles).filter(([id]) => !missing.has(id)).map(([id, s]) => [id, { id, ...s }])),
    callProfiles: new Map(Object.entries(callProfiles).filter(([id]) => !missing.has(id)).map(([id, s]) => [id, { id, ...s }])),
    missingProfiles: missing,
  };
  if (parts.tenant) model.tenant = parts.tenant;
  return model;
}
