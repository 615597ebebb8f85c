import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

export type CaFileResult = { ok: true; pem: string; subjects: string[] } | { ok: false; reason: string };

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const OTHER_PEM = /-----BEGIN ([A-Z0-9 ]+)-----/;

/**
 * Reads the PEM the proxy trusts for CMS. A file that holds no certificate would otherwise be
 * accepted at start and then fail every call with a TLS error that hides the real mistake.
 */
export function readCaFile(file: string): CaFileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, reason: `cannot read the CA file ${file} (${(error as Error).message}).` };
  }
  const text = bytes.toString('latin1');
  const blocks = text.match(CERTIFICATE) ?? [];
  if (blocks.length === 0) return { ok: false, reason: `${file} holds no certificate: ${whatItHolds(file, bytes, text)}` };
  const subjects: string[] = [];
  for (const [index, block] of blocks.entries()) {
    try {
      subjects.push(new X509Certificate(block).subject.replace(/\n/g, ', '));
    } catch (error) {
      return { ok: false, reason: `certificate ${index + 1} of ${blocks.length} in ${file} cannot be read (${(error as Error).message}).` };
    }
  }
  const pem = blocks.join('\n');
  try {
    createSecureContext({ ca: pem });
  } catch (error) {
    return { ok: false, reason: `${file} cannot be used as a CA (${(error as Error).message}).` };
  }
  return { ok: true, pem, subjects };
}

function whatItHolds(file: string, bytes: Buffer, text: string): string {
  const other = OTHER_PEM.exec(text)?.[1];
  if (other) return `it has a PEM "${other}" block, but a CA file needs "-----BEGIN CERTIFICATE-----" blocks.`;
  if (bytes.length === 0) return 'it is empty.';
  // DER certificates start with an ASN.1 SEQUENCE (0x30) and are not text.
  if (bytes[0] === 0x30 && bytes.includes(0)) {
    return `it looks like a binary (DER) certificate; convert it with: openssl x509 -inform der -in ${file} -out ca.pem`;
  }
  return 'a CA file is PEM text with "-----BEGIN CERTIFICATE-----" blocks (the CA that signed the CMS certificate, or that certificate itself).';
}
