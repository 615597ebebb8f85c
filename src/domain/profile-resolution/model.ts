import type { callLegProfileParams } from '../../api/params/call-leg-profile';
import type { callProfileParams } from '../../api/params/call-profile';
import type { ParamValues } from '../../api/params/schema';
import type { AccessMethod, CallLegProfile, CallProfile, CoSpace, CoSpaceUser, SystemProfiles, Tenant } from '../../api/params/schemas';

/** Where a callLegProfile can be attached, least specific first (CMS's callLegProfileTrace scopes). */
export const CALL_LEG_SCOPES = ['global', 'tenant', 'coSpace', 'accessMethod', 'coSpaceUser', 'callOut', 'callLeg'] as const;
export type CallLegScope = (typeof CALL_LEG_SCOPES)[number];
export const CALL_PROFILE_SCOPES = ['global', 'tenant', 'coSpace'] as const;
export type CallProfileScope = (typeof CALL_PROFILE_SCOPES)[number];

export type CallLegProfileSettings = ParamValues<typeof callLegProfileParams>;
export type CallLegProfileParam = keyof typeof callLegProfileParams;
export type CallProfileSettings = ParamValues<typeof callProfileParams>;
export type CallProfileParam = keyof typeof callProfileParams;

export interface ProfileLevel<S extends string, V> {
  scope: S;
  /** the profile attached at this level, when one is */
  profileId?: string;
  /** the parameters that level sets; unset parameters are absent */
  settings: V;
}
export type CallLegLevel = ProfileLevel<CallLegScope, CallLegProfileSettings>;
export type CallProfileLevel = ProfileLevel<CallProfileScope, CallProfileSettings>;

/** One parameter's value in force and who set it; `default` = no level set it, the CMS default applies. */
export interface Resolved<V, S extends string> {
  value: V | undefined;
  scope: S | 'default';
  profileId?: string;
}
export type ResolvedCallLegProfile = { [K in CallLegProfileParam]-?: Resolved<NonNullable<CallLegProfileSettings[K]>, CallLegScope> };
export type ResolvedCallProfile = { [K in CallProfileParam]-?: Resolved<NonNullable<CallProfileSettings[K]>, CallProfileScope> };

/** Everything needed to predict how each way into one space behaves, as read from CMS. */
export interface SpaceModel {
  space: CoSpace & { id: string };
  accessMethods: Array<AccessMethod & { id: string }>;
  members: Array<CoSpaceUser & { id: string }>;
  tenant?: Tenant & { id: string };
  systemProfiles: SystemProfiles;
  /** every callLegProfile referenced at any level, by id */
  callLegProfiles: ReadonlyMap<string, CallLegProfile>;
  /** every callProfile referenced at any level, by id */
  callProfiles: ReadonlyMap<string, CallProfile>;
  /** referenced profile ids CMS answered 404 for (dangling references) */
  missingProfiles: ReadonlySet<string>;
}

export type JoinPathKind = 'spaceUri' | 'spaceSecondaryUri' | 'spaceCallId' | 'accessMethod' | 'member';

/** One way of joining a space: what to dial, which PIN, and what CMS will apply. */
export interface JoinPath {
  /** stable within a space: `space:uri`, `space:secondaryUri`, `space:callId`, `accessMethod:<id>`, `member:<id>` */
  key: string;
  kind: JoinPathKind;
  /** "Space URI guest.space", "Access method “Hosts” (host.space, call ID 888, no PIN)", "Member user1@…" */
  label: string;
  uri?: string;
  callId?: string;
  /** '' = no PIN (blank, press #); undefined for members signed in to the web app */
  passcode?: string;
  /** the levels CMS walks for a leg arriving this way, least specific first */
  levels: CallLegLevel[];
  resolved: ResolvedCallLegProfile;
  /** host when the effective needsActivation is false, else guest */
  role: 'host' | 'guest';
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** A wizard step that fixes a finding: the UI turns it into a link with `wizardLink` (src/lib/wizard-links.ts). */
export interface FindingFix {
  label: string;
  scenario: WizardScenario;
  step: WizardStep;
}

/** The step of the guide's troubleshooting checklist a finding belongs to. */
export const CHECK_TOPICS = ['callProfiles', 'callLegProfiles', 'space', 'accessMethods', 'members'] as const;
export type CheckTopic = (typeof CHECK_TOPICS)[number];

export interface Finding {
  /** stable id, e.g. `no-host-path`, `member-resolves-to-guest:<memberId>` */
  id: string;
  severity: FindingSeverity;
  topic: CheckTopic;
  title: string;
  explanation: string;
  /** join path keys the finding is about */
  paths: string[];
  fix?: FindingFix;
}

export type WizardScenario = 'different-uris' | 'same-uri-two-pins' | 'blank-guest-pin' | 'members-are-hosts';
export type WizardStep = 'profiles' | 'space' | 'call-profile' | 'access' | 'members' | 'review';
