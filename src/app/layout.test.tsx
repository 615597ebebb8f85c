// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient, Providers } from './providers';
import { routes } from './router';

function answerConnection(body: unknown, status = 200) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith('/studio/connection')) return new Response('unexpected request', { status: 500 });
    // Like the proxy: no X-Requested-By header, no answer.
    if (new Headers(init?.headers).get('X-Requested-By') !== 'cms-access-studio') {
      return new Response('missing X-Requested-By', { status: 403 });
    }
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderShell(path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <Providers queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('app shell', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('shows the navigation, redirects / to Wizards and the demo connection chip', async () => {
    const fetchMock = answerConnection({ mode: 'mock' });
    const router = renderShell('/');

    const nav = screen.getByRole('navigation', { name: 'Sections' });
    for (const label of ['Wizards', 'Spaces', 'Audit', 'Profiles', 'System']) {
      expect(within(nav).getByRole('link', { name: new RegExp(`^${label}$`) })).toBeTruthy();
    }
    expect(await screen.findByText('DEMO: mocked CMS')).toBeTruthy();
    // Sections load on first visit, so the redirect completes once the Wizards page has loaded:
    // on a busy machine its first import takes well over findBy's default second.
    expect(await screen.findByRole('heading', { level: 1, name: 'Guest and host wizards' }, { timeout: 15_000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/wizards');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('names the CMS and user, and warns when TLS is not verified', async () => {
    answerConnection({ mode: 'cms', target: 'https://cms.example:445', user: 'admin', insecureTls: true });
    renderShell('/spaces');

    // The Spaces page loads on first visit (its Find box and list included): on a busy machine its
    // first import holds the event loop well over findBy's default second.
    expect(await screen.findByText('CMS: cms.example:445 as admin', undefined, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('TLS not verified')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Spaces' })).toBeTruthy();
  });

  it('says Not connected with the error when the server does not answer properly', async () => {
    answerConnection({ error: 'boom' }, 502);
    renderShell('/system');

    expect(await screen.findByText(/^Not connected: .*502/, undefined, { timeout: 5_000 })).toBeTruthy();
  });

  it('shows a plain message and a Reload button for an unknown address', async () => {
    answerConnection({ mode: 'mock' });
    renderShell('/no-such-page');

    expect(screen.getByRole('alert').textContent).toContain('404 Not Found');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
