import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TestCertificate {
  key: string;
  cert: string;
  /** the certificate's PEM in a file, to trust it as its own CA */
  pemFile: string;
}

const DAY = 24 * 3600 * 1000;

/**
 * A self-signed certificate for 127.0.0.1 (or only for `names`), valid now unless `expired`:
 * enough to make CMS untrusted, trusted, for another host, or out of date.
 */
export async function testCertificate(options: { names?: string[]; expired?: boolean } = {}): Promise<TestCertificate> {
  const altNames = options.names
    ? options.names.map((value) => ({ type: 2 as const, value }))
    : [{ type: 7 as const, ip: '127.0.0.1' }];
  const notBeforeDate = new Date(Date.now() - (options.expired ? 400 : 1) * DAY);
  const pems = await generate([{ name: 'commonName', value: options.names?.[0] ?? 'cms.test' }], {
    notBeforeDate,
    notAfterDate: new Date(options.expired ? Date.now() - 30 * DAY : Date.now() + 30 * DAY),
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  const pemFile = join(mkdtempSync(join(tmpdir(), 'studio-cert-')), 'cert.pem');
  writeFileSync(pemFile, pems.cert);
  return { key: pems.private, cert: pems.cert, pemFile };
}
