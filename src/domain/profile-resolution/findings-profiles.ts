import { resolveCallProfileFor, sharedAddresses } from './join-paths';
import { accessMethodLabel, memberLabel } from './labels';
import type { Finding, FindingFix, JoinPath, SpaceModel } from './model';
import { listOf, plural, shortList } from './words';

export function blankGuestPinWithoutMode(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
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
      topic: 'callProfiles',
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

interface Reference {
  kind: 'callLegProfile' | 'callProfile';
  where: string;
  fix?: FindingFix;
}

function references(model: SpaceModel): Map<string, Reference[]> {
  const refs = new Map<string, Reference[]>();
  const note = (id: string | undefined, ref: Reference) => {
    const key = id?.toLowerCase();
    if (key === undefined || key === '' || !model.missingProfiles.has(key)) return;
    refs.set(key, [...(refs.get(key) ?? []), ref]);
  };
  const { space, tenant, systemProfiles } = model;
  const tenantName = `tenant ${tenant?.name ?? tenant?.id ?? ''}`;
  note(systemProfiles.callLegProfile, { kind: 'callLegProfile', where: 'the system (global) profiles' });
  note(systemProfiles.callProfile, { kind: 'callProfile', where: 'the system (global) profiles' });
  note(tenant?.callLegProfile, { kind: 'callLegProfile', where: tenantName });
  note(tenant?.callProfile, { kind: 'callProfile', where: tenantName });
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
      where: accessMethodLabel(method).replace(/^Access method/, 'access method'),
      fix: { label: 'Pick an existing profile for the access method', scenario: 'different-uris', step: 'access' },
    });
  }
  for (const member of model.members) {
    note(member.callLegProfile, {
      kind: 'callLegProfile',
      where: memberLabel(member).replace(/^Member/, 'member'),
      fix: { label: 'Pick an existing profile for the member', scenario: 'members-are-hosts', step: 'members' },
    });
  }
  return refs;
}

export function missingProfiles(model: SpaceModel, paths: readonly JoinPath[]): Finding[] {
  if (model.missingProfiles.size === 0) return [];
  return [...references(model)].map(([id, uses]): Finding => {
    const kind = uses[0]?.kind ?? 'callLegProfile';
    const affected =
      kind === 'callProfile' ? paths.filter((p) => p.kind !== 'member') : paths.filter((p) => p.levels.some((l) => l.profileId?.toLowerCase() === id));
    const finding: Finding = {
      id: `missing-profile:${id}`,
      severity: 'error',
      topic: kind === 'callProfile' ? 'callProfiles' : 'callLegProfiles',
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

export function deactivationModeUnset(paths: readonly JoinPath[]): Finding[] {
  const unset = paths.filter((p) => p.role === 'guest' && p.resolved.deactivationMode.value === undefined);
  if (unset.length === 0) return [];
  return [
    {
      id: 'deactivation-mode-unset',
      severity: 'warning',
      topic: 'callLegProfiles',
      title: 'What guests get when the last host leaves is not set',
      explanation:
        `No level sets deactivationMode for ${plural(unset.length, 'guest way')} in (${shortList(unset.map((p) => p.label))}). ` +
        'CMS documents no default; we assume guests then stay in the conference without a host (remainActivated). ' +
        'Set deactivationMode=deactivate on the guest profile to send them back to the lobby, as the guide does.',
      paths: unset.map((p) => p.key),
      fix: { label: 'Set deactivationMode on the guest profile', scenario: 'different-uris', step: 'profiles' },
    },
  ];
}
