import { accessMethodParams } from '../../api/params/access-method';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { callProfileParams } from '../../api/params/call-profile';
import { coSpaceParams } from '../../api/params/co-space';
import { coSpaceUserParams } from '../../api/params/co-space-user';
import { systemProfilesParams } from '../../api/params/system-profiles';
import { tenantParams } from '../../api/params/tenant';
import { beforeFromWire, postFormFromWire, putFormFromWire, type Operation, type Ref } from '../../api/resources/operations';
import type { WizardInput } from './wizard-schema';
import { createForm, desiredState, diff, isRef, sameWire, wireOf, type Desired, type ProfileTarget } from './desired';
import { requestOf } from './planned-request';
import type { CurrentState, PlannedStep, WizardPlan } from './types';
export type { PlannedRequest, PlannedStep, WizardPlan } from './types';

/** `{space}` (made by this run) as a ref, an id as it is. */
const refOf = (value: string): Ref => (isRef(value) ? { ref: value.slice(1, -1) } : value);

interface Planning {
  steps: PlannedStep[];
  notes: string[];
  ids: Record<string, string>;
}

/** The guest and host callLegProfiles and the callProfile: reused, picked, or created. */
function planProfiles(desired: Desired, { steps, notes, ids }: Planning): void {
  const profile = (target: ProfileTarget, what: string, create: (form: Record<string, string>) => Operation, title: string) => {
    if (target.id) ids[target.key] = target.id;
    if (target.mode === 'reused' && target.id) {
      notes.push(`The ${what} ${target.id} already has exactly these settings, so it is reused instead of creating a copy.`);
    }
    if (target.mode === 'create' && target.form) steps.push({ key: target.key, title, operation: create(target.form), creates: target.key });
  };
  const callLegProfile = (form: Record<string, string>): Operation => ({ op: 'createCallLegProfile', form: postFormFromWire(callLegProfileParams, form) });
  profile(desired.guest, 'guest call leg profile', callLegProfile, 'Create the guest call leg profile (needsActivation = true)');
  profile(desired.host, 'host call leg profile', callLegProfile, 'Create the host call leg profile (needsActivation = false)');
  const cp = desired.callProfile;
  if (cp) {
    const timeout = cp.form?.passcodeTimeout ? `, passcodeTimeout = ${cp.form.passcodeTimeout} s` : '';
    profile(cp, 'call profile', (form) => ({ op: 'createCallProfile', form: postFormFromWire(callProfileParams, form) }), `Create the call profile (passcodeMode = ${cp.form?.passcodeMode ?? '?'}${timeout})`);
  }
}

/** The guest profile on the tenant or on the system (global) profiles. */
function planScope(desired: Desired, { steps }: Planning): void {
  const scope = desired.scope;
  if (!scope || sameWire('callLegProfile', scope.before, desired.guest.value)) return;
  const change = { callLegProfile: desired.guest.value };
  const before = { callLegProfile: scope.before };
  const operation: Operation =
    scope.scope === 'tenant'
      ? { op: 'updateTenant', tenant: scope.tenantId ?? '', form: putFormFromWire(tenantParams, change), before: beforeFromWire(tenantParams, before) }
      : { op: 'updateSystemProfiles', form: putFormFromWire(systemProfilesParams, change), before: beforeFromWire(systemProfilesParams, before) };
  const title =
    scope.scope === 'tenant'
      ? `Attach the guest call leg profile to tenant ${scope.tenantId ?? ''}`
      : 'Attach the guest call leg profile to the system (global) profiles';
  steps.push({ key: 'scope', title, operation });
}

/** The space, created or changed in the fields that differ. */
function planSpace(input: WizardInput, desired: Desired, { steps, notes, ids }: Planning): void {
  const space = desired.space;
  if (space.id) ids.space = space.id;
  if (space.mode === 'create') {
    steps.push({
      key: 'space',
      title: `Create the space "${input.space.name}" with the guest call leg profile`,
      operation: { op: 'createSpace', form: postFormFromWire(coSpaceParams, createForm(space.fields)) },
      creates: 'space',
    });
    return;
  }
  if (space.mode === 'adopted') notes.push(`The space ${space.value} already has URI ${input.space.uri} and every value asked for; it is used as it is.`);
  const { form, restore } = diff(space.snapshot?.space ?? {}, space.fields, coSpaceParams);
  if (Object.keys(form).length === 0) return;
  steps.push({
    key: 'space',
    title: `Change the space "${wireOf(space.snapshot?.space.name) || input.space.name}" (${Object.keys(form).join(', ')})`,
    operation: { op: 'updateSpace', space: space.value, form: putFormFromWire(coSpaceParams, form), before: beforeFromWire(coSpaceParams, restore) },
  });
}

/** The host access method: already there, changed in place, or added. */
function planAccessMethod(input: WizardInput, desired: Desired, { steps, notes, ids }: Planning): void {
  const am = desired.accessMethod;
  const space = refOf(desired.space.value);
  if (am.gone) notes.push(`The access method ${am.gone} is no longer on the space, so a new one is added.`);
  if (am.same) {
    ids.accessMethod = am.same.id;
    notes.push(`The space already has an access method (${am.same.id}) with URI ${input.access.uri}, call ID ${input.access.callId}, this PIN and the host profile.`);
  } else if (am.update) {
    ids.accessMethod = am.update.id;
    const { form, restore } = diff(am.update, am.fields);
    steps.push({
      key: 'accessMethod',
      title: `Change the access method ${am.update.uri ?? ''} / ${am.update.callId ?? ''} for hosts (${Object.keys(form).join(', ')})`,
      operation: {
        op: 'updateAccessMethod',
        space,
        accessMethod: am.update.id,
        form: putFormFromWire(accessMethodParams, form),
        before: beforeFromWire(accessMethodParams, restore),
      },
    });
  } else {
    steps.push({
      key: 'accessMethod',
      title: `Add the host access method (URI ${input.access.uri}, call ID ${input.access.callId}) with the host call leg profile`,
      operation: { op: 'createAccessMethod', space, form: postFormFromWire(accessMethodParams, createForm(am.fields)) },
      creates: 'accessMethod',
    });
  }
}

/** Scenario 4: the owner, then the members (an unset permission reads back as CMS's documented default). */
function planMembers(desired: Desired, { steps, ids }: Planning): void {
  const space = refOf(desired.space.value);
  if (desired.ownerJid !== undefined) {
    const before = wireOf(desired.space.snapshot?.space.ownerJid);
    if (!sameWire('ownerJid', before, desired.ownerJid)) {
      steps.push({
        key: 'ownerJid',
        title: `Make ${desired.ownerJid} the owner of the space`,
        operation: {
          op: 'updateSpace',
          space,
          form: putFormFromWire(coSpaceParams, { ownerJid: desired.ownerJid }),
          before: beforeFromWire(coSpaceParams, { ownerJid: before }),
        },
      });
    }
  }
  for (const member of desired.members) {
    const key = `member:${member.userJid.toLowerCase()}`;
    if (!member.existing) {
      steps.push({
        key,
        title: `Add ${member.userJid} as a member with the host call leg profile`,
        operation: { op: 'createSpaceMember', space, form: postFormFromWire(coSpaceUserParams, createForm({ userJid: member.userJid, ...member.fields })) },
        creates: key,
      });
      continue;
    }
    ids[key] = member.existing.id;
    const { form, restore } = diff(member.existing, member.fields, coSpaceUserParams);
    if (Object.keys(form).length === 0) continue;
    steps.push({
      key,
      title: `Change member ${member.userJid} (${Object.keys(form).join(', ')})`,
      operation: {
        op: 'updateSpaceMember',
        space,
        member: member.existing.id,
        form: putFormFromWire(coSpaceUserParams, form),
        before: beforeFromWire(coSpaceUserParams, restore),
      },
    });
  }
}

/**
 * The typed operations that take CMS from `current` to what `input` asks, in the guide's order:
 * profiles, callProfile, the guest profile's tenant/system attachment, the space, the host access
 * method, ownerJid, members. Only fields that differ are sent; running it again after a successful
 * apply plans nothing (see `desiredState` for how existing objects are matched and reused).
 */
export function planWizard(input: WizardInput, current: CurrentState): WizardPlan {
  const desired = desiredState(input, current);
  const planning: Planning = { steps: [], notes: [], ids: {} };
  planProfiles(desired, planning);
  planScope(desired, planning);
  planSpace(input, desired, planning);
  planAccessMethod(input, desired, planning);
  planMembers(desired, planning);
  const { steps, notes, ids } = planning;
  if (steps.length === 0) notes.push('CMS already holds everything this wizard sets: nothing to send.');
  return { steps, requests: steps.map(requestOf), ids, notes };
}
