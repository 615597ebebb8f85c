import type { accessMethodParams } from '../params/access-method';
import type { callParams } from '../params/call';
import type { callLegParams } from '../params/call-leg';
import type { callLegProfileParams } from '../params/call-leg-profile';
import type { callProfileParams } from '../params/call-profile';
import type { coSpaceParams } from '../params/co-space';
import type {
  accessMethodTemplateParams,
  coSpaceTemplateParams,
  ldapUserCoSpaceTemplateSourceParams,
  userCoSpaceTemplateParams,
} from '../params/co-space-template';
import type { coSpaceUserParams } from '../params/co-space-user';
import type { cospaceBulkParameterSetParams } from '../params/cospace-bulk-parameter-set';
import type { cospaceBulkSyncParams } from '../params/cospace-bulk-sync';
import type { ParamTable } from '../params/param-def';
import { formatValue, parseFormValue } from '../params/schema';
import type { systemProfilesParams } from '../params/system-profiles';
import type { tenantParams } from '../params/tenant';
import type { CreateForm, WriteForm } from '../params/write-form';
import { bodySchema } from '../params/write-schema';

/**
 * Every write the studio makes, as data: which object, which body, and for a PUT what the changed
 * fields held before. Screens and the wizard build operations; `runOperation` sends one through the
 * resource functions; `operation-facts.ts` tells an engine what each one touches and how to undo it.
 */

/** The id of an object another operation of the same run creates: filled in from its `Location`. */
export interface CreatedRef {
  readonly ref: string;
}

/** An object id CMS already has, or the id an earlier POST of the run creates. */
export type Ref = string | CreatedRef;

export function isCreatedRef(value: unknown): value is CreatedRef {
  return typeof value === 'object' && value !== null && typeof (value as { ref?: unknown }).ref === 'string';
}

type IdKey<T extends ParamTable> = { [K in keyof T & string]: T[K] extends { type: 'id' } ? K : never }[keyof T & string];

/** A form whose object-id parameters may also name an object created earlier in the run. */
export type WithRefs<T extends ParamTable, F> = { [K in keyof F]: K extends IdKey<T> ? F[K] | CreatedRef : F[K] };

type Put<T extends ParamTable> = { form: WithRefs<T, WriteForm<T>>; before: WriteForm<T> };
type Post<T extends ParamTable> = { form: WithRefs<T, CreateForm<T>> };

/** The operations by name, with what each carries besides `op`. */
export interface OperationMap {
  createSpace: Post<typeof coSpaceParams>;
  updateSpace: { space: Ref } & Put<typeof coSpaceParams>;
  deleteSpace: { space: Ref };
  createAccessMethod: { space: Ref } & Post<typeof accessMethodParams>;
  updateAccessMethod: { space: Ref; accessMethod: Ref } & Put<typeof accessMethodParams>;
  deleteAccessMethod: { space: Ref; accessMethod: Ref };
  createSpaceMember: { space: Ref } & Post<typeof coSpaceUserParams>;
  updateSpaceMember: { space: Ref; member: Ref } & Put<typeof coSpaceUserParams>;
  deleteSpaceMember: { space: Ref; member: Ref };
  createCallLegProfile: Post<typeof callLegProfileParams>;
  deleteCallLegProfile: { callLegProfile: Ref };
  createCallProfile: Post<typeof callProfileParams>;
  deleteCallProfile: { callProfile: Ref };
  updateTenant: { tenant: Ref } & Put<typeof tenantParams>;
  updateSystemProfiles: Put<typeof systemProfilesParams>;
  createCall: Post<typeof callParams>;
  deleteCall: { call: Ref };
  createCallLeg: { call: Ref } & Post<typeof callLegParams>;
  deleteCallLeg: { callLeg: Ref };
  createBulkParameterSet: Post<typeof cospaceBulkParameterSetParams>;
  deleteBulkParameterSet: { set: Ref };
  startBulkSync: Post<typeof cospaceBulkSyncParams>;
  createCoSpaceTemplate: Post<typeof coSpaceTemplateParams>;
  updateCoSpaceTemplate: { template: Ref } & Put<typeof coSpaceTemplateParams>;
  deleteCoSpaceTemplate: { template: Ref };
  createAccessMethodTemplate: { template: Ref } & Post<typeof accessMethodTemplateParams>;
  updateAccessMethodTemplate: { template: Ref; accessMethodTemplate: Ref } & Put<typeof accessMethodTemplateParams>;
  deleteAccessMethodTemplate: { template: Ref; accessMethodTemplate: Ref };
  assignCoSpaceTemplate: { user: Ref } & Post<typeof userCoSpaceTemplateParams>;
  withdrawCoSpaceTemplate: { user: Ref; assignment: Ref };
  createLdapTemplateSource: Post<typeof ldapUserCoSpaceTemplateSourceParams>;
  deleteLdapTemplateSource: { source: Ref };
}

export type OperationName = keyof OperationMap;
export type OperationOf<K extends OperationName> = { op: K } & OperationMap[K];

/** One write, told apart by `op`: `{ op: 'createAccessMethod', space, form }`. */
export type Operation = { [K in OperationName]: OperationOf<K> }[OperationName];

/** Wire text of a planned form: `{name}` is a ref to what the run creates, '' unsets, the rest reads as CMS reads it. */
const REF_TEXT = /^\{([^{}]+)\}$/;

function fromWireText(table: ParamTable, fields: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(fields)) {
    const def = table[name];
    const refName = REF_TEXT.exec(text)?.[1];
    if (def?.type === 'id' && refName !== undefined) out[name] = { ref: refName };
    else if (def && text !== '') {
      const parsed = parseFormValue(def, text);
      out[name] = parsed.ok ? (parsed.value ?? '') : text;
    } else out[name] = text;
  }
  return out;
}

const placeholders = { isPlaceholder: isCreatedRef };

/** A PUT form from wire text, checked against the table (a ref may stand for any object id). */
export function putFormFromWire<const T extends ParamTable>(table: T, fields: Readonly<Record<string, string>>): WithRefs<T, WriteForm<T>> {
  return bodySchema<WithRefs<T, WriteForm<T>>>(table, 'PUT', placeholders).parse(fromWireText(table, fields));
}

/** A POST form from wire text, checked against the table: the mandatory parameters must be there. */
export function postFormFromWire<const T extends ParamTable>(table: T, fields: Readonly<Record<string, string>>): WithRefs<T, CreateForm<T>> {
  return bodySchema<WithRefs<T, CreateForm<T>>>(table, 'POST', placeholders).parse(fromWireText(table, fields));
}

/** What a PUT's `before` holds: the values CMS had, read as CMS reads them but not judged (CMS accepted them once). */
export function beforeFromWire<const T extends ParamTable>(table: T, fields: Readonly<Record<string, string>>): WriteForm<T> {
  return bodySchema<WriteForm<T>>(table, 'PUT', { checkValues: false }).parse(fromWireText(table, fields));
}

/**
 * A PUT's `before` from the object as read: what it holds for exactly the fields `form` sends
 * ('' where unset). Write-only fields (regenerateSecret) have no before: no read shows them.
 */
export function beforeValues<const T extends ParamTable>(table: T, current: Readonly<Record<string, unknown>>, form: object): WriteForm<T> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (value === undefined || table[name]?.access === 'writeOnly') continue;
    const was = current[name];
    fields[name] = typeof was === 'string' || typeof was === 'number' || typeof was === 'boolean' ? formatValue(was) : '';
  }
  return beforeFromWire(table, fields);
}
