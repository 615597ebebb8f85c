import { formatValue } from '../../api/params/schema';
import type { ParamTable } from '../../api/params/param-def';
import { buildXml, type XmlBuildElement } from '../../api/wire/xml';
import type { Entity, Values } from './store';

const XML_HEADERS = { 'Content-Type': 'text/xml' };

export class CmsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly attributes: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = (code: string) => new CmsFailure(404, code);
export const badRequest = (code: string) => new CmsFailure(400, code);
export const parameterError = (parameter: string, error: string) =>
  new CmsFailure(400, 'parameterError', { parameter, error });

export function failureResponse(failure: CmsFailure): Response {
  const body = buildXml('failureDetails', { children: [[failure.code, { attributes: failure.attributes }]] }, { selfClose: ' />' });
  return new Response(body, { status: failure.status, headers: XML_HEADERS });
}

export function xmlResponse(root: string, element: XmlBuildElement): Response {
  return new Response(buildXml(root, element), { status: 200, headers: XML_HEADERS });
}

export function emptyOk(location?: string): Response {
  return new Response(null, { status: 200, headers: location ? { Location: location } : {} });
}

const orderCache = new WeakMap<readonly string[], string[]>();

/** `order` first, then the rest of the table's parameters in table order. */
function orderedNames(table: ParamTable, order: readonly string[]): string[] {
  let names = orderCache.get(order);
  if (!names) {
    names = [...order, ...Object.keys(table).filter((k) => !order.includes(k))];
    orderCache.set(order, names);
  }
  return names;
}

/** Elements in the object's read order (blueprint example, else table order); `only` picks and orders a subset. */
export function valueChildren(table: ParamTable, values: Values, only?: readonly string[], order?: readonly string[]): Array<[string, string]> {
  const names = only ?? (order ? orderedNames(table, order) : Object.keys(table));
  const out: Array<[string, string]> = [];
  for (const name of names) {
    const value = values[name];
    if (value !== undefined && table[name]?.access !== 'writeOnly') out.push([name, formatValue(value)]);
  }
  return out;
}

export function entityElement(entity: Entity, children: Array<[string, string | XmlBuildElement]>): XmlBuildElement {
  return { attributes: { id: entity.id }, children };
}
