import { addressesOf, addressLabel, groupByAddress, isSpaceAddress, ownLevelOf, scenarioForAccessMethod, scopeName, type AddressKey } from './finding-helpers';
import type { Finding, FindingFix, JoinPath, SpaceModel } from './model';
import { listOf, plural, shortList } from './words';

const spaceName = (model: SpaceModel) => `“${model.space.name ?? model.space.id}”`;

export function noWayIn(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (paths.length > 0) return [];
  return [
    {
      id: 'no-join-path',
      severity: 'info',
      topic: 'space',
      title: 'Nobody can join this space',
      explanation: `${spaceName(model)} has no URI, call ID, dialable access method or member, so there is no way into it yet.`,
      paths: [],
      fix: { label: 'Set up guest and host access', scenario: 'different-uris', step: 'space' },
    },
  ];
}

export function noHostPath(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (paths.length === 0 || paths.some((p) => p.role === 'host')) return [];
  const members = paths.filter((p) => p.kind === 'member').length;
  const fix: FindingFix =
    members > 0
      ? { label: 'Give a member the host profile', scenario: 'members-are-hosts', step: 'members' }
      : { label: 'Add a host access method', scenario: 'different-uris', step: 'access' };
  return [
    {
      id: 'no-host-path',
      severity: 'error',
      topic: 'accessMethods',
      title: 'No way in for a host: guests wait forever',
      explanation:
        `Every way into ${spaceName(model)} (${plural(paths.length, 'way')} in, members included) needs activation, and nobody can activate it: ` +
        'guests sit in the lobby until they hang up. Give an access method (or a member) a callLegProfile with needsActivation=false.',
      paths: paths.map((p) => p.key),
      fix,
    },
  ];
}

/**
 * Everybody is a host although the set-up says guests were meant: some access method or member
 * sets needsActivation=false itself (a host way in next to what would be the guests'), or a level
 * of the space's own addresses sets deactivationMode, which only guests feel.
 */
export function noGuestPath(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (paths.length === 0 || paths.some((p) => p.role === 'guest')) return [];
  const dedicatedHost = paths.filter((p) => ownLevelOf(p)?.settings.needsActivation === false);
  const defaultPath = paths.find(isSpaceAddress);
  const guestOnly = defaultPath?.resolved.deactivationMode.value !== undefined ? defaultPath : undefined;
  if (dedicatedHost.length === 0 && guestOnly === undefined) return [];
  const because =
    dedicatedHost.length > 0
      ? `${shortList(dedicatedHost.map((p) => p.label))} ${dedicatedHost.length === 1 ? 'has' : 'have'} a host profile of ${dedicatedHost.length === 1 ? 'its' : 'their'} own, as if the other ways in were for guests`
      : `deactivationMode (what guests get when the last host leaves) is set on the ${scopeName(guestOnly?.resolved.deactivationMode.scope ?? 'coSpace')} level, as if its callers were guests`;
  const from = defaultPath ? ` needsActivation on the space's own addresses comes from the ${scopeName(defaultPath.resolved.needsActivation.scope)} level.` : '';
  return [
    {
      id: 'no-guest-path',
      severity: 'warning',
      topic: 'space',
      title: 'Nobody waits in a lobby: every way in is a host',
      explanation:
        `Every way into ${spaceName(model)} resolves to needsActivation=false, yet ${because}.${from} ` +
        'If guests should wait for a host, give the space (or its tenant) a guest profile with needsActivation=true.',
      paths: paths.filter((p) => ownLevelOf(p)?.settings.needsActivation !== false).map((p) => p.key),
      fix: { label: 'Give the space the guest profile', scenario: 'different-uris', step: 'space' },
    },
  ];
}

/**
 * A guest access method is worth a finding only when the space has no host way in at all, or when
 * it is evidently the host way in: it has a PIN of its own and shares a URI or call ID with one of
 * the space's own guest ways under another PIN (blank or set), and no host way answers that address.
 * An access method whose own profile says needsActivation=true is a deliberate guest way: never.
 * The fix attaches a host profile to this access method only; it never edits a profile that other
 * (guest) ways in share.
 */
export function guestAccessMethods(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  const anyHost = paths.some((p) => p.role === 'host');
  const hostAddresses = new Set<AddressKey>(paths.filter((p) => p.role === 'host' && p.kind !== 'member').flatMap(addressesOf));
  const spaceGuestAddresses = new Map<AddressKey, string>();
  for (const p of paths.filter((x) => isSpaceAddress(x) && x.role === 'guest')) {
    for (const address of addressesOf(p)) spaceGuestAddresses.set(address, p.passcode ?? '');
  }
  const findings: Finding[] = [];
  for (const p of paths) {
    if (p.kind !== 'accessMethod' || p.role !== 'guest') continue;
    const own = ownLevelOf(p);
    if (own?.settings.needsActivation === true) continue;
    const pin = p.passcode ?? '';
    const hostLike = addressesOf(p).filter(
      (address) => pin !== '' && spaceGuestAddresses.has(address) && spaceGuestAddresses.get(address) !== pin && !hostAddresses.has(address),
    );
    if (hostLike.length === 0 && anyHost) continue;
    const from = scopeName(p.resolved.needsActivation.scope);
    const why =
      hostLike.length > 0
        ? `It shares ${listOf(hostLike.map(addressLabel))} with the space's guests under a PIN of its own, and no host way in answers there: it looks like the host way in, yet`
        : 'The space has no host way in, and';
    const inherits = own
      ? `its callLegProfile ${own.profileId ?? ''} does not set needsActivation, so the ${from} level's needsActivation=true applies`
      : `it has no callLegProfile of its own, so it inherits needsActivation=true from the ${from} level`;
    findings.push({
      id: `access-method-joins-as-guest:${p.key.slice('accessMethod:'.length)}`,
      severity: hostLike.length > 0 ? 'error' : 'warning',
      topic: 'accessMethods',
      title: `${p.label} joins as a guest`,
      explanation: `${why} ${inherits}: whoever joins this way waits in the lobby. If it is meant for hosts, give this access method a host profile (needsActivation=false); other ways in keep theirs.`,
      paths: [p.key],
      fix: { label: 'Give this access method the host profile', scenario: scenarioForAccessMethod(model, p), step: 'access' },
    });
  }
  return findings;
}

export function samePin(paths: readonly JoinPath[]): Finding[] {
  const clashes: Array<{ address: string; passcode: string; paths: JoinPath[] }> = [];
  for (const group of groupByAddress(paths)) {
    const byPin = new Map<string, JoinPath[]>();
    for (const p of group.paths) {
      const pin = p.passcode ?? '';
      byPin.set(pin, [...(byPin.get(pin) ?? []), p]);
    }
    for (const [passcode, list] of byPin) {
      if (list.some((p) => p.role === 'guest') && list.some((p) => p.role === 'host')) clashes.push({ address: group.address, passcode, paths: list });
    }
  }
  if (clashes.length === 0) return [];
  const where = clashes.map((c) => `${addressLabel(c.address)} (${c.passcode === '' ? 'blank PIN' : `PIN ${c.passcode}`})`);
  return [
    {
      id: 'same-pin-guest-and-host',
      severity: 'error',
      topic: 'accessMethods',
      title: 'Guests and hosts share a PIN on the same address',
      explanation:
        `On ${listOf(where)} a guest way in and a host way in have the same PIN, so CMS cannot tell a guest from a host: ` +
        'callers land on one of them, and guests may start the meeting. CMS normally refuses this (duplicateCoSpaceUriPasscode, duplicateCoSpaceIdPasscode); give the host its own PIN.',
      paths: [...new Set(clashes.flatMap((c) => c.paths.map((p) => p.key)))],
      fix: { label: 'Give hosts a different PIN', scenario: 'same-uri-two-pins', step: 'access' },
    },
  ];
}

export function nonMemberAccessOff(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (model.space.nonMemberAccess !== false) return [];
  const guests = paths.filter((p) => p.kind !== 'member' && p.role === 'guest');
  if (guests.length === 0) return [];
  return [
    {
      id: 'non-member-access-off',
      severity: 'warning',
      topic: 'space',
      title: 'Non-member access is off, but the space has guest ways in',
      explanation:
        `nonMemberAccess is false on the space, so only its members (signed in) get in: the ${plural(guests.length, 'guest way')} in ` +
        `(${shortList(guests.map((p) => p.label))}) admit nobody. Turn non-member access on, or remove the guest ways in if only members should join.`,
      paths: guests.map((p) => p.key),
      fix: { label: 'Allow non-member access', scenario: 'members-are-hosts', step: 'space' },
    },
  ];
}
