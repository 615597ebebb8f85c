import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attribute, children, flatten } from '../../api/wire/xml';
import { LAB } from './seeds/lab';
import { type SpawnedMock, spawnMockCms } from './testing/spawn-mock';
import { elementOrder, failureOf, idFrom, objectOf, wireClient } from './testing/wire-client';

let mock: SpawnedMock;
const cms = wireClient(() => mock.url);
const GHOST = '00000000-0000-4000-8000-0000000000ff';
const P = LAB.callLegProfiles;
const S = LAB.support;
const T = LAB.templates;

beforeAll(async () => {
  mock = await spawnMockCms();
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(async () => {
  expect((await cms.control('/mock-cms/reset')).status).toBe(200);
});

const items = async (path: string, element: string) => {
  const res = await cms.get(path);
  expect(res.status, `${path}: ${res.text}`).toBe(200);
  return { total: Number(attribute(res.xml!.node, 'total')), items: children(res.xml!.node, element).map(flatten) };
};

async function created(path: string, form: Record<string, string>): Promise<string> {
  const res = await cms.post(path, form);
  expect(res.status, res.text).toBe(200);
  expect(res.text).toBe('');
  return idFrom(res.headers.get('Location'));
}

const newTemplate = (form: Record<string, string> = {}) =>
  created('/api/v1/coSpaceTemplates', { name: 'Guest lobby', description: 'Guests wait for a host', callProfile: LAB.callProfiles.passcodeTimeout, callLegProfile: P.guest, ...form });

describe('/coSpaceTemplates', () => {
  it('answers a POST with Location and prints one template in table order, numAccessMethodTemplates included', async () => {
    expect((await cms.get('/api/v1/coSpaceTemplates')).text).toBe(
      `<?xml version="1.0"?><coSpaceTemplates total="1"><coSpaceTemplate id="${T.guestLobby}"><name>Guests wait for a host</name><callLegProfile>${P.guest}</callLegProfile><numAccessMethodTemplates>1</numAccessMethodTemplates></coSpaceTemplate></coSpaceTemplates>`,
    );
    const res = await cms.post('/api/v1/coSpaceTemplates', { dialInSecurityProfile: S.pin4, callLegProfile: P.guest, name: 'Guest lobby', description: 'Guests wait' });
    const id = idFrom(res.headers.get('Location'));
    expect(res.headers.get('Location')).toBe(`/api/v1/coSpaceTemplates/${id}`);
    expect((await cms.get(`/api/v1/coSpaceTemplates/${id}`)).text).toBe(
      `<?xml version="1.0"?><coSpaceTemplate id="${id}"><name>Guest lobby</name><description>Guests wait</description><callLegProfile>${P.guest}</callLegProfile><dialInSecurityProfile>${S.pin4}</dialInSecurityProfile><numAccessMethodTemplates>0</numAccessMethodTemplates></coSpaceTemplate>`,
    );
  });

  it('lists without the description, counts access method templates, filters by name and pages', async () => {
    const lobby = await newTemplate();
    await newTemplate({ name: 'Board room', description: '' });
    await created(`/api/v1/coSpaceTemplates/${lobby}/accessMethodTemplates`, { name: 'Host', uriGenerator: '$.host' });
    const list = await cms.get('/api/v1/coSpaceTemplates');
    expect(attribute(list.xml!.node, 'total')).toBe('3');
    const lobbyXml = new RegExp(`<coSpaceTemplate id="${lobby}">.*?</coSpaceTemplate>`).exec(list.text)?.[0] ?? '';
    expect(elementOrder(lobbyXml)).toEqual(['name', 'callProfile', 'callLegProfile', 'numAccessMethodTemplates']);
    expect((await items('/api/v1/coSpaceTemplates', 'coSpaceTemplate')).items.map((t) => [t.name, t.numAccessMethodTemplates])).toEqual([
      ['Guests wait for a host', '1'],
      ['Guest lobby', '1'],
      ['Board room', '0'],
    ]);
    expect((await items('/api/v1/coSpaceTemplates?filter=BOARD', 'coSpaceTemplate')).items.map((t) => t.name)).toEqual(['Board room']);
    const page = await items('/api/v1/coSpaceTemplates?offset=2&limit=1', 'coSpaceTemplate');
    expect([page.total, page.items.map((t) => t.name)]).toEqual([3, ['Board room']]);
  });

  it('refuses references to objects that do not exist, with their codes', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ callProfile: GHOST }, 'callProfileDoesNotExist'],
      [{ callLegProfile: GHOST }, 'callLegProfileDoesNotExist'],
      [{ dialInSecurityProfile: GHOST }, 'dialInSecurityProfileDoesNotExist'],
    ];
    for (const [form, code] of cases) {
      const res = await cms.post('/api/v1/coSpaceTemplates', { name: 'x', ...form });
      expect([res.status, failureOf(res).code], code).toEqual([400, code]);
    }
    const id = await newTemplate();
    const put = await cms.put(`/api/v1/coSpaceTemplates/${id}`, { callLegProfile: GHOST });
    expect([put.status, put.text]).toEqual([400, '<?xml version="1.0"?><failureDetails><callLegProfileDoesNotExist /></failureDetails>']);
    const bad = await cms.post('/api/v1/coSpaceTemplates', { callLegProfile: 'not-an-id' });
    expect([failureOf(bad).parameter, failureOf(bad).error]).toEqual(['callLegProfile', 'invalidValue']);
    expect((await cms.post('/api/v1/coSpaceTemplates', { numAccessMethodTemplates: '3' })).status).toBe(400);
  });

  it('modifies only what a PUT sends and unsets an empty value', async () => {
    const id = await newTemplate();
    expect((await cms.put(`/api/v1/coSpaceTemplates/${id}`, { name: 'Lobby', callProfile: '' })).status).toBe(200);
    const t = objectOf(await cms.get(`/api/v1/coSpaceTemplates/${id}`));
    expect([t.name, t.description, t.callProfile, t.callLegProfile]).toEqual(['Lobby', 'Guests wait for a host', undefined, P.guest]);
  });

  it('answers an unknown template with coSpaceTemplateDoesNotExist', async () => {
    for (const res of [
      await cms.get(`/api/v1/coSpaceTemplates/${GHOST}`),
      await cms.put(`/api/v1/coSpaceTemplates/${GHOST}`, { name: 'x' }),
      await cms.del(`/api/v1/coSpaceTemplates/${GHOST}`),
      await cms.get(`/api/v1/coSpaceTemplates/${GHOST}/accessMethodTemplates`),
      await cms.post(`/api/v1/coSpaceTemplates/${GHOST}/accessMethodTemplates`, { name: 'x' }),
    ]) {
      expect([res.status, failureOf(res).code]).toEqual([404, 'coSpaceTemplateDoesNotExist']);
    }
  });

  it('counts a profile named only by a template as referenced', async () => {
    const unreferenced = async () => (await items('/api/v1/callProfiles?usageFilter=unreferenced', 'callProfile')).items.map((p) => p.id);
    const spare = await created('/api/v1/callProfiles', { passcodeMode: 'required' });
    expect(await unreferenced()).toContain(spare);
    await newTemplate({ callProfile: spare });
    expect(await unreferenced()).not.toContain(spare);
  });
});

describe('/coSpaceTemplates/<id>/accessMethodTemplates', () => {
  it('prints an access method template in table order; generateUniqueCallId is false unless a POST sets it', async () => {
    const t = await newTemplate();
    const path = `/api/v1/coSpaceTemplates/${t}/accessMethodTemplates`;
    const res = await cms.post(path, { generateUniqueCallId: 'true', callLegProfile: P.host, uriGenerator: '$.host', name: 'Host' });
    const host = idFrom(res.headers.get('Location'));
    expect(res.headers.get('Location')).toBe(`${path}/${host}`);
    expect((await cms.get(`${path}/${host}`)).text).toBe(
      `<?xml version="1.0"?><accessMethodTemplate id="${host}"><name>Host</name><uriGenerator>$.host</uriGenerator><callLegProfile>${P.host}</callLegProfile><generateUniqueCallId>true</generateUniqueCallId></accessMethodTemplate>`,
    );
    const plain = await created(path, { name: 'Plain' });
    expect((await cms.get(`${path}/${plain}`)).text).toBe(
      `<?xml version="1.0"?><accessMethodTemplate id="${plain}"><name>Plain</name><generateUniqueCallId>false</generateUniqueCallId></accessMethodTemplate>`,
    );
    expect(objectOf(await cms.get(`/api/v1/coSpaceTemplates/${t}`)).numAccessMethodTemplates).toBe('2');
  });

  it('takes a uriGenerator of the allowed characters with exactly one $, or empty', async () => {
    const path = `/api/v1/coSpaceTemplates/${await newTemplate()}/accessMethodTemplates`;
    for (const good of ['$', 'host.$', '$-HOST_1', '']) expect((await cms.post(path, { uriGenerator: good })).status, good).toBe(200);
    for (const bad of ['host', '$.$', 'a b$', 'x@$', '$:1', 'é$']) {
      const res = await cms.post(path, { uriGenerator: bad });
      expect([res.status, failureOf(res).parameter, failureOf(res).error], bad).toEqual([400, 'uriGenerator', 'invalidValue']);
    }
    const id = await created(path, { uriGenerator: '$.host' });
    const put = await cms.put(`${path}/${id}`, { uriGenerator: 'host.$.$' });
    expect(failureOf(put)).toMatchObject({ parameter: 'uriGenerator', error: 'invalidValue' });
    expect(objectOf(await cms.get(`${path}/${id}`)).uriGenerator).toBe('$.host');
  });

  it('filters by name and by callLegProfileFilter, and pages', async () => {
    const path = `/api/v1/coSpaceTemplates/${await newTemplate()}/accessMethodTemplates`;
    await created(path, { name: 'Host', callLegProfile: P.host });
    await created(path, { name: 'Guest', callLegProfile: P.guest });
    await created(path, { name: 'Host backup', callLegProfile: P.host });
    expect((await items(`${path}?callLegProfileFilter=${P.host.toUpperCase()}`, 'accessMethodTemplate')).items.map((a) => a.name)).toEqual(['Host', 'Host backup']);
    expect((await items(`${path}?filter=guest`, 'accessMethodTemplate')).items.map((a) => a.name)).toEqual(['Guest']);
    const page = await items(`${path}?offset=2`, 'accessMethodTemplate');
    expect([page.total, page.items.map((a) => a.name)]).toEqual([3, ['Host backup']]);
  });

  it('answers an unknown access method template with coSpaceAccessMethodTemplateDoesNotExist, also one of another template', async () => {
    const a = await newTemplate();
    const b = await newTemplate({ name: 'Other' });
    const ofB = await created(`/api/v1/coSpaceTemplates/${b}/accessMethodTemplates`, { name: 'Host' });
    const get = await cms.get(`/api/v1/coSpaceTemplates/${a}/accessMethodTemplates/${ofB}`);
    expect([get.status, get.text]).toEqual([404, '<?xml version="1.0"?><failureDetails><coSpaceAccessMethodTemplateDoesNotExist /></failureDetails>']);
    // as for access methods: a PUT or DELETE of an unknown nested object answers 400
    const put = await cms.put(`/api/v1/coSpaceTemplates/${a}/accessMethodTemplates/${GHOST}`, { name: 'x' });
    const del = await cms.del(`/api/v1/coSpaceTemplates/${a}/accessMethodTemplates/${GHOST}`);
    expect([put.status, failureOf(put).code, del.status, failureOf(del).code]).toEqual([400, 'coSpaceAccessMethodTemplateDoesNotExist', 400, 'coSpaceAccessMethodTemplateDoesNotExist']);
    const ghostProfile = await cms.post(`/api/v1/coSpaceTemplates/${a}/accessMethodTemplates`, { callLegProfile: GHOST });
    expect(failureOf(ghostProfile).code).toBe('callLegProfileDoesNotExist');
  });
});

describe('/users/<id>/userCoSpaceTemplates', () => {
  const userPath = `/api/v1/users/${LAB.users.user1}/userCoSpaceTemplates`;

  it("assigns a template once, answering the blueprint's Location, and lists coSpaceTemplate and autoGenerated", async () => {
    const t = await newTemplate();
    expect((await cms.get(userPath)).text).toBe('<?xml version="1.0"?><userCoSpaceTemplates total="0"/>');
    const res = await cms.post(userPath, { coSpaceTemplate: t.toUpperCase() });
    expect(res.status).toBe(200);
    const id = idFrom(res.headers.get('Location'));
    expect(res.headers.get('Location')).toBe(`/api/v1/userCospaceTemplates/${id}`);
    expect((await cms.get(userPath)).text).toBe(
      `<?xml version="1.0"?><userCoSpaceTemplates total="1"><userCoSpaceTemplate id="${id}"><coSpaceTemplate>${t}</coSpaceTemplate><autoGenerated>false</autoGenerated></userCoSpaceTemplate></userCoSpaceTemplates>`,
    );
    expect((await cms.get(`${userPath}/${id}`)).text).toBe(
      `<?xml version="1.0"?><userCoSpaceTemplate id="${id}"><coSpaceTemplate>${t}</coSpaceTemplate><autoGenerated>false</autoGenerated></userCoSpaceTemplate>`,
    );
    const again = await cms.post(userPath, { coSpaceTemplate: t });
    expect([again.status, again.text]).toEqual([400, '<?xml version="1.0"?><failureDetails><duplicateUserCoSpaceTemplate /></failureDetails>']);
    // another user may have the same template
    expect((await cms.post(`/api/v1/users/${LAB.users.host}/userCoSpaceTemplates`, { coSpaceTemplate: t })).status).toBe(200);
  });

  it('refuses an unknown user, template or assignment, a missing template, and a PUT that would assign twice', async () => {
    const t = await newTemplate();
    const u = await newTemplate({ name: 'Other' });
    const noUser = await cms.post(`/api/v1/users/${GHOST}/userCoSpaceTemplates`, { coSpaceTemplate: t });
    expect([noUser.status, failureOf(noUser).code]).toEqual([404, 'userDoesNotExist']);
    const noTemplate = await cms.post(userPath, { coSpaceTemplate: GHOST });
    expect([noTemplate.status, failureOf(noTemplate).code]).toEqual([400, 'coSpaceTemplateDoesNotExist']);
    const missing = await cms.post(userPath, {});
    expect([failureOf(missing).parameter, failureOf(missing).error]).toEqual(['coSpaceTemplate', 'missing']);
    const get = await cms.get(`${userPath}/${GHOST}`);
    expect([get.status, failureOf(get).code]).toEqual([404, 'userCoSpaceTemplateDoesNotExist']);
    const first = await created(userPath, { coSpaceTemplate: t });
    const second = await created(userPath, { coSpaceTemplate: u });
    const clash = await cms.put(`${userPath}/${second}`, { coSpaceTemplate: t });
    expect(failureOf(clash).code).toBe('duplicateUserCoSpaceTemplate');
    const unset = await cms.put(`${userPath}/${second}`, { coSpaceTemplate: '' });
    expect(failureOf(unset)).toMatchObject({ code: 'parameterError', parameter: 'coSpaceTemplate', error: 'missing' });
    // someone else's assignment is not this user's
    const elsewhere = await cms.get(`/api/v1/users/${LAB.users.host}/userCoSpaceTemplates/${first}`);
    expect([elsewhere.status, failureOf(elsewhere).code]).toEqual([404, 'userCoSpaceTemplateDoesNotExist']);
    expect((await cms.del(`${userPath}/${first}`)).status).toBe(200);
    expect((await items(userPath, 'userCoSpaceTemplate')).items.map((a) => a.id)).toEqual([second]);
  });
});

describe('an assignment an LDAP sync made', () => {
  const hostPath = `/api/v1/users/${LAB.users.host}/userCoSpaceTemplates`;

  it('reads autoGenerated true and cannot be withdrawn through the API (userCoSpaceTemplateDeletionProhibited)', async () => {
    expect((await cms.get(`${hostPath}/${T.hostUserAssignment}`)).text).toBe(
      `<?xml version="1.0"?><userCoSpaceTemplate id="${T.hostUserAssignment}"><coSpaceTemplate>${T.guestLobby}</coSpaceTemplate><autoGenerated>true</autoGenerated></userCoSpaceTemplate>`,
    );
    const del = await cms.del(`${hostPath}/${T.hostUserAssignment}`);
    expect([del.status, del.text]).toEqual([400, '<?xml version="1.0"?><failureDetails><userCoSpaceTemplateDeletionProhibited /></failureDetails>']);
    expect((await items(hostPath, 'userCoSpaceTemplate')).items.map((a) => [a.id, a.autoGenerated])).toEqual([[T.hostUserAssignment, 'true']]);
    const again = await cms.post(hostPath, { coSpaceTemplate: T.guestLobby });
    expect(failureOf(again).code).toBe('duplicateUserCoSpaceTemplate');
    const ldap = objectOf(await cms.get(`/api/v1/ldapUserCoSpaceTemplateSources/${T.ldapSource}`));
    expect(ldap.coSpaceTemplate).toBe(T.guestLobby);
  });
});

describe('/ldapUserCoSpaceTemplateSources', () => {
  it('creates, reads, modifies and deletes a source; an unknown one is ldapUserCoSpaceTemplateSourceDoesNotExist', async () => {
    const t = await newTemplate();
    const ldapSource = '5e1c0b2a-8f3d-4c6e-9a7b-1d2e3f4a5b6c';
    const id = await created('/api/v1/ldapUserCoSpaceTemplateSources', { coSpaceTemplate: t, ldapSource, filter: '(department=sales)' });
    expect((await cms.get(`/api/v1/ldapUserCoSpaceTemplateSources/${id}`)).text).toBe(
      `<?xml version="1.0"?><ldapUserCoSpaceTemplateSource id="${id}"><coSpaceTemplate>${t}</coSpaceTemplate><ldapSource>${ldapSource}</ldapSource><filter>(department=sales)</filter></ldapUserCoSpaceTemplateSource>`,
    );
    expect((await cms.put(`/api/v1/ldapUserCoSpaceTemplateSources/${id}`, { filter: '' })).status).toBe(200);
    expect(objectOf(await cms.get(`/api/v1/ldapUserCoSpaceTemplateSources/${id}`)).filter).toBeUndefined();
    const noTemplate = await cms.post('/api/v1/ldapUserCoSpaceTemplateSources', { coSpaceTemplate: GHOST, ldapSource });
    expect(failureOf(noTemplate).code).toBe('coSpaceTemplateDoesNotExist');
    const noSource = await cms.post('/api/v1/ldapUserCoSpaceTemplateSources', { coSpaceTemplate: t });
    expect(failureOf(noSource)).toMatchObject({ parameter: 'ldapSource', error: 'missing' });
    expect((await cms.del(`/api/v1/ldapUserCoSpaceTemplateSources/${id}`)).status).toBe(200);
    const gone = await cms.get(`/api/v1/ldapUserCoSpaceTemplateSources/${id}`);
    expect([gone.status, gone.text]).toEqual([404, '<?xml version="1.0"?><failureDetails><ldapUserCoSpaceTemplateSourceDoesNotExist /></failureDetails>']);
  });
});

describe('deleting a template', () => {
  it('takes its access method templates, user assignments and LDAP sources with it, and leaves spaces alone', async () => {
    const t = await newTemplate();
    const keep = await newTemplate({ name: 'Keep' });
    await created(`/api/v1/coSpaceTemplates/${t}/accessMethodTemplates`, { name: 'Host' });
    await created(`/api/v1/users/${LAB.users.user1}/userCoSpaceTemplates`, { coSpaceTemplate: t });
    const kept = await created(`/api/v1/users/${LAB.users.user1}/userCoSpaceTemplates`, { coSpaceTemplate: keep });
    await created('/api/v1/ldapUserCoSpaceTemplateSources', { coSpaceTemplate: t, ldapSource: GHOST });
    const spaces = (await items('/api/v1/coSpaces', 'coSpace')).total;
    expect((await cms.del(`/api/v1/coSpaceTemplates/${t}`)).status).toBe(200);
    expect(failureOf(await cms.get(`/api/v1/coSpaceTemplates/${t}/accessMethodTemplates`)).code).toBe('coSpaceTemplateDoesNotExist');
    expect((await items(`/api/v1/users/${LAB.users.user1}/userCoSpaceTemplates`, 'userCoSpaceTemplate')).items.map((a) => a.id)).toEqual([kept]);
    expect((await items('/api/v1/ldapUserCoSpaceTemplateSources', 'ldapUserCoSpaceTemplateSource')).items.map((x) => x.id)).toEqual([T.ldapSource]);
    expect((await items('/api/v1/coSpaces', 'coSpace')).total).toBe(spaces);
    expect((await items('/api/v1/coSpaceTemplates', 'coSpaceTemplate')).items.map((x) => x.id)).toEqual([T.guestLobby, keep]);
  });
});
