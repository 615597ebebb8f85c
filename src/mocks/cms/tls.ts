import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A self-signed certificate for localhost; its PEM doubles as the CA file a client trusts. */
export async function selfSignedCertificate(host: string): Promise<{ key: string; cert: string; caFile: string }> {
  const pems = await generate([{ name: 'commonName', value: 'mock-cms.localhost' }], {
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    keyType: 'ec',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2 as const, value: 'localhost' },
          { type: 7 as const, ip: '127.0.0.1' },
          ...(host !== 'localhost' && host !== '127.0.0.1' ? [{ type: 2 as const, value: host }] : []),
        ],
      },
    ],
  });
  const dir = join(tmpdir(), 'cms-access-studio');
  mkdirSync(dir, { recursive: true });
  const caFile = join(dir, `mock-cms-ca-${process.pid}.pem`);
  writeFileSync(caFile, pems.cert);
  return { key: pems.private, cert: pems.cert, caFile };
}
