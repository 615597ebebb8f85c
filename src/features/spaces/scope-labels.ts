import type { CallLegScope } from '../../domain/profile-resolution/model';

export type SourceScope = CallLegScope | 'default';

/** The words support staff use for each level: the column names of the matrix. */
export const SCOPE_LABELS: Readonly<Record<SourceScope, string>> = {
  global: 'System',
  tenant: 'Tenant',
  coSpace: 'Space',
  accessMethod: 'Access method',
  coSpaceUser: 'Member',
  callOut: 'Call out',
  callLeg: 'Call leg',
  default: 'CMS default',
};

/** `true`, `42`, `speakerOnly`; undefined as "not set". */
export function formatParamValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'not set';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
