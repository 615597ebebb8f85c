import { createTheme, ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach } from 'vitest';
import type { CmsExchange } from '../../api/transport/client';
import { configureCmsClient } from '../../api/transport/cms-client';
import { TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { WizardPage } from '../wizard-page';
import { WizardsPage } from '../wizards-page';

export type User = ReturnType<typeof userEvent.setup>;

/** The mock CMS for a wizard test file, with every exchange recorded (see `writes`). */
export function withWizardCms() {
  const cms = withMockCms();
  const log: { exchanges: CmsExchange[] } = { exchanges: [] };
  beforeEach(() => {
    log.exchanges = [];
    configureCmsClient({ baseUrl: TEST_CMS_URL, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, onExchange: (e) => log.exchanges.push(e) });
    // The studio's own endpoint (served by the proxy, not CMS): the mock CMS behind it.
    cms.server.use(http.get('*/studio/connection', () => HttpResponse.json({ mode: 'mock', credentials: 'server' })));
  });
  // POST /uriUsageQuery and /accessQuery only ask; they change nothing on CMS.
  const isQuery = (path: string) => /\/(uriUsage|access)Query$/i.test(path);
  const writes = () => log.exchanges.filter((e) => e.method !== 'GET' && !isQuery(e.path)).map((e) => `${e.method} ${e.path} ${e.status ?? 'no answer'}`);
  return { ...cms, log, writes };
}

/** The wizards in a memory router, as the app routes them. */
export function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/wizards', element: <WizardsPage /> },
      { path: '/wizards/:scenario', element: <WizardPage /> },
      { path: '/spaces/:id/profiles', element: <p>the viewer</p> },
    ],
    { initialEntries: [path] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Router state in a transition is committed by the scheduler, outside the act() scopes of these
  // tests (a step change navigates after an awaited validation): updates without one keep tests in step.
  const view = render(
    <QueryClientProvider client={client}>
      <ThemeProvider theme={createTheme()}>
        <RouterProvider router={router} useTransitions={false} />
      </ThemeProvider>
    </QueryClientProvider>,
  );
  return { router, user: userEvent.setup(), view };
}

export const stepHeading = (name: RegExp) => screen.findByRole('heading', { level: 2, name });
export const next = (user: User) => user.click(screen.getByRole('button', { name: /^Next/ }));
export const textbox = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;

export async function retype(user: User, name: RegExp, text: string) {
  await user.clear(textbox(name));
  if (text !== '') await user.type(textbox(name), text);
}

/** The guide's example, filled in by its button (on a step with example fields). */
export async function fillExample(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Fill in the guide’s example' }));
  await screen.findByText(/^Filled in from the guide: /);
}

/** Review, once its plan is shown. */
export async function toReview(user: User) {
  await user.click(screen.getByRole('tab', { name: 'Review and apply' }));
  await screen.findByRole('heading', { level: 3, name: 'API calls' }, { timeout: 10_000 });
}

export async function applyAndVerify(user: User) {
  await user.click(await screen.findByRole('button', { name: /^Apply \d+ change/ }));
  await screen.findByRole('heading', { level: 2, name: 'Verify' }, { timeout: 10_000 });
}
