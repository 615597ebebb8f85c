// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { UserSpacesPage } from './user-spaces-page';

const { server, mock, journal } = withMockCms();

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <UserSpacesPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

async function find(user: ReturnType<typeof userEvent.setup>, userId: string) {
  const search = screen.getByRole('search', { name: 'Find a user’s space' });
  await user.clear(within(search).getByLabelText('User id'));
  await user.type(within(search).getByLabelText('User id'), userId);
  await user.click(within(search).getByRole('button', { name: 'Find' }));
}

const spaceXml = (id: string, uri: string, secondaryUri?: string) =>
  `<coSpace id="${id}"><name>${uri}</name><uri>${uri}</uri>${secondaryUri ? `<secondaryUri>${secondaryUri}</secondaryUri>` : ''}</coSpace>`;

describe('spaces by user', () => {
  afterEach(cleanup);

  it('finds user1’s space by exact URI, not the spaces that only contain the text', async () => {
    mock.store.insert('coSpace', { name: 'Not it', uri: 'user1.old' });
    mock.store.insert('coSpace', { name: 'User One', uri: 'user1' });
    const user = renderPage();
    await find(user, 'USER1@evacanoalone.net');
    expect(await screen.findByLabelText('Space of user1')).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'User One' })).toBeTruthy();
    expect(screen.queryByText('Not it')).toBeNull();
  });

  it('lists the spaces the user is a member of, from usercoSpaces, with their names', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => void requests.push(`${request.method} ${new URL(request.url).pathname}`));
    const user = renderPage();
    await find(user, 'user1@evacanoalone.net');
    const list = await screen.findByRole('list', { name: 'Member of' });
    expect(await within(list).findByText('Global')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Spaces user1@evacanoalone.net is a member of' })).toBeTruthy();
    expect(requests).toContain(`GET /api/v1/users/${LAB.users.user1}/usercoSpaces`);
    expect(requests.some((r) => /coSpaceUsers/.test(r))).toBe(false);
    server.events.removeAllListeners();
  });

  it('modifies the found space with the space page’s dialog: only the changed field is sent, journaled for undo', async () => {
    const space = mock.store.insert('coSpace', { name: 'User One', uri: 'user1', callId: '7001' });
    const writes: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') writes.push(`${request.method} ${new URL(request.url).pathname} ${request.clone().body ? 'body' : ''}`);
    });
    const bodies: string[] = [];
    server.events.on('request:start', ({ request }) => void (request.method === 'PUT' && request.clone().text().then((text) => bodies.push(text))));
    const user = renderPage();
    await find(user, 'user1');
    const card = await screen.findByLabelText('Space of user1');
    await user.click(await within(card).findByRole('button', { name: 'Modify' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the space “User One”' });
    const name = within(dialog).getByRole('textbox', { name: 'name' });
    await user.clear(name);
    await user.type(name, 'User One’s room');
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Apply' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^Saved name of the space “User One(’s room)?”\./);

    expect(writes).toEqual([`PUT /api/v1/coSpaces/${space.id} body`]);
    expect(bodies).toEqual(['name=User+One%E2%80%99s+room']);
    expect(mock.store.get('coSpace', space.id)?.values).toMatchObject({ name: 'User One’s room', uri: 'user1', callId: '7001' });
    expect(journal().runs[0]).toMatchObject({ origin: { kind: 'page' }, state: 'applied' });
    server.events.removeAllListeners();
  });

  it('says plainly when no space has the user id', async () => {
    const user = renderPage();
    await find(user, 'nobody');
    expect(await screen.findByText(/No space has “nobody” as its URI or secondary URI/)).toBeTruthy();
  });

  it('refuses to pick when two spaces answer to the user id', async () => {
    // CMS keeps URIs unique; a second match can only come from data CMS did not check (e.g. an old import).
    server.use(
      http.get(`${TEST_CMS_URL}/api/v1/coSpaces`, () =>
        HttpResponse.text(
          `<coSpaces total="2">${spaceXml('00000000-0000-4000-8000-000000000001', 'dup')}${spaceXml('00000000-0000-4000-8000-000000000002', 'dup.other', 'dup')}</coSpaces>`,
          { headers: { 'Content-Type': 'text/xml' } },
        ),
      ),
    );
    const user = renderPage();
    await find(user, 'dup');
    expect(await screen.findByText(/2 spaces have “dup” as their URI or secondary URI, so this user id does not lead to one space/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Modify' })).toBeNull();
  });

  it('gives CMS’s error in plain words', async () => {
    server.use(
      http.get(`${TEST_CMS_URL}/api/v1/coSpaces`, () =>
        HttpResponse.text('<failureDetails><databaseNotReady/></failureDetails>', { status: 500, headers: { 'Content-Type': 'text/xml' } }),
      ),
    );
    const user = renderPage();
    await find(user, 'user1');
    expect(await screen.findByText(/The search for “user1” failed: The CMS database is not ready yet/)).toBeTruthy();
  });

  it('puts a URI clash on the URI field before anything is sent', async () => {
    const user = renderPage();
    const form = screen.getByRole('form', { name: 'Create a user’s space' });
    await user.click(within(form).getByRole('combobox', { name: /CMS user/ }));
    await user.click(await screen.findByRole('option', { name: /user1@evacanoalone\.net/ }));
    expect(await within(form).findByDisplayValue('User One')).toBeTruthy();
    await user.clear(within(form).getByLabelText(/URI user part/));
    await user.type(within(form).getByLabelText(/URI user part/), 'guest.space');
    await user.click(within(form).getByRole('button', { name: 'Review' }));
    expect(await within(form).findByText('“guest.space” is already the URI or secondary URI of space “Guest.space”.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('creates a space whose answer CMS lost once, found by its URI and never sent twice', async () => {
    const user = renderPage();
    const form = screen.getByRole('form', { name: 'Create a user’s space' });
    await user.click(within(form).getByRole('combobox', { name: /CMS user/ }));
    await user.click(await screen.findByRole('option', { name: /user1@evacanoalone\.net/ }));
    await user.clear(within(form).getByLabelText(/URI user part/));
    await user.type(within(form).getByLabelText(/URI user part/), 'user1.lossy');
    await user.click(within(form).getByRole('button', { name: 'Review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create this space?' });
    mock.faults.failWrite = { nth: 1, kind: 'applyThenStatus', status: 503 };
    await user.click(within(dialog).getByRole('button', { name: 'Create space' }));

    const made = mock.store.all('coSpace').filter((s) => s.values.uri === 'user1.lossy');
    expect(await screen.findByText(new RegExp(`^Created space “User One” for user1@evacanoalone\\.net \\(id ${made[0]?.id}\\)\\. .*answer was lost.*showed it took effect`))).toBeTruthy();
    expect(made).toHaveLength(1);
    expect(journal().runs[0]).toMatchObject({ origin: { name: 'user-spaces/create' }, state: 'applied', writes: [{ intent: { method: 'POST' }, reconciliation: { verdict: 'took-effect', objectId: made[0]?.id } }] });
  });
});
