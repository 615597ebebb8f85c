import { http, passthrough } from 'msw';
import type { MockCms } from './mock-cms';

/** The one handler set every runner uses: browser worker, Vitest's setupServer, and the node:http server. */
export function createCmsHandlers(mock: MockCms) {
  return [
    http.all(/\/(api\/v1|mock-cms)(\/|$|\?)/i, async ({ request }) => (await mock.handle(request)) ?? passthrough()),
  ];
}
