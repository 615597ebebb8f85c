import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCaFile } from './ca-file';
import { ConfigError, loadConfig } from './config';
import { testCertificate, type TestCertificate } from './testing/certificates';
import { spawnProxy } from './testing/spawn-proxy';

const dir = mkdtempSync(join(tmpdir(), 'studio-ca-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

let certificate: TestCertificate;
beforeAll(async () => {
  certificate = await testCertificate();
});

describe('CMS_CA_FILE', () => {
  it('reads every certificate of a PEM bundle and ignores what surrounds them', () => {
    const bundle = file('bundle.pem', `# our CA\n${certificate.cert}\nsome comment\n${certificate.cert}`);
    const result = readCaFile(bundle);
    expect(result.ok && result.subjects).toEqual(['CN=cms.test', 'CN=cms.test']);
  });

  it.each([
    ['text that is no PEM', 'hello, I am a CA', /holds no certificate: a CA file is PEM text with "-----BEGIN CERTIFICATE-----" blocks/],
    ['an empty file', '', /holds no certificate: it is empty/],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nMIGHAgEA\n-----END PRIVATE KEY-----\n', /it has a PEM "PRIVATE KEY" block, but a CA file needs/],
    ['a DER certificate', 'DER', /binary \(DER\) certificate; convert it with: openssl x509 -inform der/],
    ['a damaged certificate', '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n', /certificate 1 of 1 in .* cannot be read/],
  ])('refuses %s with a sentence that says what is wrong', (_what, content, reason) => {
    const bytes = content === 'DER' ? Buffer.from(certificate.cert.split('\n').slice(1, -2).join(''), 'base64') : content;
    const path = file(`case-${Math.random()}.pem`, bytes);
    const result = readCaFile(path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(() => loadConfig({ CMS_URL: 'https://cms.example', CMS_CA_FILE: path })).toThrow(ConfigError);
    expect(() => loadConfig({ CMS_URL: 'https://cms.example', CMS_CA_FILE: path })).toThrow(/^CMS_CA_FILE: /);
  });

  it('names the target of a CMS_TARGETS file whose caFile is unusable', () => {
    const targets = file('targets.json', JSON.stringify({ london: { url: 'https://lon.example', caFile: file('junk.pem', 'junk') } }));
    expect(() => loadConfig({ CMS_TARGETS: targets })).toThrow(/CMS_TARGETS london: .* holds no certificate/);
  });

  it('stops npm start at once with that sentence, instead of failing every call later', async () => {
    const junk = file('not-a-ca.pem', 'not a certificate');
    await expect(spawnProxy({ CMS_URL: 'https://cms.example', CMS_CA_FILE: junk })).rejects.toThrow(
      /exited with 1:[\s\S]*Configuration error: CMS_CA_FILE: .*not-a-ca\.pem holds no certificate/,
    );
  });
});
