import { accessMethodParams } from '../params/access-method';
import { callParams } from '../params/call';
import { callLegParams } from '../params/call-leg';
import { callLegProfileParams } from '../params/call-leg-profile';
import { callProfileParams } from '../params/call-profile';
import { coSpaceParams } from '../params/co-space';
import { accessMethodTemplateParams, coSpaceTemplateParams, ldapUserCoSpaceTemplateSourceParams, userCoSpaceTemplateParams } from '../params/co-space-template';
import { coSpaceUserParams } from '../params/co-space-user';
import { cospaceBulkParameterSetParams } from '../params/cospace-bulk-parameter-set';
import { cospaceBulkSyncParams } from '../params/cospace-bulk-sync';
import type { ParamTable } from '../params/param-def';
import { formatValue } from '../params/schema';
import { systemProfilesParams } from '../params/system-profiles';
import { tenantParams } from '../params/tenant';
import { isCreatedRef, type CreatedRef, type Operation, type OperationName, type OperationOf, type Ref } from './operations';

/** The CMS objects the studio writes; `systemProfiles` is the one `/system/profiles` object. */
export type WrittenKind =
  | 'coSpace'
  | 'accessMethod'
  | 'coSpaceUser'
  | 'callLegProfile'
  | 'callProfile'
  | 'tenant'
  | 'systemProfiles'
  | 'call'
  | 'callLeg'
  | 'cospaceBulkParameterSet'
  | 'cospaceBulkSync'
  | 'coSpaceTemplate'
  | 'accessMethodTemplate'
  | 'userCoSpaceTemplate'
  | 'ldapUserCoSpaceTemplateSource';

export type WriteMethod = 'POST' | 'PUT' | 'DELETE';

interface OperationSpec<K extends OperationName> {
  kind: WrittenKind;
  method: WriteMethod;
  /** the table the form is checked against (POST and PUT) */
  table?: ParamTable;
  /** POST: the collection; PUT and DELETE: the object. Relative to /api/v1, refs as `{name}`. */
  path: (op: OperationOf<K>) => string;
  /** POST: the form fields that tell the new object apart from every other one (for reconciliation) */
  unique?: readonly string[];
  /** the operation that undoes it, from what was sent (refs filled in) and, for a POST, the new id */
  inverse: (sent: OperationOf<K>, createdId: string | undefined) => Operation | undefined;
}

/** A ref as text: the id, or `{name}` while the object that gets it is not created yet. */
export function refText(ref: Ref): string {
  return isCreatedRef(ref) ? `{${ref.ref}}` : ref;
}

const space = (op: { space: Ref }) => `/coSpaces/${refText(op.space)}`;
const template = (op: { template: Ref }) => `/coSpaceTemplates/${refText(op.template)}`;
const accessMethodTemplate = (op: { template: Ref; accessMethodTemplate: Ref }) => `${template(op)}/accessMethodTemplates/${refText(op.accessMethodTemplate)}`;
const userTemplates = (op: { user: Ref }) => `/users/${refText(op.user)}/userCoSpaceTemplates`;
const created = <T>(id: string | undefined, make: (id: string) => T): T | undefined => (id === undefined ? undefined : make(id));

type NoRefs<F> = { [K in keyof F]: Exclude<F[K], CreatedRef> };

/** A form with every ref replaced by its id (`id` throws for a ref not created yet). */
export function resolveForm<F extends object>(form: F, id: (ref: Ref) => string): NoRefs<F> {
  const out = { ...form };
  for (const key of Object.keys(out) as Array<keyof F>) {
    const value = out[key];
    if (isCreatedRef(value)) out[key] = id(value) as F[keyof F];
  }
  return out as NoRefs<F>;
}

const asSent = (ref: Ref) => {
  if (isCreatedRef(ref)) throw new TypeError(`The id of "${ref.ref}" is not known: undo needs the operation as it was sent.`);
  return ref;
};

/** A PUT's undo: the previous values back, and the values sent as what it replaces. Write-only fields cannot come back. */
function putBack<F extends object, B extends object>(table: ParamTable, form: F, before: B): { form: B; before: NoRefs<F> } {
  const sent = resolveForm(form, asSent);
  for (const key of Object.keys(sent) as Array<keyof F & string>) if (table[key]?.access === 'writeOnly') delete sent[key];
  return { form: before, before: sent };
}

const specs: { [K in OperationName]: OperationSpec<K> } = {
  createSpace: {
    kind: 'coSpace',
    method: 'POST',
    table: coSpaceParams,
    path: () => '/coSpaces',
    unique: ['uri', 'secondaryUri', 'callId'],
    inverse: (_sent, id) => created(id, (space) => ({ op: 'deleteSpace', space })),
  },
  updateSpace: {
    kind: 'coSpace',
    method: 'PUT',
    table: coSpaceParams,
    path: space,
    inverse: (sent) => ({ op: 'updateSpace', space: sent.space, ...putBack(coSpaceParams, sent.form, sent.before) }),
  },
  deleteSpace: { kind: 'coSpace', method: 'DELETE', path: space, inverse: () => undefined },
  createAccessMethod: {
    kind: 'accessMethod',
    method: 'POST',
    table: accessMethodParams,
    path: (op) => `${space(op)}/accessMethods`,
    // Access methods of one space may share a URI or call ID when their passcodes differ.
    unique: ['uri', 'callId', 'passcode'],
    inverse: (sent, id) => created(id, (accessMethod) => ({ op: 'deleteAccessMethod', space: sent.space, accessMethod })),
  },
  updateAccessMethod: {
    kind: 'accessMethod',
    method: 'PUT',
    table: accessMethodParams,
    path: (op) => `${space(op)}/accessMethods/${refText(op.accessMethod)}`,
    inverse: (sent) => ({ op: 'updateAccessMethod', space: sent.space, accessMethod: sent.accessMethod, ...putBack(accessMethodParams, sent.form, sent.before) }),
  },
  deleteAccessMethod: { kind: 'accessMethod', method: 'DELETE', path: (op) => `${space(op)}/accessMethods/${refText(op.accessMethod)}`, inverse: () => undefined },
  createSpaceMember: {
    kind: 'coSpaceUser',
    method: 'POST',
    table: coSpaceUserParams,
    path: (op) => `${space(op)}/coSpaceUsers`,
    unique: ['userJid'],
    inverse: (sent, id) => created(id, (member) => ({ op: 'deleteSpaceMember', space: sent.space, member })),
  },
  updateSpaceMember: {
    kind: 'coSpaceUser',
    method: 'PUT',
    table: coSpaceUserParams,
    path: (op) => `${space(op)}/coSpaceUsers/${refText(op.member)}`,
    inverse: (sent) => ({ op: 'updateSpaceMember', space: sent.space, member: sent.member, ...putBack(coSpaceUserParams, sent.form, sent.before) }),
  },
  deleteSpaceMember: { kind: 'coSpaceUser', method: 'DELETE', path: (op) => `${space(op)}/coSpaceUsers/${refText(op.member)}`, inverse: () => undefined },
  createCallLegProfile: {
    kind: 'callLegProfile',
    method: 'POST',
    table: callLegProfileParams,
    path: () => '/callLegProfiles',
    inverse: (_sent, id) => created(id, (callLegProfile) => ({ op: 'deleteCallLegProfile', callLegProfile })),
  },
  deleteCallLegProfile: { kind: 'callLegProfile', method: 'DELETE', path: (op) => `/callLegProfiles/${refText(op.callLegProfile)}`, inverse: () => undefined },
  createCallProfile: {
    kind: 'callProfile',
    method: 'POST',
    table: callProfileParams,
    path: () => '/callProfiles',
    inverse: (_sent, id) => created(id, (callProfile) => ({ op: 'deleteCallProfile', callProfile })),
  },
  deleteCallProfile: { kind: 'callProfile', method: 'DELETE', path: (op) => `/callProfiles/${refText(op.callProfile)}`, inverse: () => undefined },
  updateTenant: {
    kind: 'tenant',
    method: 'PUT',
    table: tenantParams,
    path: (op) => `/tenants/${refText(op.tenant)}`,
    inverse: (sent) => ({ op: 'updateTenant', tenant: sent.tenant, ...putBack(tenantParams, sent.form, sent.before) }),
  },
  updateSystemProfiles: {
    kind: 'systemProfiles',
    method: 'PUT',
    table: systemProfilesParams,
    path: () => '/system/profiles',
    inverse: (sent) => ({ op: 'updateSystemProfiles', ...putBack(systemProfilesParams, sent.form, sent.before) }),
  },
  createCall: {
    kind: 'call',
    method: 'POST',
    table: callParams,
    path: () => '/calls',
    unique: ['coSpace'],
    inverse: (_sent, id) => created(id, (call) => ({ op: 'deleteCall', call })),
  },
  deleteCall: { kind: 'call', method: 'DELETE', path: (op) => `/calls/${refText(op.call)}`, inverse: () => undefined },
  createCallLeg: {
    kind: 'callLeg',
    method: 'POST',
    table: callLegParams,
    path: (op) => `/calls/${refText(op.call)}/callLegs`,
    unique: ['remoteParty'],
    inverse: (_sent, id) => created(id, (callLeg) => ({ op: 'deleteCallLeg', callLeg })),
  },
  deleteCallLeg: { kind: 'callLeg', method: 'DELETE', path: (op) => `/callLegs/${refText(op.callLeg)}`, inverse: () => undefined },
  createBulkParameterSet: {
    kind: 'cospaceBulkParameterSet',
    method: 'POST',
    table: cospaceBulkParameterSetParams,
    path: () => '/cospaceBulkParameterSets',
    inverse: (_sent, id) => created(id, (set) => ({ op: 'deleteBulkParameterSet', set })),
  },
  deleteBulkParameterSet: { kind: 'cospaceBulkParameterSet', method: 'DELETE', path: (op) => `/cospaceBulkParameterSets/${refText(op.set)}`, inverse: () => undefined },
  // A sync creates, replaces or removes spaces in the background: there is no single undo.
  startBulkSync: { kind: 'cospaceBulkSync', method: 'POST', table: cospaceBulkSyncParams, path: () => '/cospaceBulkSyncs', inverse: () => undefined },
  // CMS keeps no template attribute unique (names may repeat): a lost answer is settled by the ids new since.
  createCoSpaceTemplate: {
    kind: 'coSpaceTemplate',
    method: 'POST',
    table: coSpaceTemplateParams,
    path: () => '/coSpaceTemplates',
    inverse: (_sent, id) => created(id, (template) => ({ op: 'deleteCoSpaceTemplate', template })),
  },
  updateCoSpaceTemplate: {
    kind: 'coSpaceTemplate',
    method: 'PUT',
    table: coSpaceTemplateParams,
    path: template,
    inverse: (sent) => ({ op: 'updateCoSpaceTemplate', template: sent.template, ...putBack(coSpaceTemplateParams, sent.form, sent.before) }),
  },
  // CMS deletes the template's access method templates, user assignments and LDAP sources with it.
  deleteCoSpaceTemplate: { kind: 'coSpaceTemplate', method: 'DELETE', path: template, inverse: () => undefined },
  createAccessMethodTemplate: {
    kind: 'accessMethodTemplate',
    method: 'POST',
    table: accessMethodTemplateParams,
    path: (op) => `${template(op)}/accessMethodTemplates`,
    inverse: (sent, id) => created(id, (made) => ({ op: 'deleteAccessMethodTemplate', template: sent.template, accessMethodTemplate: made })),
  },
  updateAccessMethodTemplate: {
    kind: 'accessMethodTemplate',
    method: 'PUT',
    table: accessMethodTemplateParams,
    path: accessMethodTemplate,
    inverse: (sent) => ({
      op: 'updateAccessMethodTemplate',
      template: sent.template,
      accessMethodTemplate: sent.accessMethodTemplate,
      ...putBack(accessMethodTemplateParams, sent.form, sent.before),
    }),
  },
  deleteAccessMethodTemplate: { kind: 'accessMethodTemplate', method: 'DELETE', path: accessMethodTemplate, inverse: () => undefined },
  assignCoSpaceTemplate: {
    kind: 'userCoSpaceTemplate',
    method: 'POST',
    table: userCoSpaceTemplateParams,
    path: userTemplates,
    // A user holds a template once (duplicateUserCoSpaceTemplate).
    unique: ['coSpaceTemplate'],
    inverse: (sent, id) => created(id, (assignment) => ({ op: 'withdrawCoSpaceTemplate', user: sent.user, assignment })),
  },
  withdrawCoSpaceTemplate: { kind: 'userCoSpaceTemplate', method: 'DELETE', path: (op) => `${userTemplates(op)}/${refText(op.assignment)}`, inverse: () => undefined },
  createLdapTemplateSource: {
    kind: 'ldapUserCoSpaceTemplateSource',
    method: 'POST',
    table: ldapUserCoSpaceTemplateSourceParams,
    path: () => '/ldapUserCoSpaceTemplateSources',
    inverse: (_sent, id) => created(id, (source) => ({ op: 'deleteLdapTemplateSource', source })),
  },
  deleteLdapTemplateSource: {
    kind: 'ldapUserCoSpaceTemplateSource',
    method: 'DELETE',
    path: (op) => `/ldapUserCoSpaceTemplateSources/${refText(op.source)}`,
    inverse: () => undefined,
  },
};

function specOf<K extends OperationName>(op: OperationOf<K>): OperationSpec<K> {
  return specs[op.op];
}

export interface OperationTarget {
  kind: WrittenKind;
  method: WriteMethod;
  /** POST: the collection; PUT and DELETE: the object. Relative to /api/v1; a ref not created yet is `{name}`. */
  path: string;
}

/** What an operation writes: the kind of object, the method and the path. */
export function targetOf(op: Operation): OperationTarget {
  const spec = specOf(op);
  return { kind: spec.kind, method: spec.method, path: spec.path(op) };
}

/** The parameter table an operation's form is checked against; undefined for a DELETE. */
export function tableOf(op: Operation): ParamTable | undefined {
  return specOf(op).table;
}

/** A typed value as it goes on the wire; a ref not created yet as `{name}`. */
export function wireText(value: unknown): string {
  if (isCreatedRef(value)) return refText(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return formatValue(value);
  return '';
}

function wireOfForm(form: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) if (value !== undefined) out[name] = wireText(value);
  return out;
}

/** The body as it is sent ({} for a DELETE), in wire text. */
export function wireForm(op: Operation): Record<string, string> {
  return 'form' in op ? wireOfForm(op.form) : {};
}

/** PUT: what exactly the fields it changes held before ('' where they were unset); undefined otherwise. */
export function beforeOf(op: Operation): Record<string, string> | undefined {
  return 'before' in op ? wireOfForm(op.before) : undefined;
}

/**
 * POST: the attributes CMS keeps unique that the new object will carry (a space's URI and call ID,
 * an access method's URI, call ID and passcode, a member's userJid, a call's space, a dial-out's
 * remote party, the template a user is given). After a lost answer, a read that finds an object with them tells whether the POST
 * took effect. Empty when the kind has none (profiles, parameter sets): a read can only compare settings.
 */
export function uniqueAttributesOf(op: Operation): Record<string, string> {
  const unique = specOf(op).unique ?? [];
  const form = wireForm(op);
  return Object.fromEntries(unique.filter((name) => form[name] !== undefined && form[name] !== '').map((name) => [name, form[name] ?? '']));
}

/**
 * The operation that undoes `sent` (as sent: refs filled in): a DELETE of what a POST created
 * (`createdId` from its Location), a PUT of the previous values for a PUT. Undefined when CMS has
 * no undo for it: a DELETE (CMS cannot recreate an object with its id) or a bulk sync.
 */
export function inverseOf(sent: Operation, createdId?: string): Operation | undefined {
  return specOf(sent).inverse(sent, createdId);
}

/** Form fields whose effect no inverse can take back (a regenerated secret, an assigned call ID). */
export function irreversibleFields(op: Operation): string[] {
  const table = tableOf(op);
  if (!table || !('form' in op)) return [];
  return Object.entries(op.form)
    .filter(([name, value]) => value !== undefined && value !== false && table[name]?.access === 'writeOnly')
    .map(([name]) => name);
}

/** The names of the objects an operation refers to that a run has yet to create. */
export function pendingRefs(op: Operation): string[] {
  const values = [...Object.values(op), ...('form' in op ? Object.values(op.form) : [])];
  return values.filter(isCreatedRef).map((ref) => ref.ref);
}

/** The operation with every ref whose id is known filled in. */
export function withIds(op: Operation, ids: Readonly<Record<string, string>>): Operation {
  const fill = (ref: Ref): Ref => (isCreatedRef(ref) && ids[ref.ref] !== undefined ? (ids[ref.ref] ?? ref) : ref);
  const out = { ...op };
  for (const key of Object.keys(out) as Array<keyof typeof out>) {
    const value = out[key];
    if (isCreatedRef(value)) Object.assign(out, { [key]: fill(value) });
  }
  if ('form' in out) Object.assign(out, { form: fillForm(out.form, fill) });
  return out;
}

function fillForm<F extends object>(form: F, fill: (ref: Ref) => Ref): F {
  const out = { ...form };
  for (const key of Object.keys(out) as Array<keyof F>) {
    const value = out[key];
    if (isCreatedRef(value)) out[key] = fill(value) as F[keyof F];
  }
  return out;
}
