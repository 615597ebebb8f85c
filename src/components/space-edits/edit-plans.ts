import type { z } from 'zod';
import { editFormSchema, formValuesOf, type EditValues } from '../../api/params/edit-form';
import type { ChangePlan, ChangeStep } from '../../api/changes/types';
import { accessMethodParams } from '../../api/params/access-method';
import { coSpaceParams } from '../../api/params/co-space';
import { coSpaceUserParams, coSpaceUserPermissions } from '../../api/params/co-space-user';
import type { ParamTable } from '../../api/params/param-def';
import type { AccessMethod, CoSpace, CoSpaceUser } from '../../api/params/schemas';
import { beforeValues, putFormFromWire } from '../../api/resources/operations';

/** What a space page edits or deletes: the space, one of its access methods, or one of its members. */
export type EditTarget =
  | { kind: 'space'; space: CoSpace & { id: string } }
  | { kind: 'accessMethod'; spaceId: string; item: AccessMethod & { id: string } }
  | { kind: 'member'; spaceId: string; item: CoSpaceUser & { id: string } };

/** The fields each form offers, in the order shown; everything else stays as CMS has it. */
export const EDIT_FIELDS = {
  space: ['name', 'uri', 'secondaryUri', 'callId', 'passcode', 'defaultLayout', 'nonMemberAccess', 'callLegProfile', 'cdrTag'],
  accessMethod: ['name', 'uri', 'callId', 'passcode', 'scope', 'callLegProfile'],
  member: ['callLegProfile', ...coSpaceUserPermissions],
} as const satisfies Record<EditTarget['kind'], readonly string[]>;

const TABLES: Record<EditTarget['kind'], ParamTable> = { space: coSpaceParams, accessMethod: accessMethodParams, member: coSpaceUserParams };

export function tableOfTarget(target: EditTarget): ParamTable {
  return TABLES[target.kind];
}

export function fieldsOf(target: EditTarget): readonly string[] {
  return EDIT_FIELDS[target.kind];
}

function current(target: EditTarget): Readonly<Record<string, unknown>> {
  return target.kind === 'space' ? target.space : target.item;
}

/** What CMS holds now for the form's fields, as text. */
export function currentValues(target: EditTarget): EditValues {
  return formValuesOf(current(target), fieldsOf(target));
}

/** The form's schema from the parameter table: each value as CMS would take it, '' unsets. */
export function editSchema(target: EditTarget): z.ZodType<EditValues, EditValues> {
  return editFormSchema(tableOfTarget(target), fieldsOf(target));
}

export function targetLabel(target: EditTarget): string {
  if (target.kind === 'space') return `space “${target.space.name ?? target.space.uri ?? target.space.id}”`;
  if (target.kind === 'accessMethod') return `access method ${target.item.name || target.item.uri || (target.item.callId ? `call ID ${target.item.callId}` : target.item.id)}`;
  return `member ${target.item.userJid ?? target.item.id}`;
}

export function targetPath(target: EditTarget): string {
  if (target.kind === 'space') return `/api/v1/coSpaces/${target.space.id}`;
  const collection = target.kind === 'accessMethod' ? 'accessMethods' : 'coSpaceUsers';
  return `/api/v1/coSpaces/${target.spaceId}/${collection}/${target.item.id}`;
}

const spaceIdOf = (target: EditTarget) => (target.kind === 'space' ? target.space.id : target.spaceId);

function editStep(target: EditTarget, changed: EditValues): ChangeStep {
  const title = `Change ${Object.keys(changed).join(', ')} of the ${targetLabel(target)}`;
  switch (target.kind) {
    case 'space': {
      const form = putFormFromWire(coSpaceParams, changed);
      return { key: 'space', title, operation: { op: 'updateSpace', space: target.space.id, form, before: beforeValues(coSpaceParams, target.space, form) } };
    }
    case 'accessMethod': {
      const form = putFormFromWire(accessMethodParams, changed);
      return { key: 'accessMethod', title, operation: { op: 'updateAccessMethod', space: target.spaceId, accessMethod: target.item.id, form, before: beforeValues(accessMethodParams, target.item, form) } };
    }
    case 'member': {
      const form = putFormFromWire(coSpaceUserParams, changed);
      return { key: 'member', title, operation: { op: 'updateSpaceMember', space: target.spaceId, member: target.item.id, form, before: beforeValues(coSpaceUserParams, target.item, form) } };
    }
  }
}

const ORIGIN_NAME = { space: 'space', accessMethod: 'access-method', member: 'member' } as const;

/** One PUT of exactly the changed fields, journaled as the space page's edit. */
export function editPlan(target: EditTarget, changed: EditValues, spaceLabel: string): ChangePlan {
  return {
    origin: { kind: 'page', name: `space/edit-${ORIGIN_NAME[target.kind]}` },
    title: `Edit the ${targetLabel(target)}`,
    spaces: [{ id: spaceIdOf(target), label: spaceLabel }],
    steps: [editStep(target, changed)],
  };
}

/** What else goes with a deleted space: its members and access methods, each deleted on its own first. */
export interface SpaceContents {
  accessMethods: ReadonlyArray<{ id: string }>;
  members: ReadonlyArray<{ id: string; userJid?: string | undefined }>;
}

/**
 * The deletes of a target. A space's members and access methods are deleted one by one before the
 * space (CMS would remove them with it), so the journal holds each one's values and undo brings the
 * space back whole.
 */
export function deletePlan(target: EditTarget, spaceLabel: string, contents: SpaceContents = { accessMethods: [], members: [] }): ChangePlan {
  const spaces = [{ id: spaceIdOf(target), label: spaceLabel }];
  const origin = { kind: 'page' as const, name: `space/delete-${ORIGIN_NAME[target.kind]}` };
  const title = `Delete the ${targetLabel(target)}`;
  switch (target.kind) {
    case 'accessMethod':
      return { origin, title, spaces, steps: [{ key: 'accessMethod', title, operation: { op: 'deleteAccessMethod', space: target.spaceId, accessMethod: target.item.id } }] };
    case 'member':
      return { origin, title, spaces, steps: [{ key: 'member', title, operation: { op: 'deleteSpaceMember', space: target.spaceId, member: target.item.id } }] };
    case 'space': {
      const space = target.space.id;
      const members = contents.members.map((m): ChangeStep => ({ key: `member:${m.id}`, title: `Delete the member ${m.userJid ?? m.id}`, operation: { op: 'deleteSpaceMember', space, member: m.id } }));
      const methods = contents.accessMethods.map((m): ChangeStep => ({ key: `accessMethod:${m.id}`, title: `Delete the access method ${m.id}`, operation: { op: 'deleteAccessMethod', space, accessMethod: m.id } }));
      return { origin, title, spaces, steps: [...members, ...methods, { key: 'space', title, operation: { op: 'deleteSpace', space } }] };
    }
  }
}
