import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createCmsHandlers } from './cms/handlers';
import { createMockCms } from './cms/mock-cms';

/** The static demo: the whole mock CMS runs in a service worker, no server anywhere. */
export async function startMockWorker(): Promise<void> {
  const mock = createMockCms({ credentials: null, seed: 'lab' });
  const worker = setupWorker(
    http.get('/studio/connection', () => HttpResponse.json({ mode: 'mock' })),
    ...createCmsHandlers(mock),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
