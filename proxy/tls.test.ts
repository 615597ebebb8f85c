import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_PROBLEM_HEADER, readProxyProblem } from '../src/api/wire/proxy-problem';
import { testCertificate, type TestCertificate } from './testing/certificates';
import { startMisbehavingCms, type MisbehavingCms } from './testing/misbehaving-cms';
import { startStudio, type StudioUnderTest } from './testing/studio-under-test';

let good: TestCertificate;
let other: TestCertificate;
let wrongName: TestCertificate;
let expired: TestCertificate;
const servers: MisbehavingCms[] = [];
const studios: StudioUnderTest[] = [];

async function cmsWith(certificate?: TestCertificate): Promise<MisbehavingCms> {
  const cms = await startMisbehavingCms(certificate ? { key: certificate.key, cert: certificate.cert } : undefined);
  servers.push(cms);
  return cms;
}

async function askThrough(env: Record<string, string>) {
  const studio = await startStudio({ CMS_USER: 'admin', CMS_PASSWORD: 'admin', ...env });
  studios.push(studio);
  const res = await fetch(`${studio.url}/api/v1/ok`, { headers: { 'X-Requested-By': 'cms-access-studio' } });
  const text = await res.text();
  return { status: res.status, problem: readProxyProblem(res.headers.get(PROXY_PROBLEM_HEADER), res.status, text) };
}

beforeAll(async () => {
  [good, other, wrongName, expired] = await Promise.all([
    testCertificate(),
    testCertificate(),
    testCertificate({ names: ['cms.other.example'] }),
    testCertificate({ expired: true }),
  ]);
});

afterAll(async () => {
  await Promise.all([...studios.map((s) => s.close()), ...servers.map((s) => s.close())]);
});

describe('TLS failures name the fix that applies', () => {
  it('trusts CMS through CMS_CA_FILE', async () => {
    const cms = await cmsWith(good);
    expect((await askThrough({ CMS_URL: cms.url, CMS_CA_FILE: good.pemFile })).status).toBe(200);
  });

  it('asks for CMS_CA_FILE when none is set and the certificate is not trusted', async () => {
    const cms = await cmsWith(good);
    const { status, problem } = await askThrough({ CMS_URL: cms.url });
    expect(status).toBe(502);
    expect(problem?.kind).toBe('cms-untrusted');
    expect(problem?.detail).toMatch(/not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)\. Set CMS_CA_FILE to the PEM of the CA/);
  });

  it('says the CA in CMS_CA_FILE did not sign it when one is set, instead of asking to set it', async () => {
    const cms = await cmsWith(good);
    const { status, problem } = await askThrough({ CMS_URL: cms.url, CMS_CA_FILE: other.pemFile });
    expect(status).toBe(502);
    expect(problem?.kind).toBe('cms-untrusted');
    expect(problem?.detail).toContain(`It is not signed by a CA in CMS_CA_FILE (${other.pemFile})`);
    expect(problem?.detail).not.toMatch(/Set CMS_CA_FILE/);
  });

  it('tells a certificate for another host from an untrusted one', async () => {
    const cms = await cmsWith(wrongName);
    const { status, problem } = await askThrough({ CMS_URL: cms.url, CMS_CA_FILE: wrongName.pemFile });
    expect(status).toBe(502);
    expect(problem?.kind).toBe('cms-hostname');
    expect(problem?.detail).toMatch(/signed by a trusted CA but does not name "127\.0\.0\.1".*cms\.other\.example/);
    expect(problem?.detail).toMatch(/the CA file cannot fix this/);
    expect(problem?.detail).not.toMatch(/Set CMS_CA_FILE/);
  });

  it('says when the certificate has expired', async () => {
    const cms = await cmsWith(expired);
    const { problem } = await askThrough({ CMS_URL: cms.url, CMS_CA_FILE: expired.pemFile });
    expect(problem?.kind).toBe('cms-certificate-expired');
    expect(problem?.detail).toMatch(/has expired \(CERT_HAS_EXPIRED\)\. Renew the certificate on CMS/);
  });

  it('says when what answers on that port does not speak TLS', async () => {
    const plain = await cmsWith();
    const { problem } = await askThrough({ CMS_URL: plain.url.replace('http://', 'https://') });
    expect(problem?.kind).toBe('cms-tls');
    expect(problem?.detail).toMatch(/does not speak TLS answered on that port: check the scheme and port of CMS_URL/);
  });

  it('names the caFile of the target in a CMS_TARGETS file', async () => {
    const cms = await cmsWith(good);
    const targets = join(mkdtempSync(join(tmpdir(), 'studio-targets-')), 'targets.json');
    writeFileSync(targets, JSON.stringify({ london: { url: cms.url, caFile: other.pemFile, user: 'admin', password: 'admin' } }));
    const { problem } = await askThrough({ CMS_TARGETS: targets });
    expect(problem?.detail).toContain(`It is not signed by a CA in the caFile of "london" in CMS_TARGETS (${other.pemFile})`);
  });
});
