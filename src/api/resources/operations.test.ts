import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { CmsExchange } from '../transport/client';
import { configureCmsClient } from '../transport/cms-client';
import { CmsError } from '../transport/errors';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { beforeOf, inverseOf, irreversibleFields, pendingRefs, targetOf, uniqueAttributesOf, wireForm, withIds } from './operation-facts';
import type { Operation, OperationName } from './operations';
import { runOperation } from './run-operation';
import { getAccessMethod, getSpace, listAllAccessMethods } from './spaces';
import { getSystemProfiles } from './system';

withMockCms();

let exchanges: CmsExchange[] = [];
beforeEach(() => {
  exchanges = [];
  configureCmsClient({ baseUrl: TEST_CMS_URL, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, onExchange: (e) => exchanges.push(e) });
});
afterEach(() => configureCmsClient({ baseUrl: TEST_CMS_URL, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }));

async function refusal(promise: Promise<unknown>): Promise<CmsError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(CmsError);
  return outcome as CmsError;
}

describe('typed operations against the mock CMS', () => {
  it('create a space, then an access method on it through a ref, and undo both', async () => {
    const space: Operation = { op: 'createSpace', form: { name: 'Lobby', uri: 'lobby.space', callId: '7001', passcode: '' } };
    const method: Operation = { op: 'createAccessMethod', space: { ref: 'space' }, form: { uri: 'host.lobby', callId: '7002', passcode: '42', callLegProfile: LAB.callLegProfiles.host } };
    expect(targetOf(method)).toEqual({ kind: 'accessMethod', method: 'POST', path: '/coSpaces/{space}/accessMethods' });
    expect(pendingRefs(method)).toEqual(['space']);
    expect(uniqueAttributesOf(space)).toEqual({ uri: 'lobby.space', callId: '7001' });
    expect(uniqueAttributesOf(method)).toEqual({ uri: 'host.lobby', callId: '7002', passcode: '42' });

    const { id: spaceId } = await runOperation(space);
    const { id: methodId } = await runOperation(method, { space: spaceId! });
    expect(await getAccessMethod(spaceId!, methodId!)).toMatchObject({ uri: 'host.lobby', passcode: '42', callLegProfile: LAB.callLegProfiles.host });

    const sent = withIds(method, { space: spaceId! });
    expect(targetOf(sent).path).toBe(`/coSpaces/${spaceId}/accessMethods`);
    const undoMethod = inverseOf(sent, methodId);
    expect(undoMethod).toEqual({ op: 'deleteAccessMethod', space: spaceId, accessMethod: methodId });
    await runOperation(undoMethod!);
    expect((await listAllAccessMethods(spaceId!)).total).toBe(0);
    await runOperation(inverseOf(space, spaceId)!);
    expect(exchanges.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.status}`)).toEqual(['POST 200', 'POST 200', 'DELETE 200', 'DELETE 200']);
  });

  it('a PUT carries the previous values of exactly its fields, and its inverse puts them back', async () => {
    const before = await getSpace(LAB.coSpaces.guestPin);
    const put: Operation = { op: 'updateSpace', space: LAB.coSpaces.guestPin, form: { name: 'Renamed', passcode: '' }, before: { name: before.name ?? '', passcode: before.passcode ?? '' } };
    expect(wireForm(put)).toEqual({ name: 'Renamed', passcode: '' });
    expect(beforeOf(put)).toEqual({ name: 'Guest/Host PIN', passcode: '' });
    await runOperation(put);
    expect((await getSpace(LAB.coSpaces.guestPin)).name).toBe('Renamed');
    const undo = inverseOf(put);
    expect(undo).toEqual({ op: 'updateSpace', space: LAB.coSpaces.guestPin, form: { name: 'Guest/Host PIN', passcode: '' }, before: { name: 'Renamed', passcode: '' } });
    await runOperation(undo!);
    expect(await getSpace(LAB.coSpaces.guestPin)).toEqual(before);
  });

  it('says which fields no undo can take back, and that a DELETE has no undo', () => {
    const end: Operation = { op: 'updateSpace', space: LAB.coSpaces.guest, form: { passcode: '', regenerateSecret: true }, before: { passcode: '1' } };
    expect(irreversibleFields(end)).toEqual(['regenerateSecret']);
    expect(inverseOf(end)).toMatchObject({ form: { passcode: '1' }, before: { passcode: '' } });
    expect(inverseOf({ op: 'deleteSpace', space: LAB.coSpaces.guest })).toBeUndefined();
    expect(inverseOf({ op: 'startBulkSync', form: { cospaceBulkParameterSet: LAB.coSpaces.guest } }, 'x')).toBeUndefined();
  });

  it('sends nothing that CMS would refuse, and fails like CMS on the same field', async () => {
    const error = await refusal(runOperation({ op: 'createAccessMethod', space: LAB.coSpaces.guest, form: { uri: 'x', passcode: '12 34' } }));
    expect(error.failures).toEqual([{ code: 'parameterError', parameter: 'passcode', error: 'invalidValue' }]);
    expect(error.message).toMatch(/^Not sent: CMS would refuse it\. passcode can contain digits only\./);
    const unknown = await refusal(runOperation({ op: 'createAccessMethod', space: { ref: 'space' }, form: { uri: 'x' } }));
    expect(unknown.message).toBe('The id of "space" is not known: no earlier request of this plan created it.');
    expect(exchanges).toEqual([]);
  });

  it('writes the global profiles with a PUT of the changed field only', async () => {
    const before = await getSystemProfiles();
    await runOperation({ op: 'updateSystemProfiles', form: { callProfile: '' }, before: { callProfile: before.callProfile ?? '' } });
    expect(exchanges.filter((e) => e.method === 'PUT').map((e) => e.form)).toEqual([{ callProfile: '' }]);
    expect((await getSystemProfiles()).callLegProfile).toBe(before.callLegProfile);
  });

  it('names every operation with its kind, method and path', () => {
    const ops: { [K in OperationName]: Extract<Operation, { op: K }> } = {
      createSpace: { op: 'createSpace', form: {} },
      updateSpace: { op: 'updateSpace', space: 's', form: {}, before: {} },
      deleteSpace: { op: 'deleteSpace', space: 's' },
      createAccessMethod: { op: 'createAccessMethod', space: 's', form: {} },
      updateAccessMethod: { op: 'updateAccessMethod', space: 's', accessMethod: 'a', form: {}, before: {} },
      deleteAccessMethod: { op: 'deleteAccessMethod', space: 's', accessMethod: 'a' },
      createSpaceMember: { op: 'createSpaceMember', space: 's', form: { userJid: 'u@x' } },
      updateSpaceMember: { op: 'updateSpaceMember', space: 's', member: 'm', form: {}, before: {} },
      deleteSpaceMember: { op: 'deleteSpaceMember', space: 's', member: 'm' },
      createCallLegProfile: { op: 'createCallLegProfile', form: {} },
      deleteCallLegProfile: { op: 'deleteCallLegProfile', callLegProfile: 'p' },
      createCallProfile: { op: 'createCallProfile', form: {} },
      deleteCallProfile: { op: 'deleteCallProfile', callProfile: 'p' },
      updateTenant: { op: 'updateTenant', tenant: 't', form: {}, before: {} },
      updateSystemProfiles: { op: 'updateSystemProfiles', form: {}, before: {} },
      createCall: { op: 'createCall', form: {} },
      deleteCall: { op: 'deleteCall', call: 'c' },
      createCallLeg: { op: 'createCallLeg', call: 'c', form: { remoteParty: 'sip:a@b' } },
      deleteCallLeg: { op: 'deleteCallLeg', callLeg: 'l' },
      createBulkParameterSet: { op: 'createBulkParameterSet', form: {} },
      deleteBulkParameterSet: { op: 'deleteBulkParameterSet', set: 'b' },
      startBulkSync: { op: 'startBulkSync', form: {} },
      createCoSpaceTemplate: { op: 'createCoSpaceTemplate', form: {} },
      updateCoSpaceTemplate: { op: 'updateCoSpaceTemplate', template: 't', form: {}, before: {} },
      deleteCoSpaceTemplate: { op: 'deleteCoSpaceTemplate', template: 't' },
      createAccessMethodTemplate: { op: 'createAccessMethodTemplate', template: 't', form: {} },
      updateAccessMethodTemplate: { op: 'updateAccessMethodTemplate', template: 't', accessMethodTemplate: 'a', form: {}, before: {} },
      deleteAccessMethodTemplate: { op: 'deleteAccessMethodTemplate', template: 't', accessMethodTemplate: 'a' },
      assignCoSpaceTemplate: { op: 'assignCoSpaceTemplate', user: 'u', form: { coSpaceTemplate: 't' } },
      withdrawCoSpaceTemplate: { op: 'withdrawCoSpaceTemplate', user: 'u', assignment: 'g' },
      createLdapTemplateSource: { op: 'createLdapTemplateSource', form: { coSpaceTemplate: 't', ldapSource: 'l' } },
      deleteLdapTemplateSource: { op: 'deleteLdapTemplateSource', source: 'l' },
    };
    expect(Object.values(ops).map((op) => { const t = targetOf(op); return `${t.kind} ${t.method} ${t.path}`; })).toEqual([
      'coSpace POST /coSpaces',
      'coSpace PUT /coSpaces/s',
      'coSpace DELETE /coSpaces/s',
      'accessMethod POST /coSpaces/s/accessMethods',
      'accessMethod PUT /coSpaces/s/accessMethods/a',
      'accessMethod DELETE /coSpaces/s/accessMethods/a',
      'coSpaceUser POST /coSpaces/s/coSpaceUsers',
      'coSpaceUser PUT /coSpaces/s/coSpaceUsers/m',
      'coSpaceUser DELETE /coSpaces/s/coSpaceUsers/m',
      'callLegProfile POST /callLegProfiles',
      'callLegProfile DELETE /callLegProfiles/p',
      'callProfile POST /callProfiles',
      'callProfile DELETE /callProfiles/p',
      'tenant PUT /tenants/t',
      'systemProfiles PUT /system/profiles',
      'call POST /calls',
      'call DELETE /calls/c',
      'callLeg POST /calls/c/callLegs',
      'callLeg DELETE /callLegs/l',
      'cospaceBulkParameterSet POST /cospaceBulkParameterSets',
      'cospaceBulkParameterSet DELETE /cospaceBulkParameterSets/b',
      'cospaceBulkSync POST /cospaceBulkSyncs',
      'coSpaceTemplate POST /coSpaceTemplates',
      'coSpaceTemplate PUT /coSpaceTemplates/t',
      'coSpaceTemplate DELETE /coSpaceTemplates/t',
      'accessMethodTemplate POST /coSpaceTemplates/t/accessMethodTemplates',
      'accessMethodTemplate PUT /coSpaceTemplates/t/accessMethodTemplates/a',
      'accessMethodTemplate DELETE /coSpaceTemplates/t/accessMethodTemplates/a',
      'userCoSpaceTemplate POST /users/u/userCoSpaceTemplates',
      'userCoSpaceTemplate DELETE /users/u/userCoSpaceTemplates/g',
      'ldapUserCoSpaceTemplateSource POST /ldapUserCoSpaceTemplateSources',
      'ldapUserCoSpaceTemplateSource DELETE /ldapUserCoSpaceTemplateSources/l',
    ]);
  });

  it('type the forms from the tables: a PUT-only field cannot go in a POST, a ref only where an id goes', () => {
    expectTypeOf<Extract<Operation, { op: 'createSpace' }>['form']>().not.toHaveProperty('regenerateSecret');
    // @ts-expect-error a passcode is text, not a ref to a created object
    const wrong: Operation = { op: 'createAccessMethod', space: 's', form: { passcode: { ref: 'x' } } };
    void wrong;
  });
});
