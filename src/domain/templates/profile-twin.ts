import type { ParamTable } from '../../api/params/param-def';
import { formatValue } from '../../api/params/schema';
import { isSet } from '../profile-resolution/resolve';

export type ProfileSettings = Readonly<Record<string, unknown>>;

/** Ids compare without case, as CMS stores them; every other value as its wire text. */
function wire(table: ParamTable, name: string, value: unknown): string {
  if (!isSet(value)) return '';
  const text = formatValue(value);
  return table[name]?.type === 'id' ? text.toLowerCase() : text;
}

/**
 * A profile that sets exactly the parameters `wanted` sets, to the same values: one that sets one
 * more (or leaves one unset) is a different profile, because an unset parameter inherits from the
 * level above. The same rule the wizard's planner reuses profiles by.
 */
export function findTwin<P extends { id: string } & ProfileSettings>(table: ParamTable, profiles: readonly P[], wanted: ProfileSettings): P | undefined {
  const names = Object.keys(table);
  return profiles.find((profile) => names.every((name) => wire(table, name, profile[name]) === wire(table, name, wanted[name])));
}
