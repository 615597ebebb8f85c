import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** One parsed element: its text, or attributes (`@_x`), children and any text (`#text`). */
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
const TEXT = '#text';

interface OpenElement {
  name: string;
  element: XmlElement;
  text: string;
  empty: boolean;
}

/** A name CMS could send that must stay a plain key (`<__proto__>` would otherwise set the prototype). */
function put(target: XmlElement, key: string, value: XmlNode | XmlNode[]): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function addChild(parent: OpenElement, name: string, node: XmlNode): void {
  const existing = Object.hasOwn(parent.element, name) ? parent.element[name] : undefined;
  if (existing === undefined) put(parent.element, name, node);
  else if (Array.isArray(existing)) existing.push(node);
  else put(parent.element, name, [existing, node]);
  parent.empty = false;
}

/** An element with neither attributes nor children is its trimmed text, as CMS values are read. */
function nodeOf(open: OpenElement): XmlNode {
  const text = open.text.trim();
  if (open.empty) return text;
  if (text !== '') open.element[TEXT] = text;
  return open.element;
}

function formatError(error: Error): XmlFormatError {
  // saxes says "line:column: message"
  const where = /^(\d+):(\d+): (.*)$/s.exec(error.message);
  return where
    ? new XmlFormatError(`The answer is not well-formed XML (line ${where[1]}, column ${where[2]}): ${where[3]}`)
    : new XmlFormatError(`The answer is not well-formed XML: ${error.message}`);
}

/**
 * Parses one CMS answer in a single pass of a conforming parser (saxes): a malformed or
 * DTD-bearing document fails with a clear reason, and no second validating pass is needed.
 */
export function parseXml(text: string): XmlDocument {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new XmlFormatError('The answer contains a DTD or entity declaration, which CMS never sends; refused.');
  }
  const parser = new SaxesParser<{ xmlns: false }>();
  const stack: OpenElement[] = [];
  let document: XmlDocument | undefined;
  let roots = 0;
  const appendText = (chunk: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += chunk;
  };
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const element: XmlElement = {};
    let empty = true;
    for (const name in tag.attributes) {
      put(element, ATTR + name, tag.attributes[name]!);
      empty = false;
    }
    stack.push({ name: tag.name, element, text: '', empty });
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const node = nodeOf(open);
    const parent = stack[stack.length - 1];
    if (parent) addChild(parent, open.name, node);
    else {
      roots++;
      document = { root: open.name, node };
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw error instanceof Error ? formatError(error) : error;
  }
  if (roots !== 1 || document === undefined) throw new XmlFormatError(`Expected one root element, found ${roots}.`);
  return document;
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
