import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

async function main() {
  if (import.meta.env.VITE_MOCK_CMS === 'worker') {
    await (await import('./mocks/browser')).startMockWorker();
    // No server keeps a journal in the static demo: its runs are kept in this tab.
    const [{ configureChangeJournal }, { createMemoryJournal }] = await Promise.all([import('./api/changes/journal-port'), import('./api/changes/memory-journal')]);
    configureChangeJournal(createMemoryJournal());
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void main();
