import { setupServer } from 'msw/node';
import { createCmsHandlers } from './cms/handlers';
import { createMockCms, type MockCmsOptions } from './cms/mock-cms';

/** The mock CMS inside Vitest: every fetch to `/api/v1` is answered by the model, nothing else is allowed. */
export function setupMockCms(options: MockCmsOptions = {}) {
  const mock = createMockCms({ credentials: null, bulkStepMs: 20, ...options });
  const server = setupServer(...createCmsHandlers(mock));
  return { mock, server };
}
