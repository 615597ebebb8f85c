import { badRequest, notFound } from '../wire';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteRequest {
  method: Method;
  /** captured `:name` segments, as sent (ids are compared lower-cased by the store) */
  params: Record<string, string | undefined>;
  url: URL;
  /** query parameters with lower-cased names: CMS matches them case-insensitively */
  query: Map<string, string>;
  body: string;
  signal: AbortSignal;
}

export type RouteHandler = (request: RouteRequest) => Response | Promise<Response>;

export interface Route {
  /** `coSpaces/:coSpace/accessMethods/:id?`: literals match case-insensitively, `a|b` is either spelling */
  pattern: string[];
  handlers: Partial<Record<Method, RouteHandler>>;
}

export function route(path: string, handlers: Partial<Record<Method, RouteHandler>>): Route {
  return { pattern: path.split('/').filter(Boolean), handlers };
}

function matchPattern(pattern: readonly string[], segments: readonly string[]): Record<string, string | undefined> | undefined {
  const required = pattern.filter((p) => !p.endsWith('?')).length;
  if (segments.length < required || segments.length > pattern.length) return undefined;
  const params: Record<string, string | undefined> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i];
    if (part.startsWith(':')) {
      params[part.replace(/^:|\?$/g, '')] = segment;
      continue;
    }
    if (segment === undefined || !part.toLowerCase().split('|').includes(segment.toLowerCase())) return undefined;
  }
  return params;
}

/** The first route whose pattern fits; 404 unrecognizedObject for none, 400 invalidOperation for a method it lacks. */
export function dispatch(routes: readonly Route[], segments: readonly string[], request: Omit<RouteRequest, 'params'>): Response | Promise<Response> {
  for (const candidate of routes) {
    const params = matchPattern(candidate.pattern, segments);
    if (!params) continue;
    const handler = candidate.handlers[request.method];
    if (!handler) throw badRequest('invalidOperation');
    return handler({ ...request, params });
  }
  throw notFound('unrecognizedObject');
}
