import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
// The api layer never imports mocks; its integration tests do, through this one file.
import { setupMockCms } from '../mocks/node';
export { LAB } from '../mocks/cms/seeds/lab';
import { configureChangeJournal } from '../api/changes/journal-port';
import { createMemoryJournal, type MemoryJournal } from '../api/changes/memory-journal';
import { configureCmsClient } from '../api/transport/cms-client';
import { sessionCredentials } from '../api/transport/session';

export const TEST_CMS_URL = 'http://cms.test';

/**
 * Runs the file's tests against the in-process mock CMS (lab seed, pages of 10), reset before each
 * test. Unhandled requests fail the test. The change engine records into a fresh journal in memory
 * per test (`journal()`), checked against the journal's contract.
 */
export function withMockCms() {
  const { mock, server } = setupMockCms();
  let journal: MemoryJournal = createMemoryJournal();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    configureCmsClient({ baseUrl: TEST_CMS_URL, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
  });
  beforeEach(() => {
    mock.reset();
    sessionCredentials.clear();
    journal = createMemoryJournal();
    configureChangeJournal(journal);
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => {
    server.close();
    configureCmsClient();
    configureChangeJournal();
  });
  return { mock, server, journal: () => journal };
}
