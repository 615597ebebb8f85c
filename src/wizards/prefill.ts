import { coSpaceUserParams } from '../api/params/co-space-user';
import type { WizardScenarioId } from '../lib/wizard-links';
import type { CurrentState, SpaceSnapshot } from './engine/types';
import { MEMBER_PERMISSIONS, type MemberPermission } from './wizard-fields';
import { GUIDE_MEMBER_PERMISSIONS } from './wizard-schema';

type Values = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function needsActivationOf(profileId: unknown, current: CurrentState | undefined): boolean | undefined {
  if (typeof profileId !== 'string' || profileId === '') return undefined;
  const profile = current?.callLegProfiles.find((p) => p.id.toLowerCase() === profileId.toLowerCase());
  return typeof profile?.needsActivation === 'boolean' ? profile.needsActivation : undefined;
}

/**
 * The form values for an existing space, so that only what the wizard needs changes: the space's
 * own values, its host access method (changed in place), its members, and the profiles it already
 * uses where they fit their role. `values` is the form as it is (its other parts are kept).
 */
export function valuesFromSnapshot(scenario: WizardScenarioId, values: Values, snapshot: SpaceSnapshot, current: CurrentState | undefined): Values {
  const space = snapshot.space;
  const prevSpace = (values.space ?? {}) as Values;
  const prevProfiles = (values.profiles ?? {}) as Values;
  const next: Values = {};

  next.space = {
    ...prevSpace,
    mode: 'existing',
    id: space.id,
    name: text(space.name),
    uri: text(space.uri),
    callId: text(space.callId),
    // Scenario 3 needs the guest PIN blank: that is a change the wizard makes, shown against the current PIN.
    passcode: scenario === 'blank-guest-pin' ? '' : text(space.passcode),
    ...(scenario === 'members-are-hosts'
      ? {
          nonMemberAccess: typeof space.nonMemberAccess === 'boolean' ? space.nonMemberAccess : true,
          ownerJid: text(space.ownerJid) || text(prevSpace.ownerJid),
        }
      : {}),
  };

  const profiles: Values = { ...prevProfiles };
  if (needsActivationOf(space.callLegProfile, current) === true) {
    profiles.guest = { ...((prevProfiles.guest ?? {}) as Values), mode: 'existing', id: space.callLegProfile };
  }
  const hostMethod =
    snapshot.accessMethods.find((m) => needsActivationOf(m.callLegProfile, current) === false) ??
    (scenario === 'different-uris' ? undefined : snapshot.accessMethods.find((m) => text(m.uri).toLowerCase() === text(space.uri).toLowerCase()));
  if (hostMethod && needsActivationOf(hostMethod.callLegProfile, current) === false) {
    profiles.host = { ...((prevProfiles.host ?? {}) as Values), mode: 'existing', id: hostMethod.callLegProfile };
  }
  next.profiles = profiles;

  if (hostMethod) {
    next.access = { uri: text(hostMethod.uri), callId: text(hostMethod.callId), passcode: text(hostMethod.passcode) };
  } else if (scenario !== 'different-uris') {
    const prevAccess = (values.access ?? {}) as Values;
    next.access = {
      ...prevAccess,
      uri: text(space.uri),
      ...(scenario === 'members-are-hosts' ? { callId: text(space.callId) } : {}),
    };
  }

  if (scenario === 'blank-guest-pin' && typeof space.callProfile === 'string' && space.callProfile !== '') {
    next.callProfile = { ...((values.callProfile ?? {}) as Values), mode: 'existing', id: space.callProfile };
  }

  if (scenario === 'members-are-hosts' && snapshot.members.length > 0) {
    next.members = snapshot.members
      .filter((m) => text(m.userJid) !== '')
      .map((m) => {
        const permissions = {} as Record<MemberPermission, boolean>;
        for (const p of MEMBER_PERMISSIONS) {
          const have = (m as Values)[p];
          const fallback = coSpaceUserParams[p].default;
          permissions[p] = typeof have === 'boolean' ? have : typeof fallback === 'boolean' ? fallback : GUIDE_MEMBER_PERMISSIONS[p];
        }
        return { userJid: text(m.userJid), permissions };
      });
  }
  return next;
}
