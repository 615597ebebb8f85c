import { ownLevelOf, scopeName } from './finding-helpers';
import { spaceLevels } from './join-paths';
import type { Finding, JoinPath, SpaceModel } from './model';
import { resolveCallLegProfile } from './resolve';

/** Whether the space's own addresses (no access method, no member level) make their callers hosts. */
export function spaceDefaultRole(model: SpaceModel): 'host' | 'guest' {
  return resolveCallLegProfile(spaceLevels(model)).needsActivation.value === true ? 'guest' : 'host';
}

/** A member who inherits needsActivation=true: signed in to the web app, they still wait for a host. */
export function membersAsGuests(paths: readonly JoinPath[]): Finding[] {
  return paths
    .filter((p) => p.kind === 'member' && p.role === 'guest' && p.resolved.needsActivation.scope !== 'coSpaceUser')
    .map((p): Finding => {
      const own = ownLevelOf(p);
      const from = scopeName(p.resolved.needsActivation.scope);
      return {
        id: `member-resolves-to-guest:${p.key.slice('member:'.length)}`,
        severity: 'warning',
        topic: 'members',
        title: `${p.label} joins as a guest`,
        explanation:
          (own
            ? `This member's callLegProfile ${own.profileId ?? ''} does not set needsActivation, so they get needsActivation=true from the ${from} level: `
            : `This member has no callLegProfile of their own, so they get needsActivation=true from the ${from} level: `) +
          'signed in to the web app they still wait in the lobby for a host. Give the member a host profile if they should start the meeting.',
        paths: [p.key],
        fix: { label: 'Give the member the host profile', scenario: 'members-are-hosts', step: 'members' },
      };
    });
}

/** A member whose own profile makes them a guest where every caller on the space's own addresses is a host. */
export function memberGuestOnHostSpace(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (spaceDefaultRole(model) !== 'host') return [];
  return paths
    .filter((p) => p.kind === 'member' && p.role === 'guest' && p.resolved.needsActivation.scope === 'coSpaceUser')
    .map(
      (p): Finding => ({
        id: `member-is-guest-on-host-space:${p.key.slice('member:'.length)}`,
        severity: 'warning',
        topic: 'members',
        title: `${p.label} is a guest on a space where callers are hosts`,
        explanation:
          `The member's own callLegProfile ${p.resolved.needsActivation.profileId ?? ''} sets needsActivation=true, while the space's own addresses make every caller a host. ` +
          'Signed in, this member waits in the lobby until someone dials in: a member is usually the host, not the guest. Give the member the host profile, or none.',
        paths: [p.key],
        fix: { label: 'Give the member the host profile', scenario: 'members-are-hosts', step: 'members' },
      }),
    );
}

/** The member the space's owner (ownerId or ownerJid, any case) is, if any. */
export function ownerMember(model: SpaceModel): SpaceModel['members'][number] | undefined {
  const { ownerJid, ownerId } = model.space;
  const jid = ownerJid?.toLowerCase();
  return model.members.find((m) => (ownerId && m.userId === ownerId) || (jid !== undefined && m.userJid?.toLowerCase() === jid));
}

/** The guide (scenario 4, step 6) adds the owner as a member with the host profile: CMS does not do it by itself. */
export function ownerNotMember(model: SpaceModel): Finding[] {
  const { ownerJid, ownerId } = model.space;
  if ((!ownerJid && !ownerId) || ownerMember(model)) return [];
  const owner = ownerJid || ownerId || '';
  return [
    {
      id: 'owner-not-member',
      severity: 'info',
      topic: 'members',
      title: `The owner ${owner} is not a member`,
      explanation:
        `The space's owner (ownerJid ${owner}) is not among its members, so the owner has no member way in of their own: signed in or dialling, they join like any other caller, ` +
        `as a ${spaceDefaultRole(model)} on the space's own addresses. The guide adds the owner as a member with the host profile (scenario 4, step 6).`,
      paths: [],
      fix: { label: 'Add the owner as a host member', scenario: 'members-are-hosts', step: 'members' },
    },
  ];
}

