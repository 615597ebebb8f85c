import { resolveCallProfileFor, sharedAddresses } from './join-paths';
import type { Finding, FindingFix, FindingSeverity, JoinPath, SpaceModel, WizardScenario } from './model';

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function shortList(labels: string[], max = 3): string {
  if (labels.length <= max) return listOf(labels);
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}

const addressLabel = (address: string) => (address.startsWith('uri:') ? address.slice(4) : `call ID ${address.slice(7)}`);

/** The wizard that builds what this access method is part of: one URI with two PINs, a blank guest PIN, or its own URI. */
function scenarioForAccessMethod(model: SpaceModel, path: JoinPath): WizardScenario {
  const shared = [path.uri && `uri:${path.uri.toLowerCase()}`, path.callId && `callId:${path.callId}`].filter(Boolean);
  const { space } = model;
  const spaceAddresses = [
    space.uri && `uri:${space.uri.toLowerCase()}`,
    space.secondaryUri && `uri:${space.secondaryUri.toLowerCase()}`,
    space.callId && `callId:${space.callId}`,
  ].filter(Boolean);
  if (!shared.some((a) => spaceAddresses.includes(a))) return 'different-uris';
  return (space.passcode ?? '') === '' ? 'blank-guest-pin' : 'same-uri-two-pins';
}

interface AddressGroup {
  address: string;
  paths: JoinPath[];
}

/** Space and access-method paths by the URI (any case) or call ID they answer. */
function groupByAddress(paths: readonly JoinPath[]): AddressGroup[] {
  const groups = new Map<string, JoinPath[]>();
  const add = (address: string, path: JoinPath) => {
    const list = groups.get(address);
    if (list === undefined) groups.set(address, [path]);
    else list.push(path);
  };
  for (const path of paths) {
    if (path.kind === 'member') continue;
    if (path.uri) add(`uri:${path.uri.toLowerCase()}`, path);
    if (path.callId) add(`callId:${path.callId}`, path);
  }
  return [...groups].map(([address, list]) => ({ address, paths: list }));
}

function noHostPath(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (paths.length === 0) {
    return [
      {
        id: 'no-join-path',
        severity: 'info',
        title: 'Nobody can join this space',
        explanation: 'The space has no URI, call ID, dialable access method or member, so there is no way into it yet.',
        paths: [],
        fix: { label: 'Set up guest and host access', scenario: 'different-uris', step: 'space' },
      },
    ];
  }
  const guests = paths.filter((p) => p.role === 'guest');
  if (guests.length === 0 || guests.length < paths.length) return [];
  return [
    {
      id: 'no-host-path',
      severity: 'error',
      title: 'No way in for a host: guests wait forever',
      explanation:
        `Every way into "${model.space.name ?? model.space.id}" (${count(guests.length, 'way')} in) needs activation, and nobody can activate it: ` +
        'guests sit in the lobby until they hang up. Give an access method (or a member) a callLegProfile with needsActivation=false.',
      paths: guests.map((p) => p.key),
      fix: { label: 'Add a host access method', scenario: 'different-uris', step: 'access' },
    },
  ];
}

function membersAsGuests(paths: readonly JoinPath[]): Finding[] {
  return paths
    .filter((p) => p.kind === 'member' && p.role === 'guest' && !p.levels.some((l) => l.scope === 'coSpaceUser'))
    .map((p) => ({
      id: `member-resolves-to-guest:${p.key.slice('member:'.length)}`,
      severity: 'warning' as const,
      title: `${p.label} joins as a guest`,
      explanation:
        `This member has no callLegProfile of their own, so they get needsActivation=true from the ${scopeName(p.resolved.needsActivation.scope)} level: ` +
        'signed in to the web app they still wait in the lobby for a host. Attach a host profile to the member if they should start the meeting.',
      paths: [p.key],
      fix: { label: 'Give the member the host profile', scenario: 'members-are-hosts' as const, step: 'members' as const },
    }));
}

function scopeName(scope: string): string {
  switch (scope) {
    case 'global':
      return 'system (global)';
    case 'coSpace':
      return 'space';
    case 'accessMethod':
      return 'access method';
    case 'coSpaceUser':
      return 'member';
    case 'default':
      return 'CMS default';
    default:
      return scope;
  }
}

/**
 * Paths meant for hosts that end up guests: an access method or member with a profile of its own
 * that leaves needsActivation to a level above, or an access method with no profile on a space whose
 * default is guest (an extra access method is the usual host way in).
 */
function hostPathsAsGuests(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of paths) {
    if (p.role !== 'guest' || (p.kind !== 'accessMethod' && p.kind !== 'member')) continue;
    const ownScope = p.kind === 'accessMethod' ? 'accessMethod' : 'coSpaceUser';
    const own = p.levels.find((l) => l.scope === ownScope);
    if (p.resolved.needsActivation.scope === ownScope) continue;
    if (p.kind === 'member' && own === undefined) continue;
    const from = scopeName(p.resolved.needsActivation.scope);
    const fix: FindingFix =
      p.kind === 'member'
        ? { label: 'Give the member a host profile', scenario: 'members-are-hosts', step: own ? 'profiles' : 'members' }
        : own
          ? { label: 'Set needsActivation=false on the host profile', scenario: scenarioForAccessMethod(model, p), step: 'profiles' }
          : { label: 'Attach the host profile to the access method', scenario: scenarioForAccessMethod(model, p), step: 'access' };
    findings.push({
      id: `host-path-resolves-to-guest:${p.key}`,
      severity: own ? 'error' : 'warning',
      title: `${p.label} joins as a guest`,
      explanation: own
        ? `Its callLegProfile ${own.profileId ?? ''} does not set needsActivation, so the ${from} level's needsActivation=true applies: ` +
          'whoever joins this way waits in the lobby instead of starting the meeting.'
        : `It has no callLegProfile of its own, so it inherits needsActivation=true from the ${from} level like the space's guests. ` +
          'If this is meant to be the host way in, attach a host profile (needsActivation=false).',
      paths: [p.key],
      fix,
    });
  }
  return findings;
}

function samePin(paths: readonly JoinPath[]): Finding[] {
  const clashes: Array<{ address: string; passcode: string; paths: JoinPath[] }> = [];
  for (const group of groupByAddress(paths)) {
    const byPin = new Map<string, JoinPath[]>();
    for (const p of group.paths) {
      const pin = p.passcode ?? '';
      const list = byPin.get(pin);
      if (list === undefined) byPin.set(pin, [p]);
      else list.push(p);
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
      title: 'Guests and hosts share a PIN on the same address',
      explanation:
        `On ${listOf(where)} a guest way in and a host way in have the same PIN, so CMS cannot tell a guest from a host: ` +
        'callers land on one of them, and guests may start the meeting. CMS normally refuses this (duplicateCoSpaceUriPasscode, duplicateCoSpaceIdPasscode); give the host its own PIN.',
      paths: [...new Set(clashes.flatMap((c) => c.paths.map((p) => p.key)))],
      fix: { label: 'Give hosts a different PIN', scenario: 'same-uri-two-pins', step: 'access' },
    },
  ];
}

function blankGuestPinWithoutMode(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  const mode = resolveCallProfileFor(model).passcodeMode;
  if (mode.value !== undefined) return [];
  const byKey = new Map(paths.map((p) => [p.key, p]));
  const affected = new Set<JoinPath>();
  const where = new Set<string>();
  for (const p of paths) {
    if (p.role !== 'guest' || p.passcode !== '') continue;
    const shared = sharedAddresses(model, p);
    if (shared.length === 0) continue;
    affected.add(p);
    for (const s of shared) {
      where.add(s.kind === 'uri' ? s.value : `call ID ${s.value}`);
      for (const key of s.with) {
        const other = byKey.get(key);
        if (other) affected.add(other);
      }
    }
  }
  if (affected.size === 0) return [];
  return [
    {
      id: 'blank-guest-pin-without-passcode-mode',
      severity: 'warning',
      title: 'Blank guest PIN shares an address with a PIN, and no passcodeMode is set',
      explanation:
        `Guests with a blank PIN and callers with a PIN both dial ${listOf([...where])}, so SIP callers get a PIN prompt. ` +
        'No callProfile (system, tenant or space) sets passcodeMode, and CMS documents no default: guests must know to press # ' +
        '(we assume CMS waits, as with passcodeMode=required). Set passcodeMode=timeout with a passcodeTimeout so silence counts as a blank PIN, ' +
        'or required to make # explicit. Web app users are not affected.',
      paths: [...affected].map((p) => p.key),
      fix: { label: 'Set passcodeMode on a callProfile', scenario: 'blank-guest-pin', step: 'call-profile' },
    },
  ];
}

function nonMemberAccessOff(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (model.space.nonMemberAccess !== false) return [];
  const guests = paths.filter((p) => p.kind !== 'member' && p.role === 'guest');
  if (guests.length === 0) return [];
  return [
    {
      id: 'non-member-access-off',
      severity: 'warning',
      title: 'Non-member access is off, but the space has guest ways in',
      explanation:
        `nonMemberAccess is false on the space, so only its members (signed in) get in: the ${count(guests.length, 'guest way')} in ` +
        `(${shortList(guests.map((p) => p.label))}) admit nobody. Turn non-member access on, or remove the guest ways in if only members should join.`,
      paths: guests.map((p) => p.key),
      fix: { label: 'Allow non-member access', scenario: 'members-are-hosts', step: 'space' },
    },
  ];
}

interface Reference {
  kind: 'callLegProfile' | 'callProfile';
  where: string;
  fix?: FindingFix;
}

function missingProfiles(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (model.missingProfiles.size === 0) return [];
  const refs = new Map<string, Reference[]>();
  const note = (id: string | undefined, ref: Reference) => {
    if (id === undefined || id === '' || !model.missingProfiles.has(id)) return;
    refs.set(id, [...(refs.get(id) ?? []), ref]);
  };
  const { space, tenant, systemProfiles } = model;
  note(systemProfiles.callLegProfile, { kind: 'callLegProfile', where: 'the system (global) profiles' });
  note(systemProfiles.callProfile, { kind: 'callProfile', where: 'the system (global) profiles' });
  note(tenant?.callLegProfile, { kind: 'callLegProfile', where: `tenant ${tenant?.name ?? tenant?.id ?? ''}` });
  note(tenant?.callProfile, { kind: 'callProfile', where: `tenant ${tenant?.name ?? tenant?.id ?? ''}` });
  note(space.callLegProfile, {
    kind: 'callLegProfile',
    where: 'the space',
    fix: { label: 'Pick an existing guest profile for the space', scenario: 'different-uris', step: 'space' },
  });
  note(space.callProfile, {
    kind: 'callProfile',
    where: 'the space',
    fix: { label: 'Pick an existing callProfile', scenario: 'blank-guest-pin', step: 'call-profile' },
  });
  for (const method of model.accessMethods) {
    note(method.callLegProfile, {
      kind: 'callLegProfile',
      where: `access method ${method.name ?? method.uri ?? method.callId ?? method.id}`,
      fix: { label: 'Pick an existing profile for the access method', scenario: 'different-uris', step: 'access' },
    });
  }
  for (const member of model.members) {
    note(member.callLegProfile, {
      kind: 'callLegProfile',
      where: `member ${member.userJid ?? member.id}`,
      fix: { label: 'Pick an existing profile for the member', scenario: 'members-are-hosts', step: 'members' },
    });
  }
  return [...refs].map(([id, uses]): Finding => {
    const kind = uses[0]?.kind ?? 'callLegProfile';
    const affected =
      kind === 'callProfile'
        ? paths.filter((p) => p.kind !== 'member')
        : paths.filter((p) => p.levels.some((l) => l.profileId === id));
    const finding: Finding = {
      id: `missing-profile:${id}`,
      severity: 'error',
      title: `A ${kind} that no longer exists is still referenced`,
      explanation:
        `${kind} ${id} is attached to ${shortList(uses.map((u) => u.where))}, but CMS answers that it does not exist. ` +
        'That level then sets nothing, so the levels above decide — probably not what was meant. Attach an existing profile, or clear the reference.',
      paths: affected.map((p) => p.key),
    };
    const fix = uses.find((u) => u.fix !== undefined)?.fix;
    if (fix) finding.fix = fix;
    return finding;
  });
}

function deactivationModeUnset(paths: readonly JoinPath[]): Finding[] {
  const unset = paths.filter((p) => p.role === 'guest' && p.resolved.deactivationMode.value === undefined);
  if (unset.length === 0) return [];
  return [
    {
      id: 'deactivation-mode-unset',
      severity: 'warning',
      title: 'What guests get when the last host leaves is not set',
      explanation:
        `No level sets deactivationMode for ${count(unset.length, 'guest way')} in (${shortList(unset.map((p) => p.label))}). ` +
        'CMS documents no default; we assume guests then stay in the conference without a host (remainActivated). ' +
        'Set deactivationMode=deactivate on the guest profile to send them back to the lobby, as the guide does.',
      paths: unset.map((p) => p.key),
      fix: { label: 'Set deactivationMode on the guest profile', scenario: 'different-uris', step: 'profiles' },
    },
  ];
}

/** What a support engineer should know about the space's guest/host set-up, errors first. */
export function findings(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  const all = [
    ...noHostPath(model, paths),
    ...missingProfiles(model, paths),
    ...samePin(paths),
    ...hostPathsAsGuests(model, paths),
    ...membersAsGuests(paths),
    ...blankGuestPinWithoutMode(model, paths),
    ...nonMemberAccessOff(model, paths),
    ...deactivationModeUnset(paths),
  ];
  return all
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}
