import { callLegProfileParams } from '../api/params/call-leg-profile';
import { formatValue } from '../api/params/schema';

const PARAM_NAMES = Object.keys(callLegProfileParams);

/** The parameters a profile sets, needsActivation first, as `name = value` text. */
export function settingsList(profile: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const name of PARAM_NAMES) {
    if (name === 'name') continue;
    const value = profile[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(`${name} = ${formatValue(value)}`);
  }
  return out;
}

export type ProfileFit = 'fits' | 'wrong-role' | 'inherits';

/** Whether a profile makes its callers guests or hosts as the role needs; unset needsActivation inherits. */
export function profileFit(role: 'guest' | 'host', needsActivation: unknown): ProfileFit {
  if (typeof needsActivation !== 'boolean') return 'inherits';
  return needsActivation === (role === 'guest') ? 'fits' : 'wrong-role';
}

export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
