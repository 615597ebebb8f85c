import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { callProfileParams } from '../../api/params/call-profile';
import type { ParamTable, ParamValue } from '../../api/params/param-def';
import type {
  CallLegLevel,
  CallLegProfileParam,
  CallLegProfileSettings,
  CallProfileLevel,
  CallProfileParam,
  CallProfileSettings,
  Resolved,
  ResolvedCallLegProfile,
  ResolvedCallProfile,
} from './model';

/** The rule `resolveCallLegProfile` implements, in the words every screen states it with. */
export const RESOLUTION_RULE =
  'Per parameter, the most specific level that sets it wins: member or access method, then space, then tenant, then global. ' +
  'A profile attached below that leaves a parameter unset still takes that parameter from the levels above.';

/** The groups of the resolution matrix, in display order. */
export const CALL_LEG_PARAMETER_GROUPS = [
  'activation',
  'layout',
  'presentation',
  'permissions',
  'media',
  'signalling',
  'tones',
  'other',
] as const;
export type CallLegParameterGroup = (typeof CALL_LEG_PARAMETER_GROUPS)[number];

export const CALL_LEG_GROUP_LABELS: Readonly<Record<CallLegParameterGroup, string>> = {
  activation: 'Guest and host (activation)',
  layout: 'Layout',
  presentation: 'Presentation (content)',
  permissions: 'In-call permissions',
  media: 'Audio and video',
  signalling: 'SIP signalling',
  tones: 'Join and leave tones',
  other: 'Other',
};

export function callLegParameterGroup(param: CallLegProfileParam): CallLegParameterGroup {
  const group = (callLegProfileParams as ParamTable)[param]?.group;
  return (CALL_LEG_PARAMETER_GROUPS as readonly string[]).includes(group ?? '') ? (group as CallLegParameterGroup) : 'other';
}

const CALL_LEG_PARAMS = Object.keys(callLegProfileParams) as CallLegProfileParam[];

/** needsActivation first, then by group, table (blueprint) order inside a group. */
export const CALL_LEG_PARAMETER_ORDER: readonly CallLegProfileParam[] = [
  'needsActivation',
  ...CALL_LEG_PARAMETER_GROUPS.flatMap((group) =>
    CALL_LEG_PARAMS.filter((param) => param !== 'needsActivation' && callLegParameterGroup(param) === group),
  ),
];

/** The matrix rows, grouped: `needsActivation` opens the activation group. */
export const CALL_LEG_PARAMETERS_BY_GROUP: ReadonlyArray<{
  group: CallLegParameterGroup;
  label: string;
  params: readonly CallLegProfileParam[];
}> = CALL_LEG_PARAMETER_GROUPS.map((group) => ({
  group,
  label: CALL_LEG_GROUP_LABELS[group],
  params: CALL_LEG_PARAMETER_ORDER.filter((param) => callLegParameterGroup(param) === group),
})).filter((entry) => entry.params.length > 0);

const CALL_PROFILE_PARAMS = Object.keys(callProfileParams) as CallProfileParam[];

/** The passcode handling the viewer is about first, then table order. */
export const CALL_PROFILE_PARAMETER_ORDER: readonly CallProfileParam[] = [
  'passcodeMode',
  'passcodeTimeout',
  ...CALL_PROFILE_PARAMS.filter((param) => param !== 'passcodeMode' && param !== 'passcodeTimeout'),
];

/** Absent, empty (CMS's "unset") or a nested element a newer CMS grew: not a value a level sets. */
export function isSet(value: unknown): value is ParamValue {
  return value !== undefined && value !== null && value !== '' && typeof value !== 'object';
}

interface AnyLevel<S extends string> {
  scope: S;
  profileId?: string;
  settings: Readonly<Record<string, unknown>>;
}

function resolveWith<S extends string>(
  table: ParamTable,
  order: readonly string[],
  levels: ReadonlyArray<AnyLevel<S>>,
): Record<string, Resolved<ParamValue, S>> {
  const out: Record<string, Resolved<ParamValue, S>> = {};
  for (const name of order) {
    let winner: AnyLevel<S> | undefined;
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i] as AnyLevel<S>;
      if (isSet(level.settings[name])) {
        winner = level;
        break;
      }
    }
    if (winner === undefined) {
      out[name] = { value: table[name]?.default, scope: 'default' };
    } else {
      const entry: Resolved<ParamValue, S> = { value: winner.settings[name] as ParamValue, scope: winner.scope };
      if (winner.profileId !== undefined) entry.profileId = winner.profileId;
      out[name] = entry;
    }
  }
  return out;
}

/**
 * The callLegProfile in force for a leg that walks `levels` (least specific first): per parameter
 * the last level that sets it, else the blueprint default (`scope: 'default'`, `undefined` value
 * where none is documented). Parameters the table does not know are ignored.
 */
export function resolveCallLegProfile(levels: readonly CallLegLevel[]): ResolvedCallLegProfile {
  return resolveWith(callLegProfileParams, CALL_LEG_PARAMETER_ORDER, levels) as unknown as ResolvedCallLegProfile;
}

/** The same rule for callProfiles (global → tenant → coSpace). */
export function resolveCallProfile(levels: readonly CallProfileLevel[]): ResolvedCallProfile {
  return resolveWith(callProfileParams, CALL_PROFILE_PARAMETER_ORDER, levels) as unknown as ResolvedCallProfile;
}

function pickSettings(table: ParamTable, source: Readonly<Record<string, unknown>> | undefined): Record<string, ParamValue> {
  const settings: Record<string, ParamValue> = {};
  if (source === undefined) return settings;
  for (const name of Object.keys(table)) {
    const value = source[name];
    if (isSet(value)) settings[name] = value;
  }
  return settings;
}

/** The parameters a callLegProfile (as read from CMS) sets, without its id or unknown elements. */
export function callLegSettingsOf(profile: Readonly<Record<string, unknown>> | undefined): CallLegProfileSettings {
  return pickSettings(callLegProfileParams, profile) as CallLegProfileSettings;
}

export function callProfileSettingsOf(profile: Readonly<Record<string, unknown>> | undefined): CallProfileSettings {
  return pickSettings(callProfileParams, profile) as CallProfileSettings;
}
