import type { MockContext } from './context';
import { applyFaultsInput, type Faults, type FaultsInput } from './faults';
import { authorized, originAllowed, unauthorized } from './http/auth';
import type { SeedName } from './seeds/seed';

export interface ControlTarget {
  ctx: MockContext;
  faults: Faults;
  reset(seed?: SeedName): void;
}

const refused = (status: number, message: string) => Response.json({ error: message }, { status });

async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  if (request.method !== 'POST') return {};
  const parsed: unknown = await request.json().catch(() => ({}));
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/**
 * `/mock-cms/…`: faults, reset and the dial-in simulation. They change the model, so a standalone
 * mock asks for its own credentials and refuses pages of other origins; inside the studio
 * (credentials null) the proxy's same-origin guard stands in front of them.
 */
export async function handleControl(target: ControlTarget, request: Request, path: string): Promise<Response> {
  const { ctx, faults } = target;
  if (!originAllowed(request, ctx.options.controlOrigins)) return refused(403, 'Requests from other sites are refused.');
  if (!authorized(request, ctx.options.credentials)) return unauthorized();
  if (path.startsWith('/mock-cms/simulate/')) return ctx.simulation.handle(request, path);
  if (path === '/mock-cms/faults' && request.method === 'GET') return Response.json(faults);
  if (path === '/mock-cms/faults' && request.method === 'POST') {
    try {
      applyFaultsInput(faults, (await jsonBody(request)) as FaultsInput);
    } catch (error) {
      return refused(400, error instanceof Error ? error.message : 'Bad fault.');
    }
    return Response.json(faults);
  }
  if (path === '/mock-cms/reset' && request.method === 'POST') {
    const body = await jsonBody(request);
    const seed = (body.seed as SeedName | undefined) ?? ctx.options.seed;
    target.reset(seed);
    return Response.json({ seed });
  }
  return new Response('Not found', { status: 404 });
}
