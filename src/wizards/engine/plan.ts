import { accessMethodParams } from '../../api/params/access-method';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { callProfileParams } from '../../api/params/call-profile';
import { coSpaceParams } from '../../api/params/co-space';
import { coSpaceUserParams } from '../../api/params/co-space-user';
import type { ParamTable } from '../../api/params/param-def';
import type { WizardInput } from '../wizard-schema';
import { createForm, desiredState, diff, sameWire, wireOf, type ProfileTarget } from './desired';
import { DEFAULT_DOMAIN, joinCards } from './join-cards';
import type { CurrentState, PlannedRequest, WizardPlan } from './types';
export type { JoinCard, PlannedRequest, WizardPlan } from './types';

export interface PlanOptions {
  /** the SIP domain for the join cards ("URI@domain"); default example.com */
  domain?: string;
}

function sensitiveKeys(table: ParamTable, form: Record<string, string>): string[] {
  return Object.keys(form).filter((key) => table[key]?.sensitive === true);
}

/**
 * The exact API calls that take CMS from `current` to what `input` asks, in the guide's order:
 * profiles, callProfile, the guest profile's tenant/system attachment, the space, the host access
 * method, ownerJid, members. Only fields that differ are sent; running it again after a successful
 * apply plans nothing (see `desiredState` for how existing objects are matched and reused).
 */
export function planWizard(input: WizardInput, current: CurrentState, options: PlanOptions = {}): WizardPlan {
  const desired = desiredState(input, current);
  const requests: PlannedRequest[] = [];
  const notes: string[] = [];
  const ids: Record<string, string> = {};

  const profile = (target: ProfileTarget, table: ParamTable, path: string, createTitle: string, what: string) => {
    if (target.id) ids[target.key] = target.id;
    if (target.mode === 'reused' && target.id) {
      notes.push(`The ${what} ${target.id} already has exactly these settings, so it is reused instead of creating a copy.`);
    }
    if (target.mode !== 'create' || !target.form) return;
    requests.push({
      key: target.key,
      title: createTitle,
      method: 'POST',
      path,
      form: target.form,
      creates: target.key,
      sensitive: sensitiveKeys(table, target.form),
    });
  };
  profile(desired.guest, callLegProfileParams, '/callLegProfiles', 'Create the guest call leg profile (needsActivation = true)', 'guest call leg profile');
  profile(desired.host, callLegProfileParams, '/callLegProfiles', 'Create the host call leg profile (needsActivation = false)', 'host call leg profile');
  if (desired.callProfile) {
    const cp = desired.callProfile;
    const mode = cp.form?.passcodeMode;
    profile(
      cp,
      callProfileParams,
      '/callProfiles',
      `Create the call profile (passcodeMode = ${mode ?? '?'}${cp.form?.passcodeTimeout ? `, passcodeTimeout = ${cp.form.passcodeTimeout} s` : ''})`,
      'call profile',
    );
  }

  // The guest profile on the tenant or on the system (global) profiles.
  const scope = desired.scope;
  if (scope && !sameWire('callLegProfile', scope.before, desired.guest.value)) {
    requests.push({
      key: 'scope',
      title:
        scope.scope === 'tenant'
          ? `Attach the guest call leg profile to tenant ${scope.tenantId ?? ''}`
          : 'Attach the guest call leg profile to the system (global) profiles',
      method: 'PUT',
      path: scope.path,
      form: { callLegProfile: desired.guest.value },
      restore: { callLegProfile: scope.before },
      sensitive: [],
    });
  }

  // The space.
  const space = desired.space;
  if (space.id) ids.space = space.id;
  if (space.mode === 'create') {
    const form = createForm(space.fields);
    requests.push({
      key: 'space',
      title: `Create the space "${input.space.name}" with the guest call leg profile`,
      method: 'POST',
      path: '/coSpaces',
      form,
      creates: 'space',
      sensitive: sensitiveKeys(coSpaceParams, form),
    });
  } else {
    if (space.mode === 'adopted') notes.push(`The space ${space.value} already has URI ${input.space.uri} and every value asked for; it is used as it is.`);
    const { form, restore } = diff(space.snapshot?.space ?? {}, space.fields);
    if (Object.keys(form).length > 0) {
      requests.push({
        key: 'space',
        title: `Change the space "${wireOf(space.snapshot?.space.name) || input.space.name}" (${Object.keys(form).join(', ')})`,
        method: 'PUT',
        path: `/coSpaces/${space.value}`,
        form,
        restore,
        sensitive: sensitiveKeys(coSpaceParams, form),
      });
    }
  }

  // The host access method.
  const am = desired.accessMethod;
  const amCollection = `/coSpaces/${space.value}/accessMethods`;
  if (am.same) {
    ids.accessMethod = am.same.id;
    notes.push(`The space already has an access method (${am.same.id}) with URI ${input.access.uri}, call ID ${input.access.callId}, this PIN and the host profile.`);
  } else if (am.update) {
    ids.accessMethod = am.update.id;
    const { form, restore } = diff(am.update, am.fields);
    requests.push({
      key: 'accessMethod',
      title: `Change the access method ${am.update.uri ?? ''} / ${am.update.callId ?? ''} for hosts (${Object.keys(form).join(', ')})`,
      method: 'PUT',
      path: `${amCollection}/${am.update.id}`,
      form,
      restore,
      sensitive: sensitiveKeys(accessMethodParams, form),
    });
  } else {
    const form = createForm(am.fields);
    requests.push({
      key: 'accessMethod',
      title: `Add the host access method (URI ${input.access.uri}, call ID ${input.access.callId}) with the host call leg profile`,
      method: 'POST',
      path: amCollection,
      form,
      creates: 'accessMethod',
      sensitive: sensitiveKeys(accessMethodParams, form),
    });
  }

  // Scenario 4: the owner, then the members.
  if (desired.ownerJid !== undefined) {
    const before = wireOf(space.snapshot?.space.ownerJid);
    if (!sameWire('ownerJid', before, desired.ownerJid)) {
      requests.push({
        key: 'ownerJid',
        title: `Make ${desired.ownerJid} the owner of the space`,
        method: 'PUT',
        path: `/coSpaces/${space.value}`,
        form: { ownerJid: desired.ownerJid },
        restore: { ownerJid: before },
        sensitive: [],
      });
    }
  }
  for (const member of desired.members) {
    const key = `member:${member.userJid.toLowerCase()}`;
    const collection = `/coSpaces/${space.value}/coSpaceUsers`;
    if (member.existing) {
      ids[key] = member.existing.id;
      // An unset permission reads back as CMS's documented default.
      const currentValues: Record<string, unknown> = { ...member.existing };
      for (const [name, def] of Object.entries(coSpaceUserParams as ParamTable)) {
        if (currentValues[name] === undefined && def.default !== undefined) currentValues[name] = def.default;
      }
      const { form, restore } = diff(currentValues, member.fields);
      // restore: what CMS had, '' where it had nothing.
      for (const name of Object.keys(restore)) restore[name] = wireOf(member.existing[name]);
      if (Object.keys(form).length > 0) {
        requests.push({
          key,
          title: `Change member ${member.userJid} (${Object.keys(form).join(', ')})`,
          method: 'PUT',
          path: `${collection}/${member.existing.id}`,
          form,
          restore,
          sensitive: [],
        });
      }
    } else {
      const form = createForm({ userJid: member.userJid, ...member.fields });
      requests.push({
        key,
        title: `Add ${member.userJid} as a member with the host call leg profile`,
        method: 'POST',
        path: collection,
        form,
        creates: key,
        sensitive: [],
      });
    }
  }

  if (requests.length === 0) notes.push('CMS already holds everything this wizard sets: nothing to send.');
  return { requests, joinCards: joinCards(input, options.domain ?? DEFAULT_DOMAIN), ids, notes };
}
