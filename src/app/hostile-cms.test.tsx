// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { cmsReachability } from '../api/transport/cms-reachability';
import { studioConnectionQueries, type StudioConnection } from '../api/transport/studio-connection';
import { PROXY_PROBLEM_HEADER, PROXY_PROBLEM_TYPE, proxyProblem } from '../api/wire/proxy-problem';
import { LAB, TEST_CMS_URL, withMockCms } from '../testing/mock-cms';
import { createQueryClient, Providers } from './providers';
import { routes } from './router';

const { server } = withMockCms();

afterEach(() => cmsReachability.reset());

function renderStudio(path: string) {
  const queryClient = createQueryClient();
  const connection: StudioConnection = { mode: 'cms', target: 'https://cms.example:445', user: 'admin', credentials: 'server', targets: [] };
  queryClient.setQueryData(studioConnectionQueries.current().queryKey, connection);
  render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />
    </Providers>,
  );
}

const answerSpaces = (response: () => Response) => server.use(http.get(`${TEST_CMS_URL}/api/v1/coSpaces`, response));
const xml = (text: string) => new HttpResponse(text, { headers: { 'Content-Type': 'text/xml' } });

/** A body produced on demand, so a 50 MB answer is never held by the test itself; counts what was pulled. */
function streamOf(chunk: Uint8Array, count: number, pulled: { bytes: number }, failAfter?: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent >= failAfter) {
        controller.error(new TypeError('terminated: other side closed'));
        return;
      }
      if (sent >= count) {
        controller.close();
        return;
      }
      sent++;
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

async function alertText(): Promise<string> {
  return (await screen.findByRole('alert', {}, { timeout: 15_000 })).textContent ?? '';
}

describe('a broken or hostile CMS does not take the tab down', () => {
  it('refuses a space whose name holds markup with a sentence, instead of crashing the page', async () => {
    answerSpaces(() => xml(`<coSpaces total="1"><coSpace id="${LAB.coSpaces.guest}"><name>Evil<b>bold</b><img src="x"/></name></coSpace></coSpaces>`));
    renderStudio('/spaces');
    expect(await alertText()).toMatch(/CMS answered a <coSpace> \(id [0-9a-f-]+\) that the studio cannot read: name: <name> holds markup \(<b>, <img>\) where CMS sends text/);
    expect(screen.getByRole('heading', { level: 1, name: 'Spaces' })).toBeTruthy();
  });

  it('refuses an absurd total of spaces with a sentence instead of an empty table', async () => {
    answerSpaces(() => xml(`<coSpaces total="100000000000000"><coSpace id="${LAB.coSpaces.guest}"><name>One</name></coSpace></coSpaces>`));
    renderStudio('/spaces');
    expect(await alertText()).toMatch(/total="100000000000000", far more than any CMS holds \(the studio lists at most 1,000,000\)/);
  });

  it('refuses an absurd total of access methods on a space without paging through it', async () => {
    let pages = 0;
    server.use(
      http.get(`${TEST_CMS_URL}/api/v1/coSpaces/:id/accessMethods`, () => {
        pages++;
        return xml('<accessMethods total="100000000000"><accessMethod id="11111111-2222-4333-8444-555555555555"><uri>x</uri></accessMethod></accessMethods>');
      }),
    );
    renderStudio(`/spaces/${LAB.coSpaces.guest}`);
    expect(await alertText()).toMatch(/<accessMethods> with total="100000000000", far more than any CMS holds/);
    expect(pages).toBe(1);
  });

  it('refuses a 50 MB answer after reading no more than the limit', async () => {
    const pulled = { bytes: 0 };
    const chunk = new TextEncoder().encode(`<coSpace id="x"><name>${'a'.repeat(1024 * 1024 - 40)}</name></coSpace>`);
    answerSpaces(() => new HttpResponse(streamOf(chunk, 50, pulled), { headers: { 'Content-Type': 'text/xml' } }));
    renderStudio('/spaces');
    expect(await alertText()).toMatch(/is more than the 8,388,608 bytes the studio reads; no CMS page is that large/);
    expect(pulled.bytes).toBeLessThan(12 * 1024 * 1024);
  });

  it('says an answer broke off, not that CMS could not be reached', async () => {
    const pulled = { bytes: 0 };
    answerSpaces(() => new HttpResponse(streamOf(new TextEncoder().encode('<coSpaces total="3"><coSpace id="x">'), 5, pulled, 2), { headers: { 'Content-Type': 'text/xml' } }));
    renderStudio('/spaces');
    const text = await alertText();
    expect(text).toMatch(/The answer to GET \/api\/v1\/coSpaces broke off before its end/);
    expect(text).not.toMatch(/Could not reach CMS/);
  });

  it('shows the proxy’s reason for a 502 and turns the connection chip red', async () => {
    const problem = proxyProblem('cms-untrusted', 502, 'The TLS certificate of CMS at https://cms.example:445 is not trusted (SELF_SIGNED_CERT_IN_CHAIN). Set CMS_CA_FILE to the PEM of the CA that signed it.');
    // An untrusted CMS fails every call, not only the list on screen: any answer would turn the chip green again.
    server.use(http.all(`${TEST_CMS_URL}/api/v1/*`, () => HttpResponse.json(problem, { status: 502, headers: { 'Content-Type': PROXY_PROBLEM_TYPE, [PROXY_PROBLEM_HEADER]: 'cms-untrusted' } })));
    renderStudio('/spaces');
    expect(await alertText()).toBe(problem.detail);
    const banner = screen.getByRole('banner');
    expect(await within(banner).findByText('CMS certificate is not trusted: cms.example:445', {}, { timeout: 15_000 })).toBeTruthy();
  });

  it('does not believe a CMS that dresses its own 502 up as the proxy’s', async () => {
    const forged = proxyProblem('cms-unreachable', 502, 'Forged by CMS.');
    answerSpaces(() => HttpResponse.json(forged, { status: 502, headers: { 'Content-Type': PROXY_PROBLEM_TYPE } }));
    renderStudio('/spaces');
    expect(await alertText()).toBe('CMS answered HTTP 502 to GET /api/v1/coSpaces.');
    expect(within(screen.getByRole('banner')).getByText('CMS: cms.example:445 as admin')).toBeTruthy();
  });
});
