import { expect } from 'vitest';
import { attribute, childNames, flatten, parseXml, type XmlDocument, type XmlNode } from '../../../api/wire/xml';

export const ADMIN = `Basic ${btoa('admin:admin')}`;

export interface WireAnswer {
  status: number;
  headers: Headers;
  text: string;
  xml?: XmlDocument;
}

/** Talks to a standalone mock over HTTP as a CMS client does: Basic auth, form bodies, XML answers. */
export function wireClient(baseUrl: () => string, auth = ADMIN) {
  const call = async (method: string, path: string, form?: string | Record<string, string>, headers: Record<string, string> = {}): Promise<WireAnswer> => {
    const body = typeof form === 'string' ? form : form ? new URLSearchParams(form).toString() : undefined;
    const res = await fetch(baseUrl() + path, {
      method,
      headers: { Authorization: auth, ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, ...(text.startsWith('<') ? { xml: parseXml(text) } : {}) };
  };
  return {
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, form: string | Record<string, string> = '') => call('POST', path, form),
    put: (path: string, form: string | Record<string, string>) => call('PUT', path, form),
    del: (path: string) => call('DELETE', path),
    control: async (path: string, body: unknown = {}, headers: Record<string, string> = { Authorization: auth }) => {
      const res = await fetch(baseUrl() + path, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    },
  };
}

export function failureOf(res: WireAnswer): { code?: string; parameter?: string; error?: string } {
  expect(res.xml?.root, res.text).toBe('failureDetails');
  const node = res.xml!.node;
  const [code] = childNames(node);
  const el = code && typeof node !== 'string' ? (node[code] as XmlNode) : undefined;
  return { ...(code ? { code } : {}), ...(el ? { parameter: attribute(el, 'parameter'), error: attribute(el, 'error') } : {}) };
}

export const objectOf = (res: WireAnswer) => flatten(res.xml!.node);

/** The element names of a single object, in the order they came. */
export const elementOrder = (text: string) => [...text.matchAll(/<([A-Za-z]+)[\s/>]/g)].map((m) => m[1]).slice(1);

export function idFrom(location: string | null): string {
  const id = location?.split('/').pop();
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  return id!;
}
