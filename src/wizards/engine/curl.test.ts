import { execFile } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { children, flatten, type XmlNode } from '../../api/wire/xml';
import { spawnMockCms, type SpawnedMock } from '../../mocks/cms/testing/spawn-mock';
import { wireClient } from '../../mocks/cms/testing/wire-client';
import { guideExample, wizardSchemas, type WizardInput } from '../../domain/space-planning/wizard-schema';
import { curlScript, toCurl } from './curl';
import { planWizard } from '../../domain/space-planning/plan';
import type { CurrentState, PlannedRequest } from '../../domain/space-planning/types';

const nothing = (): CurrentState => ({
  sameUriSpaces: [],
  callLegProfiles: [],
  callProfiles: [],
  tenants: {},
  systemProfiles: {},
  reach: { system: { spaces: 0 } },
  missing: [],
});

/** Scenario 2 from the guide on a CMS that has none of it: two profiles, the space, the host access method. */
const plan = () => planWizard(wizardSchemas['same-uri-two-pins'].parse(guideExample('same-uri-two-pins')) as WizardInput, nothing());

const accessMethod: PlannedRequest = {
  key: 'accessMethod',
  title: 'Add the host access method',
  method: 'POST',
  path: '/coSpaces/{space}/accessMethods',
  form: { uri: "it's.space", passcode: '1234', callLegProfile: '{hostProfile}' },
  creates: 'accessMethod',
  sensitive: ['passcode'],
};

const hostProfile: PlannedRequest = {
  key: 'hostProfile',
  title: 'Create the host call leg profile',
  method: 'POST',
  path: '/callLegProfiles',
  form: { needsActivation: 'false' },
  creates: 'hostProfile',
  sensitive: [],
};

describe('curl commands as copied', () => {
  it('read a hidden PIN from a shell variable they declare, never print it, and say what to set', () => {
    const text = toCurl([hostProfile, accessMethod], 1, { space: 'abc' }, { baseUrl: 'https://cms.lab:445/', revealSecrets: false });
    expect(text).not.toContain('1234');
    expect(text).not.toContain('*****');
    expect(text).toContain(`HOST_PIN="\${HOST_PIN:?set HOST_PIN to the host PIN first}"`);
    expect(text).toContain(`--data-urlencode 'passcode='"$HOST_PIN"`);
    expect(text).toContain('# Set first in this shell: CMS_USER, CMS_PASSWORD, HOST_PIN, HOST_PROFILE_ID.');
    expect(text).toContain('# 2. Add the host access method');
    expect(text).not.toContain('needsActivation');
    expect(text).toContain(`"$CMS"'/api/v1/coSpaces/abc/accessMethods'`);
    expect(text).toContain(`--data-urlencode 'uri=it'\\''s.space'`);
    expect(text).toContain(`--data-urlencode 'callLegProfile='"$HOST_PROFILE_ID"`);
  });

  it('put a revealed PIN in the variable, and a PIN that is being unset stays a plain empty value', () => {
    expect(toCurl([accessMethod], 0, {}, { baseUrl: '', revealSecrets: true })).toContain("\nHOST_PIN='1234'\n");
    const unset = toCurl([{ ...accessMethod, method: 'PUT', form: { passcode: '' } }], 0, {}, { baseUrl: '', revealSecrets: false });
    expect(unset).toContain("--data-urlencode 'passcode='");
    expect(unset).not.toContain('HOST_PIN');
  });

  it('keep a brace in the admin’s own text as it is: only the plan’s refs become variables', () => {
    const text = toCurl([hostProfile, { ...accessMethod, form: { name: 'Team {space} {A}', callLegProfile: '{hostProfile}' } }], 1, {}, { baseUrl: '', revealSecrets: false });
    expect(text).toContain(`--data-urlencode 'name=Team {space} {A}'`);
    expect(text).toContain(`--data-urlencode 'callLegProfile='"$HOST_PROFILE_ID"`);
    expect(text).not.toContain('A_ID');
  });

  it('verify TLS unless the cluster is configured insecure', () => {
    const requests = plan().requests;
    const script = (insecureTls: boolean) => curlScript(requests, {}, { baseUrl: 'https://cms.lab:445', revealSecrets: false, insecureTls });
    expect(script(false)).not.toMatch(/\s-k\s/);
    expect(script(true)).toContain('answer=$(curl -sS -i -k -u "$CMS_USER:$CMS_PASSWORD" "$@")');
  });

  it('capture the id of every POST from its Location and use it in the later requests', () => {
    const text = curlScript(plan().requests, {}, { baseUrl: 'https://cms.lab:445', revealSecrets: false });
    for (const ref of ['GUEST_PROFILE_ID', 'HOST_PROFILE_ID', 'SPACE_ID', 'ACCESS_METHOD_ID']) expect(text).toContain(`${ref}=$(cms -X POST`);
    expect(text).toContain(`"$CMS"'/api/v1/coSpaces/'"$SPACE_ID"'/accessMethods'`);
    expect(text).not.toMatch(/<\w+ id>/);
    expect(text).toContain('# Set first in this shell: CMS_USER, CMS_PASSWORD, SPACE_PIN, HOST_PIN.');
  });
});

let mock: SpawnedMock;
const cms = wireClient(() => mock.url);

/** Runs a copied script the way an admin would: pasted into sh, with their variables set. */
function runInShell(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/** The rows of a list answer (`<accessMethods><accessMethod id=…>`), attributes folded in. */
const listed = (node: XmlNode | undefined, item: string) => children(node ?? '', item).map(flatten);

describe('the copied script, run against CMS (the standalone mock over HTTP)', () => {
  beforeAll(async () => {
    mock = await spawnMockCms(['--seed', 'empty']);
  });
  afterAll(async () => {
    await mock?.stop();
  });
  beforeEach(async () => {
    expect((await cms.control('/mock-cms/reset')).status).toBe(200);
  });

  it('creates what the review shows, PINs from the shell, and stops at the first request CMS refuses', async () => {
    const script = curlScript(plan().requests, {}, { baseUrl: mock.url, revealSecrets: false });
    const env = { CMS_USER: 'admin', CMS_PASSWORD: 'admin', SPACE_PIN: '789', HOST_PIN: '1234' };

    const first = await runInShell(script, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const spaceId = /SPACE_ID=(\S+)/.exec(first.stdout)?.[1] ?? '';
    const space = flatten((await cms.get(`/api/v1/coSpaces/${spaceId}`)).xml?.node ?? '');
    expect(space).toMatchObject({ uri: 'guestpin2.space', passcode: '789' });
    const methods = (await cms.get(`/api/v1/coSpaces/${spaceId}/accessMethods`)).xml?.node;
    const [method] = listed(methods, 'accessMethod');
    const methodId = /ACCESS_METHOD_ID=(\S+)/.exec(first.stdout)?.[1];
    expect(method).toMatchObject({ uri: 'guestpin2.space', callId: '889' });
    const read = flatten((await cms.get(`/api/v1/coSpaces/${spaceId}/accessMethods/${methodId}`)).xml?.node ?? '');
    expect(read).toMatchObject({ passcode: '1234', callLegProfile: /HOST_PROFILE_ID=(\S+)/.exec(first.stdout)?.[1] });

    // The same script again: CMS refuses the second space with that URI; nothing after it is sent.
    const again = await runInShell(script, env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/CMS answered 400:[\s\S]*<failureDetails>/);
    expect(again.stdout).not.toContain('ACCESS_METHOD_ID=');
    expect(listed((await cms.get('/api/v1/coSpaces')).xml?.node, 'coSpace')).toHaveLength(1);
  });

  it('refuses to start without the PIN it needs, before sending anything', async () => {
    const result = await runInShell(curlScript(plan().requests, {}, { baseUrl: mock.url, revealSecrets: false }), { CMS_USER: 'admin', CMS_PASSWORD: 'admin', SPACE_PIN: '789' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('set HOST_PIN to the host PIN first');
    expect(listed((await cms.get('/api/v1/callLegProfiles')).xml?.node, 'callLegProfile')).toHaveLength(0);
  });
});

describe('the copied script against a CMS whose certificate curl cannot verify', () => {
  let tlsMock: SpawnedMock;
  beforeAll(async () => {
    tlsMock = await spawnMockCms(['--seed', 'empty', '--tls']);
  });
  afterAll(async () => {
    await tlsMock?.stop();
  });

  it('is refused by curl unless the cluster is configured insecure, and then runs', async () => {
    const env = { CMS_USER: 'admin', CMS_PASSWORD: 'admin', SPACE_PIN: '789', HOST_PIN: '1234' };
    const verified = await runInShell(curlScript(plan().requests, {}, { baseUrl: tlsMock.url, revealSecrets: false }), env);
    expect(verified.code).not.toBe(0);
    expect(verified.stderr).toMatch(/curl: \(60\)/);
    const insecure = await runInShell(curlScript(plan().requests, {}, { baseUrl: tlsMock.url, revealSecrets: false, insecureTls: true }), env);
    expect(insecure.stderr).toBe('');
    expect(insecure.stdout).toMatch(/ACCESS_METHOD_ID=[0-9a-f-]{36}/);
  });
});
