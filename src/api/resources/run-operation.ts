import { formIssues } from '../params/write-schema';
import { apiPath } from '../transport/client';
import { CmsError } from '../transport/errors';
import { createBulkParameterSet, deleteBulkParameterSet, startBulkSync } from './bulk';
import { createCallLegProfile, deleteCallLegProfile } from './call-leg-profiles';
import { createCallProfile, deleteCallProfile } from './call-profiles';
import {
  assignCoSpaceTemplate,
  createAccessMethodTemplate,
  createCoSpaceTemplate,
  createLdapUserCoSpaceTemplateSource,
  deleteAccessMethodTemplate,
  deleteCoSpaceTemplate,
  deleteLdapUserCoSpaceTemplateSource,
  updateAccessMethodTemplate,
  updateCoSpaceTemplate,
  withdrawCoSpaceTemplate,
} from './co-space-templates';
import { createCall, createCallLeg, deleteCall, deleteCallLeg } from './calls';
import { pendingRefs, resolveForm, tableOf, targetOf } from './operation-facts';
import { isCreatedRef, type Operation, type OperationName, type OperationOf, type Ref } from './operations';
import {
  createAccessMethod,
  createSpace,
  createSpaceMember,
  deleteAccessMethod,
  deleteSpace,
  deleteSpaceMember,
  updateAccessMethod,
  updateSpace,
  updateSpaceMember,
} from './spaces';
import { updateSystemProfiles } from './system';
import { updateTenant } from './tenants';

type IdOf = (ref: Ref) => string;
type Runner<K extends OperationName> = (op: OperationOf<K>, id: IdOf, signal?: AbortSignal) => Promise<string | void>;

/** Each operation through its resource function: a POST answers the new id (from `Location`). */
const runners: { [K in OperationName]: Runner<K> } = {
  createSpace: (op, id, signal) => createSpace(resolveForm(op.form, id), signal),
  updateSpace: (op, id, signal) => updateSpace(id(op.space), resolveForm(op.form, id), signal),
  deleteSpace: (op, id, signal) => deleteSpace(id(op.space), signal),
  createAccessMethod: (op, id, signal) => createAccessMethod(id(op.space), resolveForm(op.form, id), signal),
  updateAccessMethod: (op, id, signal) => updateAccessMethod(id(op.space), id(op.accessMethod), resolveForm(op.form, id), signal),
  deleteAccessMethod: (op, id, signal) => deleteAccessMethod(id(op.space), id(op.accessMethod), signal),
  createSpaceMember: (op, id, signal) => createSpaceMember(id(op.space), resolveForm(op.form, id), signal),
  updateSpaceMember: (op, id, signal) => updateSpaceMember(id(op.space), id(op.member), resolveForm(op.form, id), signal),
  deleteSpaceMember: (op, id, signal) => deleteSpaceMember(id(op.space), id(op.member), signal),
  createCallLegProfile: (op, id, signal) => createCallLegProfile(resolveForm(op.form, id), signal),
  deleteCallLegProfile: (op, id, signal) => deleteCallLegProfile(id(op.callLegProfile), signal),
  createCallProfile: (op, id, signal) => createCallProfile(resolveForm(op.form, id), signal),
  deleteCallProfile: (op, id, signal) => deleteCallProfile(id(op.callProfile), signal),
  updateTenant: (op, id, signal) => updateTenant(id(op.tenant), resolveForm(op.form, id), signal),
  updateSystemProfiles: (op, id, signal) => updateSystemProfiles(resolveForm(op.form, id), signal),
  createCall: (op, id, signal) => createCall(resolveForm(op.form, id), signal),
  deleteCall: (op, id, signal) => deleteCall(id(op.call), signal),
  createCallLeg: (op, id, signal) => createCallLeg(id(op.call), resolveForm(op.form, id), signal),
  deleteCallLeg: (op, id, signal) => deleteCallLeg(id(op.callLeg), signal),
  createBulkParameterSet: (op, id, signal) => createBulkParameterSet(resolveForm(op.form, id), signal),
  deleteBulkParameterSet: (op, id, signal) => deleteBulkParameterSet(id(op.set), signal),
  startBulkSync: (op, id, signal) => startBulkSync(resolveForm(op.form, id), signal),
  createCoSpaceTemplate: (op, id, signal) => createCoSpaceTemplate(resolveForm(op.form, id), signal),
  updateCoSpaceTemplate: (op, id, signal) => updateCoSpaceTemplate(id(op.template), resolveForm(op.form, id), signal),
  deleteCoSpaceTemplate: (op, id, signal) => deleteCoSpaceTemplate(id(op.template), signal),
  createAccessMethodTemplate: (op, id, signal) => createAccessMethodTemplate(id(op.template), resolveForm(op.form, id), signal),
  updateAccessMethodTemplate: (op, id, signal) =>
    updateAccessMethodTemplate(id(op.template), id(op.accessMethodTemplate), resolveForm(op.form, id), signal),
  deleteAccessMethodTemplate: (op, id, signal) => deleteAccessMethodTemplate(id(op.template), id(op.accessMethodTemplate), signal),
  assignCoSpaceTemplate: (op, id, signal) => assignCoSpaceTemplate(id(op.user), resolveForm(op.form, id), signal),
  withdrawCoSpaceTemplate: (op, id, signal) => withdrawCoSpaceTemplate(id(op.user), id(op.assignment), signal),
  createLdapTemplateSource: (op, id, signal) => createLdapUserCoSpaceTemplateSource(resolveForm(op.form, id), signal),
  deleteLdapTemplateSource: (op, id, signal) => deleteLdapUserCoSpaceTemplateSource(id(op.source), signal),
};

function run<K extends OperationName>(op: OperationOf<K>, id: IdOf, signal?: AbortSignal): Promise<string | void> {
  return runners[op.op](op, id, signal);
}

/**
 * Throws, as CMS would answer, when an operation cannot be sent: a ref no earlier write created, or
 * a form CMS would refuse (like its `parameterError`, on the same fields, said as not sent).
 */
export function checkOperation(op: Operation, ids: Readonly<Record<string, string>> = {}): void {
  const { method, path } = targetOf(op);
  const unknown = pendingRefs(op).find((name) => ids[name] === undefined);
  if (unknown !== undefined) {
    throw new CmsError({
      kind: 'http',
      method,
      path: apiPath(path.replace(/\{[^{}]+\}/g, '_')),
      message: `The id of "${unknown}" is not known: no earlier request of this plan created it.`,
    });
  }
  const id: IdOf = (ref) => (isCreatedRef(ref) ? (ids[ref.ref] ?? ref.ref) : ref);
  const table = tableOf(op);
  if (table && 'form' in op && method !== 'DELETE') {
    const issues = formIssues(table, resolveForm(op.form, id), method === 'POST' ? 'POST' : 'PUT');
    if (issues.length > 0) {
      throw new CmsError({
        kind: 'http',
        method,
        path: apiPath(path.replace(/\{([^{}]+)\}/g, (_whole, name: string) => ids[name] ?? name)),
        failures: issues.map((issue) => ({ code: 'parameterError', parameter: issue.name, error: issue.error })),
        message: `Not sent: CMS would refuse it. ${issues.map((issue) => issue.message).join(' ')}`,
      });
    }
  }
}

/**
 * Sends one operation, after `checkOperation`. `ids` fills in refs to objects earlier operations of
 * the run created. Answers the new object's id for a POST. Screens do not call this: every write
 * goes through the change engine (src/api/changes), which journals it and settles lost answers.
 */
export async function runOperation(op: Operation, ids: Readonly<Record<string, string>> = {}, signal?: AbortSignal): Promise<{ id?: string }> {
  checkOperation(op, ids);
  const id: IdOf = (ref) => (isCreatedRef(ref) ? (ids[ref.ref] ?? ref.ref) : ref);
  const created = await run(op, id, signal);
  return typeof created === 'string' ? { id: created } : {};
}
