import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** What fast-xml-parser gives for one element: text, or attributes (`@_x`) and children. */
export type XmlNode = string | XmlElement;
export interface XmlElement {
  [name: string]: XmlNode | XmlNode[] | undefined;
}

export interface XmlDocument {
  root: string;
  node: XmlNode;
}

export class XmlFormatError extends Error {
  override readonly name = 'XmlFormatError';
}

const ATTR = '@_';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  // CMS never sends a DTD; refusing one outright rules out entity-expansion attacks.
  processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 10_000 },
  htmlEntities: false,
});

/** Parses one CMS answer; any malformed or DTD-bearing document fails with a clear reason. */
export function parseXml(text: string): XmlDocument {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new XmlFormatError('The answer contains a DTD or entity declaration, which CMS never sends; refused.');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new XmlFormatError(`The answer is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
  const parsed = parser.parse(text) as XmlElement;
  const roots = Object.keys(parsed).filter((k) => !k.startsWith('?'));
  const root = roots[0];
  if (roots.length !== 1 || root === undefined) {
    throw new XmlFormatError(`Expected one root element, found ${roots.length}.`);
  }
  const node = parsed[root];
  if (Array.isArray(node) || node === undefined) throw new XmlFormatError(`Unexpected content under <${root}>.`);
  return { root, node };
}

export function attribute(node: XmlNode, name: string): string | undefined {
  if (typeof node === 'string') return undefined;
  const value = node[ATTR + name];
  return typeof value === 'string' ? value : undefined;
}

/** Child elements of one name as an array, so one and zero children look like many. */
export function children(node: XmlNode, name: string): XmlNode[] {
  if (typeof node === 'string') return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Element content with attributes folded in as plain keys (`id`, `total`, …). */
export function flatten(node: XmlNode): Record<string, unknown> {
  if (typeof node === 'string') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key.startsWith(ATTR) ? key.slice(ATTR.length) : key] = value;
  }
  return out;
}

/** The names of the empty child elements: `<failureDetails><coSpaceDoesNotExist/></failureDetails>`. */
export function childNames(node: XmlNode): string[] {
  if (typeof node === 'string') return [];
  return Object.keys(node).filter((k) => !k.startsWith(ATTR) && k !== '#text');
}

export type XmlValue = string | number | boolean | undefined;
export interface XmlBuildElement {
  attributes?: Record<string, string | number>;
  children?: Array<[string, XmlValue | XmlBuildElement]>;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

export interface BuildOptions {
  /**
   * How an element without content ends: `/>` as the blueprint writes `<passcode/>` and
   * `<callBridges total="0"/>`, or ` />` as CMS writes failure details (`<coSpaceDoesNotExist />`).
   */
  selfClose?: '/>' | ' />';
}

function element(name: string, value: XmlValue | XmlBuildElement, selfClose: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'object') {
    const text = String(value);
    return text === '' ? `<${name}${selfClose}` : `<${name}>${escapeText(text)}</${name}>`;
  }
  const attributes = Object.entries(value.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  const inner = (value.children ?? []).map(([child, v]) => element(child, v, selfClose)).join('');
  return inner === '' ? `<${name}${attributes}${selfClose}` : `<${name}${attributes}>${inner}</${name}>`;
}

/**
 * Serialises the way CMS does: declaration, one root, attributes for ids and totals, children in
 * the order given, and empty elements self-closing.
 */
export function buildXml(root: string, value: XmlBuildElement, options: BuildOptions = {}): string {
  return `<?xml version="1.0"?>${element(root, value, options.selfClose ?? '/>')}`;
}
