// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockCms, type MockCms } from '../../mocks/cms/mock-cms';
import { LAB } from '../../mocks/cms/seeds/lab';
import { SimulatePanel } from './simulate-panel';

// fetch is stubbed with the mock CMS model itself (no msw in jsdom): the panel talks to the same
// /mock-cms/simulate and /api/v1 answers as in the app.

let mock: MockCms;
let requests: string[];

function stubFetch() {
  mock = createMockCms({ credentials: null });
  requests = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://studio.test');
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    const request = new Request(url, init);
    return (await mock.handle(request)) ?? new Response('not found', { status: 404 });
  });
}

function renderPanel(spaceId: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SimulatePanel spaceId={spaceId} />
    </QueryClientProvider>,
  );
}

const rowOf = async (name: string) => {
  const table = await screen.findByRole('table', { name: 'Simulated participants' }, { timeout: 5000 });
  return within(table).findByRole('row', { name: new RegExp(name) }, { timeout: 5000 });
};

function describedText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function legDeactivated(legName: string): Promise<string | undefined> {
  const res = await mock.handle(new Request(`http://studio.test/mock-cms/simulate/spaces/${LAB.coSpaces.guestPin}`));
  const body = (await res!.json()) as { call: { legs: Array<{ id: string; name: string }> } | null };
  const leg = body.call?.legs.find((l) => l.name === legName);
  if (!leg) return undefined;
  const xml = await (await mock.handle(new Request(`http://studio.test/api/v1/callLegs/${leg.id}`)))!.text();
  return /<deactivated>(\w+)<\/deactivated>/.exec(xml)?.[1];
}

beforeEach(() => {
  stubFetch();
});

afterEach(() => {
  cleanup();
  mock.reset();
  vi.unstubAllGlobals();
});

describe('SimulatePanel', () => {
  it('puts a blank-PIN guest in the lobby, lets a PIN host in, and sends the guest back when the host hangs up', async () => {
    const user = userEvent.setup();
    renderPanel(LAB.coSpaces.guestPin);
    expect(await screen.findByText(/Nobody is in this space’s call/)).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'guestpin.space · blank PIN (#)' }));
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('#');
    await user.type(screen.getByLabelText('Participant name'), 'Guest Gina');
    expect((await screen.findByTestId('dial-prediction')).textContent).toBe(
      'Predicted: Space URI guestpin.space, as a guest. A PIN is asked on guestpin.space; # alone is a blank PIN, which joins Space URI guestpin.space. ' +
        'With passcodeMode timeout (from the space level), 5 s of silence would do the same. Waits in the lobby, without audio or video from the others, until a host joins. ' +
        'When the last host leaves, goes back to the lobby.',
    );
    await user.click(screen.getByRole('button', { name: 'Dial' }));
    const guestRow = await rowOf('Guest Gina');
    expect(within(guestRow).getByText('Guest')).toBeTruthy();
    expect(within(guestRow).getByText('Lobby')).toBeTruthy();
    expect(await screen.findByText(/waiting in the lobby/)).toBeTruthy();
    const joined = await screen.findByTestId('joined');
    expect(joined.textContent).toContain('With passcodeMode timeout (from the space level), 5 s of silence would do the same.');
    expect(within(joined).getByText('As predicted: Space URI guestpin.space, guest.')).toBeTruthy();
    expect(await legDeactivated('Guest Gina')).toBe('true');

    await user.clear(screen.getByLabelText('Participant name'));
    await user.type(screen.getByLabelText('Participant name'), 'Host Hugo');
    await user.clear(screen.getByLabelText('PIN'));
    await user.type(screen.getByLabelText('PIN'), '1234');
    expect(screen.getByTestId('dial-prediction').textContent).toContain('Access method guestpin.space (call ID 889, PIN 1234), as a host.');
    await user.click(screen.getByRole('button', { name: 'Dial' }));
    const hostRow = await rowOf('Host Hugo');
    expect(within(hostRow).getByText('Host')).toBeTruthy();
    expect(within(hostRow).getByText('Access method URI guestpin.space, PIN')).toBeTruthy();
    await waitFor(async () => expect(within(await rowOf('Guest Gina')).getByText('In conference')).toBeTruthy());
    expect(await legDeactivated('Guest Gina')).toBe('false');

    await user.click(screen.getByRole('button', { name: 'Hang up Host Hugo' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Host Hugo/ })).toBeNull());
    await waitFor(async () => expect(within(await rowOf('Guest Gina')).getByText('Lobby')).toBeTruthy());
    expect(await legDeactivated('Guest Gina')).toBe('true');
    expect(within(screen.getByRole('list', { name: 'Call Bridge log' })).getAllByText(/to be deactivated/).length).toBeGreaterThanOrEqual(2);
  });

  it('shows a wrong PIN on the PIN field and an unknown URI on the URI field', async () => {
    const user = userEvent.setup();
    renderPanel(LAB.coSpaces.guestPin);
    await user.type(screen.getByLabelText('URI'), 'guestpin.space');
    await user.type(screen.getByLabelText('PIN'), '9999');
    await user.click(screen.getByRole('button', { name: 'Dial' }));
    await waitFor(() => expect(describedText(screen.getByLabelText('PIN'))).toMatch(/^PIN not accepted/));
    expect(screen.getByLabelText('PIN').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('URI').getAttribute('aria-invalid')).toBe('false');

    await user.clear(screen.getByLabelText('URI'));
    await user.type(screen.getByLabelText('URI'), 'nowhere.space');
    await user.click(screen.getByRole('button', { name: 'Dial' }));
    expect(screen.getByTestId('dial-prediction').textContent).toBe(
      'Predicted: No way into “Guest/Host PIN” answers nowhere.space: CMS routes the call to another space, if one has it.',
    );
    await waitFor(() => expect(describedText(screen.getByLabelText('URI'))).toMatch(/No space answers nowhere\.space/));
    expect(screen.getByLabelText('PIN').getAttribute('aria-invalid')).toBe('false');
  });

  it('checks the form before anything is sent: a call ID is digits, a PIN digits ended by #', async () => {
    const user = userEvent.setup();
    renderPanel(LAB.coSpaces.guestPin);
    await user.click(await screen.findByRole('button', { name: 'Call ID' }));
    await user.type(screen.getByLabelText('Call ID'), '18a');
    await user.type(screen.getByLabelText('PIN'), '12*');
    await user.click(screen.getByRole('button', { name: 'Dial' }));
    await waitFor(() => expect(describedText(screen.getByLabelText('Call ID'))).toBe('A call ID is digits only.'));
    expect(describedText(screen.getByLabelText('PIN'))).toBe('A PIN is digits only, ended by #.');
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('signs a member in as the host from the space’s members', async () => {
    const user = userEvent.setup();
    renderPanel(LAB.coSpaces.global);
    await user.click(screen.getByRole('button', { name: 'Member signs in' }));
    const select = (await screen.findByLabelText('Member')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('user1@evacanoalone.net'));
    await user.click(screen.getByRole('button', { name: 'Sign in and join' }));
    const row = await rowOf('User One');
    expect(within(row).getByText('Host')).toBeTruthy();
    expect(within(row).getByText('In conference')).toBeTruthy();
    expect(within(row).getByText('Member user1@evacanoalone.net (web app)')).toBeTruthy();
    expect(requests).toContain('POST /mock-cms/simulate/sign-in');
  });

  it('polls every second: a participant who joins elsewhere shows up', async () => {
    renderPanel(LAB.coSpaces.guest);
    expect(await screen.findByText(/Nobody is in this space’s call/)).toBeTruthy();
    await mock.handle(
      new Request('http://studio.test/mock-cms/simulate/dial-in', { method: 'POST', body: JSON.stringify({ uri: 'guest.space', name: 'Walk-in' }) }),
    );
    const row = await rowOf('Walk-in');
    expect(within(row).getByText('Lobby')).toBeTruthy();
    expect(requests.filter((r) => r === `GET /mock-cms/simulate/spaces/${LAB.coSpaces.guest}`).length).toBeGreaterThanOrEqual(2);
  });
});
