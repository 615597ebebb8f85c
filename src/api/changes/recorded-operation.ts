import { z } from 'zod';
import { accessMethodParams } from '../params/access-method';
import { callLegParams } from '../params/call-leg';
import { callLegProfileParams } from '../params/call-leg-profile';
import { callParams } from '../params/call';
import { callProfileParams } from '../params/call-profile';
import { coSpaceParams } from '../params/co-space';
import { accessMethodTemplateParams, coSpaceTemplateParams, ldapUserCoSpaceTemplateSourceParams, userCoSpaceTemplateParams } from '../params/co-space-template';
import { coSpaceUserParams } from '../params/co-space-user';
import { cospaceBulkParameterSetParams } from '../params/cospace-bulk-parameter-set';
import { cospaceBulkSyncParams } from '../params/cospace-bulk-sync';
import type { ParamTable } from '../params/param-def';
import { systemProfilesParams } from '../params/system-profiles';
import { tenantParams } from '../params/tenant';
import { beforeFromWire, postFormFromWire, putFormFromWire, type Operation, type OperationName, type OperationOf } from '../resources/operations';
import type { FieldValues, JournalWrite } from '../wire/journal-contract';

/** What the journal keeps of a write that undo needs to rebuild its operation. */
export type RecordedWrite = Pick<JournalWrite, 'operation' | 'form' | 'before'>;

const idText = z.string().min(1);

/** Reads the recorded operation's ids and its forms as wire text, checked against the parameter table as CMS would. */
class Recorded {
  private readonly json: Record<string, unknown>;
  constructor(private readonly write: RecordedWrite) {
    this.json = z.record(z.string(), z.unknown()).parse(write.operation.json);
  }
  id(name: string): string {
    return idText.parse(this.json[name], { error: () => `the recorded operation names no ${name}` });
  }
  post<const T extends ParamTable>(table: T) {
    return postFormFromWire(table, this.write.form);
  }
  put<const T extends ParamTable>(table: T) {
    return { form: putFormFromWire(table, this.write.form), before: beforeFromWire(table, wireOf(this.write.before)) };
  }
}

/** The journal's values (null: unset) as wire text ('' unsets). */
export function wireOf(values: FieldValues | null): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, value ?? '']));
}

const rebuild: { [K in OperationName]: (r: Recorded) => OperationOf<K> } = {
  createSpace: (r) => ({ op: 'createSpace', form: r.post(coSpaceParams) }),
  updateSpace: (r) => ({ op: 'updateSpace', space: r.id('space'), ...r.put(coSpaceParams) }),
  deleteSpace: (r) => ({ op: 'deleteSpace', space: r.id('space') }),
  createAccessMethod: (r) => ({ op: 'createAccessMethod', space: r.id('space'), form: r.post(accessMethodParams) }),
  updateAccessMethod: (r) => ({ op: 'updateAccessMethod', space: r.id('space'), accessMethod: r.id('accessMethod'), ...r.put(accessMethodParams) }),
  deleteAccessMethod: (r) => ({ op: 'deleteAccessMethod', space: r.id('space'), accessMethod: r.id('accessMethod') }),
  createSpaceMember: (r) => ({ op: 'createSpaceMember', space: r.id('space'), form: r.post(coSpaceUserParams) }),
  updateSpaceMember: (r) => ({ op: 'updateSpaceMember', space: r.id('space'), member: r.id('member'), ...r.put(coSpaceUserParams) }),
  deleteSpaceMember: (r) => ({ op: 'deleteSpaceMember', space: r.id('space'), member: r.id('member') }),
  createCallLegProfile: (r) => ({ op: 'createCallLegProfile', form: r.post(callLegProfileParams) }),
  deleteCallLegProfile: (r) => ({ op: 'deleteCallLegProfile', callLegProfile: r.id('callLegProfile') }),
  createCallProfile: (r) => ({ op: 'createCallProfile', form: r.post(callProfileParams) }),
  deleteCallProfile: (r) => ({ op: 'deleteCallProfile', callProfile: r.id('callProfile') }),
  updateTenant: (r) => ({ op: 'updateTenant', tenant: r.id('tenant'), ...r.put(tenantParams) }),
  updateSystemProfiles: (r) => ({ op: 'updateSystemProfiles', ...r.put(systemProfilesParams) }),
  createCall: (r) => ({ op: 'createCall', form: r.post(callParams) }),
  deleteCall: (r) => ({ op: 'deleteCall', call: r.id('call') }),
  createCallLeg: (r) => ({ op: 'createCallLeg', call: r.id('call'), form: r.post(callLegParams) }),
  deleteCallLeg: (r) => ({ op: 'deleteCallLeg', callLeg: r.id('callLeg') }),
  createBulkParameterSet: (r) => ({ op: 'createBulkParameterSet', form: r.post(cospaceBulkParameterSetParams) }),
  deleteBulkParameterSet: (r) => ({ op: 'deleteBulkParameterSet', set: r.id('set') }),
  startBulkSync: (r) => ({ op: 'startBulkSync', form: r.post(cospaceBulkSyncParams) }),
  createCoSpaceTemplate: (r) => ({ op: 'createCoSpaceTemplate', form: r.post(coSpaceTemplateParams) }),
  updateCoSpaceTemplate: (r) => ({ op: 'updateCoSpaceTemplate', template: r.id('template'), ...r.put(coSpaceTemplateParams) }),
  deleteCoSpaceTemplate: (r) => ({ op: 'deleteCoSpaceTemplate', template: r.id('template') }),
  createAccessMethodTemplate: (r) => ({ op: 'createAccessMethodTemplate', template: r.id('template'), form: r.post(accessMethodTemplateParams) }),
  updateAccessMethodTemplate: (r) => ({
    op: 'updateAccessMethodTemplate',
    template: r.id('template'),
    accessMethodTemplate: r.id('accessMethodTemplate'),
    ...r.put(accessMethodTemplateParams),
  }),
  deleteAccessMethodTemplate: (r) => ({ op: 'deleteAccessMethodTemplate', template: r.id('template'), accessMethodTemplate: r.id('accessMethodTemplate') }),
  assignCoSpaceTemplate: (r) => ({ op: 'assignCoSpaceTemplate', user: r.id('user'), form: r.post(userCoSpaceTemplateParams) }),
  withdrawCoSpaceTemplate: (r) => ({ op: 'withdrawCoSpaceTemplate', user: r.id('user'), assignment: r.id('assignment') }),
  createLdapTemplateSource: (r) => ({ op: 'createLdapTemplateSource', form: r.post(ldapUserCoSpaceTemplateSourceParams) }),
  deleteLdapTemplateSource: (r) => ({ op: 'deleteLdapTemplateSource', source: r.id('source') }),
};

const isOperationName = (name: string): name is OperationName => Object.hasOwn(rebuild, name);

/**
 * The typed operation a journaled write sent, rebuilt from what the journal holds: its ids from the
 * stored operation, its form from the wire text as sent, a PUT's `before` from the recorded values.
 * Throws when the record is not one the change engine wrote (or its passcodes came masked).
 */
export function recordedOperation(write: RecordedWrite): Operation {
  const name = write.operation.kind;
  if (!isOperationName(name)) throw new TypeError(`The journal holds an operation the studio does not know: ${name}.`);
  return rebuild[name](new Recorded(write));
}
