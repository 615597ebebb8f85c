import { deactivationModeUnset, blankGuestPinWithoutMode, missingProfiles } from './findings-profiles';
import { memberGuestOnHostSpace, membersAsGuests, ownerNotMember } from './findings-members';
import { guestAccessMethods, noGuestPath, noHostPath, nonMemberAccessOff, noWayIn, samePin } from './findings-ways-in';
import type { Finding, FindingSeverity, JoinPath, SpaceModel } from './model';

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** What a support engineer should know about the space's guest/host set-up, errors first. */
export function findings(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  const all = [
    ...noWayIn(model, paths),
    ...noHostPath(model, paths),
    ...missingProfiles(model, paths),
    ...samePin(paths),
    ...guestAccessMethods(model, paths),
    ...membersAsGuests(paths),
    ...memberGuestOnHostSpace(model, paths),
    ...noGuestPath(model, paths),
    ...blankGuestPinWithoutMode(model, paths),
    ...nonMemberAccessOff(model, paths),
    ...deactivationModeUnset(paths),
    ...ownerNotMember(model),
  ];
  return all
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}
