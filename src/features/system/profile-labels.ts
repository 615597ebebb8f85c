import type { CallLegProfile, CallProfile } from '../../api/params/schemas';

export const NONE = '(none: the levels above, or the CMS defaults, apply)';


const CALL_PROFILE_SUMMARY: ReadonlyArray<keyof CallProfile> = ['passcodeMode', 'passcodeTimeout', 'participantLimit', 'recordingMode', 'streamingMode', 'lockMode'];
const LEG_PROFILE_SUMMARY: ReadonlyArray<keyof CallLegProfile> = ['needsActivation', 'defaultLayout', 'deactivationMode', 'deactivationModeTime', 'presentationContributionAllowed'];

/** Lab profiles have no names: a few of the settings tell them apart. */
export function legProfileLabel(p: CallLegProfile): string {
  if (p.name) return `${p.name} (${p.id})`;
  const summary = LEG_PROFILE_SUMMARY.flatMap((k) => (p[k] === undefined ? [] : [`${k} ${String(p[k])}`])).join(', ');
  return summary ? `${p.id} (${summary})` : (p.id ?? '?');
}

export function callProfileLabel(p: CallProfile): string {
  const summary = CALL_PROFILE_SUMMARY.flatMap((k) => (p[k] === undefined ? [] : [`${k} ${String(p[k])}`])).join(', ');
  return summary ? `${p.id} (${summary})` : (p.id ?? '?');
}
