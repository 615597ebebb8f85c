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
  const body = buildXml('failureDetails', {
    children: [[failure.code, { attributes: failure.attributes }]],
  });
  return new Response(body, { status: failure.status, headers: XML_HEADERS });
}

export function xmlResponse(root: string, element: XmlBuildElement): Response {
  return new Response(buildXml(root, element), { status: 200, headers: XML_HEADERS });
}

export function emptyOk(location?: string): Response {
  return new Response(null, { status: 200, headers: location ? { Location: location } : {} });
}

/** Elements in blueprint order, then any extras (derived values) in the order given. */
export function valueChildren(table: ParamTable, values: Values, only?: readonly string[]): Array<[string, string]> {
  const names = only ?? Object.keys(table);
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
