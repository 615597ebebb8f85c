import { effectivePinRule } from '../dial-in/pin-length';
import { wireOf } from '../space-planning/desired';
import { planWizard } from '../space-planning/plan';
import { preflight } from '../space-planning/preflight';
import type { FieldIssue, PlannedStep, SpaceSnapshot } from '../space-planning/types';
import { GUIDE_MEMBER_PERMISSIONS, isWizardPath, wizardSchemas, type WizardInput, type WizardValues } from '../space-planning/wizard-schema';
import { hostCallIdOf, hostUriOf, type BatchPattern } from './batch-pattern';
import { hostPin } from './host-pin';
import { currentStateOf, type SharedState } from './shared-state';

/** The profile steps every space would plan alike: the batch creates them once, in a run of their own. */
export const SHARED_KEYS: ReadonlySet<string> = new Set(['guestProfile', 'hostProfile', 'callProfile']);

/** One space of a batch as planned: ready (writes to send), fine (nothing to change) or in conflict (not sent). */
export interface SpaceFix {
  spaceId: string;
  name: string;
  uri: string;
  status: 'ready' | 'fine' | 'conflict';
  /** the space's own writes, in the wizard's order; the shared profiles are referred to as `{guestProfile}`… */
  steps: PlannedStep[];
  /** ids known before the run (the space, a reused profile, an access method changed in place) */
  ids: Record<string, string>;
  /** the profile steps this space's plan would have made (the batch makes them once) */
  sharedSteps: PlannedStep[];
  /** pre-flight's findings and the pattern's rules, each a plain sentence on a field of the input */
  issues: FieldIssue[];
  host: { uri: string; callId: string; pin: string };
}

/**
 * The space's host access method, changed in place as the wizard's prefill does: one whose profile
 * already lets hosts in, else (patterns on one URI) one on the space's URI.
 */
function hostMethodOf(pattern: BatchPattern, shared: SharedState, snapshot: SpaceSnapshot) {
  const letsHostsIn = (profile: unknown) =>
    shared.current.callLegProfiles.find((p) => p.id.toLowerCase() === wireOf(profile).toLowerCase())?.needsActivation === false;
  return (
    snapshot.accessMethods.find((m) => letsHostsIn(m.callLegProfile)) ??
    (pattern.scenario === 'different-uris' ? undefined : snapshot.accessMethods.find((m) => wireOf(m.uri).toLowerCase() === wireOf(snapshot.space.uri).toLowerCase()))
  );
}

function valuesFor(pattern: BatchPattern, shared: SharedState, snapshot: SpaceSnapshot, pin: string): WizardValues {
  const space = snapshot.space;
  const uri = wireOf(space.uri);
  const callId = wireOf(space.callId);
  const method = hostMethodOf(pattern, shared, snapshot);
  const guestPin = pattern.scenario === 'blank-guest-pin' ? '' : wireOf(space.passcode);
  const keptPin = wireOf(method?.passcode);
  const base = {
    profiles: { guest: pattern.profiles.guest, host: pattern.profiles.host, guestScope: 'coSpace' as const },
    space: { mode: 'existing' as const, id: space.id, name: wireOf(space.name), uri, callId, passcode: wireOf(space.passcode) },
    access: {
      id: method?.id ?? '',
      uri: pattern.scenario === 'different-uris' ? wireOf(method?.uri) || hostUriOf(pattern, uri) : uri,
      callId: wireOf(method?.callId) || hostCallIdOf(pattern, callId),
      // A host PIN that already tells hosts apart is kept; otherwise the rule's fresh one.
      passcode: keptPin !== '' && keptPin !== guestPin ? keptPin : pin,
    },
  };
  switch (pattern.scenario) {
    case 'different-uris':
    case 'same-uri-two-pins':
      return { scenario: pattern.scenario, ...base };
    case 'blank-guest-pin':
      return { scenario: 'blank-guest-pin', ...base, callProfile: pattern.callProfile ?? { mode: 'create', passcodeMode: 'timeout', passcodeTimeout: 5 } };
    case 'members-are-hosts': {
      // The space's owner becomes its host member; a space without an owner needs one (the pattern's rules say so).
      const owner = wireOf(space.ownerJid);
      return {
        scenario: 'members-are-hosts',
        ...base,
        space: { ...base.space, ownerJid: owner },
        members: owner === '' ? [] : [{ userJid: owner, permissions: { ...GUIDE_MEMBER_PERMISSIONS } }],
      };
    }
  }
}

/** The minimum PIN length the dial-in security profile in force for a new access method of this space asks for. */
function minPinLength(shared: SharedState, snapshot: SpaceSnapshot): number | undefined {
  const tenant = wireOf(snapshot.space.tenant).toLowerCase();
  const chain = {
    space: wireOf(snapshot.space.dialInSecurityProfile) || undefined,
    tenant: tenant ? wireOf(shared.current.tenants[tenant]?.dialInSecurityProfile) || undefined : undefined,
    system: wireOf(shared.current.systemProfiles.dialInSecurityProfile) || undefined,
  };
  return effectivePinRule(chain, shared.pinRules)?.rule.minPasscodeLength;
}

/**
 * Plans one space as the wizard plans an existing space (the same desired state, plan and
 * pre-flight), with the host URI, call ID and a fresh random host PIN from the pattern's rule.
 */
export async function planSpaceFix(pattern: BatchPattern, shared: SharedState, snapshot: SpaceSnapshot, signal?: AbortSignal): Promise<SpaceFix> {
  const avoid = [wireOf(snapshot.space.passcode), ...snapshot.accessMethods.map((m) => wireOf(m.passcode))].filter((p) => p !== '');
  const pin = hostPin(pattern.host.pinDigits, minPinLength(shared, snapshot), avoid);
  const values = valuesFor(pattern, shared, snapshot, pin);
  const head = { spaceId: snapshot.space.id, name: wireOf(snapshot.space.name), uri: wireOf(snapshot.space.uri) };
  const host = { uri: values.access.uri, callId: values.access.callId, pin: values.access.passcode };
  const parsed = wizardSchemas[pattern.scenario].safeParse(values);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return { field: isWizardPath(path) ? path : ('' as const), message: issue.message };
    });
    return { ...head, status: 'conflict', steps: [], ids: {}, sharedSteps: [], issues, host };
  }
  const input: WizardInput = parsed.data;
  const current = currentStateOf(shared, snapshot);
  const issues = await preflight(input, current, signal);
  const plan = planWizard(input, current);
  const steps = plan.steps.filter((s) => !SHARED_KEYS.has(s.key));
  const status = issues.length > 0 ? 'conflict' : steps.length === 0 ? 'fine' : 'ready';
  return {
    ...head,
    status,
    steps,
    ids: plan.ids,
    sharedSteps: plan.steps.filter((s) => SHARED_KEYS.has(s.key)),
    issues,
    host,
  };
}
