import { type MockCmsOptions, type MockContext, resolveOptions, type ResolvedOptions } from './context';
import { handleControl } from './control';
import { createWriteGate, type Faults } from './faults';
import { authorized, unauthorized } from './http/auth';
import { queryParams } from './http/query';
import { dispatch, type Method, type Route } from './http/router';
import { bulkRoutes } from './routes/bulk';
import { callBridgeRoutes } from './routes/call-bridges';
import { callRoutes } from './routes/calls';
import { coSpaceRoutes } from './routes/co-spaces';
import { participantRoutes } from './routes/participants';
import { profileRoutes } from './routes/profiles';
import { queryRoutes } from './routes/queries';
import { diagnosticsRoutes } from './routes/diagnostics';
import { spaceExtraRoutes } from './routes/space-extras';
import { supportRoutes } from './routes/support';
import { systemRoutes } from './routes/system';
import { templateRoutes } from './routes/templates';
import { tenantRoutes } from './routes/tenants';
import { userRoutes } from './routes/users';
import { seedStore, type SeedName } from './seeds/seed';
import { createSimulation } from './simulation';
import { Store } from './store';
import { CmsFailure, failureResponse } from './wire';

export type { MockCmsOptions } from './context';
export type { Faults, WriteFault } from './faults';

export interface MockCms {
  readonly store: Store;
  readonly faults: Faults;
  readonly options: ResolvedOptions;
  /** answers a request for /api/v1/… or /mock-cms/…; undefined for any other path */
  handle(request: Request): Promise<Response | undefined>;
  reset(seed?: SeedName): void;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'DELETE']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every route of the API, one module per resource family, in the order they are tried. */
function apiRoutes(ctx: MockContext): Route[] {
  return [
    ...coSpaceRoutes(ctx),
    ...spaceExtraRoutes(ctx),
    ...diagnosticsRoutes(ctx),
    ...profileRoutes(ctx),
    ...callRoutes(ctx),
    ...participantRoutes(ctx),
    ...systemRoutes(ctx),
    ...queryRoutes(ctx),
    ...tenantRoutes(ctx),
    ...userRoutes(ctx),
    ...templateRoutes(ctx),
    ...callBridgeRoutes(ctx),
    ...bulkRoutes(ctx),
    ...supportRoutes(ctx),
  ];
}

async function answerApi(routes: Route[], request: Request, rest: string): Promise<Response> {
  const method = request.method.toUpperCase();
  try {
    if (!METHODS.has(method)) throw new CmsFailure(405, 'invalidOperation');
    const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const url = new URL(request.url);
    const body = method === 'POST' || method === 'PUT' ? await request.text() : '';
    return await dispatch(routes, segments, { method: method as Method, url, query: queryParams(url), body, signal: request.signal });
  } catch (error) {
    if (error instanceof CmsFailure) return failureResponse(error);
    throw error;
  }
}

/** The mock CMS: one model of CMS (store + rules), answered over its wire format. */
export function createMockCms(options: MockCmsOptions = {}): MockCms {
  const opts = resolveOptions(options);
  const store = new Store();
  const faults: Faults = { latencyMs: opts.latencyMs, busy: 0 };
  const gate = createWriteGate(faults);
  seedStore(store, opts.seed);
  const ctx: MockContext = { store, options: opts, simulation: createSimulation(store, { domain: opts.domain }), gate };
  const routes = apiRoutes(ctx);

  const mock: MockCms = {
    store,
    faults,
    options: opts,
    reset(seed) {
      gate.releaseHung();
      store.clear();
      faults.busy = 0;
      faults.latencyMs = opts.latencyMs;
      delete faults.failWrite;
      ctx.simulation.reset();
      seedStore(store, seed ?? opts.seed);
    },
    async handle(request) {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/mock-cms/')) return handleControl({ ctx, faults, reset: mock.reset }, request, path);
      const m = /^\/api\/v1(\/.*)?$/i.exec(path);
      if (!m) return undefined;
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      if (!authorized(request, opts.credentials)) return unauthorized();
      if (faults.busy > 0) {
        faults.busy -= 1;
        return new Response(null, { status: 503 });
      }
      return answerApi(routes, request, m[1] ?? '');
    },
  };
  return mock;
}
