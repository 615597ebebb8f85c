import { coSpaceUserParams } from '../api/params/co-space-user';
import type { WizardScenarioId } from '../lib/wizard-links';
import type { CurrentState, SpaceSnapshot } from '../domain/space-planning/types';
import { MEMBER_PERMISSIONS, type MemberPermission } from '../domain/space-planning/wizard-fields';
import { GUIDE_MEMBER_PERMISSIONS, type WizardValues } from '../domain/space-planning/wizard-schema';

type Member = WizardValues<'members-are-hosts'>['members'][number];

/** What an existing space puts in the form; each part is set only where the admin has not chosen themselves. */
export interface SpacePrefill {
  space: WizardValues['space'];
  profiles: WizardValues['profiles'];
  access?: WizardValues['access'];
  callProfile?: WizardValues<'blank-guest-pin'>['callProfile'];
  members?: Member[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function needsActivationOf(profileId: unknown, current: CurrentState | undefined): boolean | undefined {
  if (typeof profileId !== 'string' || profileId === '') return undefined;
  const profile = current?.callLegProfiles.find((p) => p.id.toLowerCase() === profileId.toLowerCase());
  return typeof profile?.needsActivation === 'boolean' ? profile.needsActivation : undefined;
}

function memberValues(member: SpaceSnapshot['members'][number]): Member {
  const permissions = {} as Record<MemberPermission, boolean>;
  for (const p of MEMBER_PERMISSIONS) {
    const have = member[p];
    const fallback = coSpaceUserParams[p].default;
    // An unset permission reads back as CMS's default, so nothing changes that the wizard does not need.
    permissions[p] = typeof have === 'boolean' ? have : typeof fallback === 'boolean' ? fallback : GUIDE_MEMBER_PERMISSIONS[p];
  }
  return { userJid: text(member.userJid), permissions };
}

/**
 * The form values for an existing space, so that only what the wizard needs changes: the space's
 * own values, its host access method (changed in place), its members, and the profiles it already
 * uses where they fit their role. `values` is the form as it is (its other parts are kept).
 */
export function valuesFromSnapshot(scenario: WizardScenarioId, values: WizardValues, snapshot: SpaceSnapshot, current: CurrentState | undefined): SpacePrefill {
  const space = snapshot.space;
  const next: SpacePrefill = {
    space: {
      ...values.space,
      mode: 'existing',
      id: space.id,
      name: text(space.name),
      uri: text(space.uri),
      callId: text(space.callId),
      // Scenario 3 needs the guest PIN blank: that is a change the wizard makes, shown against the current PIN.
      passcode: scenario === 'blank-guest-pin' ? '' : text(space.passcode),
      ...(scenario === 'members-are-hosts'
        ? { nonMemberAccess: typeof space.nonMemberAccess === 'boolean' ? space.nonMemberAccess : true, ownerJid: text(space.ownerJid) || text(values.space.ownerJid) }
        : {}),
    },
    profiles: { ...values.profiles },
  };

  if (needsActivationOf(space.callLegProfile, current) === true) {
    next.profiles.guest = { ...values.profiles.guest, mode: 'existing', id: text(space.callLegProfile) };
  }
  const hostMethod =
    snapshot.accessMethods.find((m) => needsActivationOf(m.callLegProfile, current) === false) ??
    (scenario === 'different-uris' ? undefined : snapshot.accessMethods.find((m) => text(m.uri).toLowerCase() === text(space.uri).toLowerCase()));
  if (hostMethod && needsActivationOf(hostMethod.callLegProfile, current) === false) {
    next.profiles.host = { ...values.profiles.host, mode: 'existing', id: text(hostMethod.callLegProfile) };
  }

  if (hostMethod) {
    next.access = { id: hostMethod.id, uri: text(hostMethod.uri), callId: text(hostMethod.callId), passcode: text(hostMethod.passcode) };
  } else if (scenario !== 'different-uris') {
    next.access = { ...values.access, id: '', uri: text(space.uri), ...(scenario === 'members-are-hosts' ? { callId: text(space.callId) } : {}) };
  } else {
    next.access = { ...values.access, id: '' };
  }

  if (values.scenario === 'blank-guest-pin' && text(space.callProfile) !== '') {
    next.callProfile = { ...values.callProfile, mode: 'existing', id: text(space.callProfile) };
  }
  // The space's own members, none included: the wizard adds nobody the admin did not list.
  if (scenario === 'members-are-hosts') next.members = snapshot.members.filter((m) => text(m.userJid) !== '').map(memberValues);
  return next;
}
