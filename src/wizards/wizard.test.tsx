// @vitest-environment jsdom
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CmsError } from '../api/transport/errors';
import { applyPlan, rollback } from './engine/apply';
import { planWizard } from './engine/plan';
import { preflight } from './engine/preflight';
import { readCurrentState } from './engine/read-current';
import type { CurrentState, PlannedRequest, WizardPlan } from './engine/types';
import { verifyWizard } from './engine/verify';
import { WizardPage } from './wizard-page';
import { ADVANCED_CALL_LEG_PARAMS } from './wizard-schema';
import { WizardsPage } from './wizards-page';

vi.mock('./engine/read-current', () => ({ readCurrentState: vi.fn() }));
vi.mock('./engine/preflight', () => ({ preflight: vi.fn() }));
vi.mock('./engine/plan', () => ({ planWizard: vi.fn() }));
vi.mock('./engine/verify', () => ({ verifyWizard: vi.fn() }));
vi.mock('./engine/apply', async (importOriginal) => ({ ...(await importOriginal<object>()), applyPlan: vi.fn(), rollback: vi.fn() }));
vi.mock('../api/transport/studio-connection', () => ({
  studioConnectionQueries: { current: () => ({ queryKey: ['studio-connection'], queryFn: async () => ({ mode: 'mock', credentials: 'server' }) }) },
  activeTarget: () => undefined,
}));
vi.mock('../api/resources/tenants', () => ({
  tenantQueries: { listAll: () => ({ queryKey: ['tenants'], queryFn: async () => ({ items: [], total: 0 }) }) },
}));
vi.mock('../api/resources/users', () => ({
  userQueries: { list: () => ({ queryKey: ['users'], queryFn: async () => ({ items: [], total: 0 }) }) },
}));
vi.mock('../api/resources/spaces', () => ({
  spaceQueries: {
    list: () => ({
      queryKey: ['spaces'],
      queryFn: async () => ({ items: [{ id: '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46', name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189' }], total: 1 }),
    }),
  },
}));

const GUEST = 'd4bfe12d-68cd-41c0-a671-48395ee170ab';
const HOST = '7306d2c1-bc15-4dbf-ab4a-1cbdaabd1912';
const SPACE = '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46';

const cms: CurrentState = {
  sameUriSpaces: [],
  callLegProfiles: [
    { id: GUEST, needsActivation: true, defaultLayout: 'speakerOnly' },
    { id: HOST, needsActivation: false },
  ],
  callProfiles: [],
  tenants: {},
  systemProfiles: {},
  reach: { system: { spaces: 12 } },
  missing: [],
};

const createSpace: PlannedRequest = {
  key: 'space',
  title: 'Create the space "Lobby" with the guest call leg profile',
  method: 'POST',
  path: '/coSpaces',
  form: { name: 'Lobby', uri: 'lobby.space', callId: '7001', passcode: '789', callLegProfile: GUEST },
  creates: 'space',
  sensitive: ['passcode'],
};
const addAccess: PlannedRequest = {
  key: 'accessMethod',
  title: 'Add the host access method',
  method: 'POST',
  path: '/coSpaces/{space}/accessMethods',
  form: { uri: 'host.space', callId: '7002', callLegProfile: HOST },
  creates: 'accessMethod',
  sensitive: ['passcode'],
};
const plan: WizardPlan = {
  requests: [createSpace, addAccess],
  joinCards: [],
  ids: {},
  notes: [],
};

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/wizards', element: <WizardsPage /> },
      { path: '/wizards/:scenario', element: <WizardPage /> },
      { path: '/spaces/:id/profiles', element: <p>the viewer</p> },
    ],
    { initialEntries: [path] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ThemeProvider theme={createTheme()}>
        <RouterProvider router={router} />
      </ThemeProvider>
    </QueryClientProvider>,
  );
  return router;
}

const stepHeading = (name: RegExp) => screen.findByRole('heading', { level: 2, name });
const next = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: /^Next/ }));

beforeEach(() => {
  vi.mocked(readCurrentState).mockResolvedValue(cms);
  vi.mocked(preflight).mockResolvedValue([]);
  vi.mocked(planWizard).mockReturnValue(plan);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe('the first screen', () => {
  it('asks, recommends and links to the wizard', async () => {
    const user = userEvent.setup();
    const router = renderAt('/wizards');
    await user.click(within(screen.getByRole('radiogroup', { name: /sign in to the Meeting Server web app/ })).getByRole('radio', { name: 'No' }));
    await user.click(within(await screen.findByRole('radiogroup', { name: /dial different addresses/ })).getByRole('radio', { name: 'No' }));
    await user.click(within(await screen.findByRole('radiogroup', { name: /join without a PIN/ })).getByRole('radio', { name: 'Yes' }));
    expect(screen.getByText('Recommended: One address, guests without a PIN')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Start this wizard' }));
    expect(router.state.location.pathname).toBe('/wizards/blank-guest-pin');
  });
});

describe('a wizard', () => {
  it('validates a step before moving on; Back never validates', async () => {
    const user = userEvent.setup();
    renderAt('/wizards/different-uris');
    await stepHeading(/Step 1 of 4: Profiles/);
    await next(user);
    const heading = await stepHeading(/Step 2 of 4: Space/);
    await waitFor(() => expect(document.activeElement).toBe(heading));

    const uri = screen.getByRole('textbox', { name: /^Space URI/ });
    await user.clear(uri);
    await user.type(screen.getByRole('textbox', { name: /^Space call ID/ }), 'x');
    await next(user);
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/2 problems on this step/);
    expect(summary.textContent).toMatch(/Space URI/);
    expect(summary.textContent).toMatch(/digits only/);
    expect(screen.getByRole('heading', { level: 2, name: /Step 2 of 4: Space/ })).toBeTruthy();
    expect(uri.getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading(/Step 1 of 4: Profiles/);
    expect(preflight).not.toHaveBeenCalled();
  });

  it('says what a typed user@domain becomes', async () => {
    const user = userEvent.setup();
    renderAt('/wizards/different-uris?step=space');
    const uri = await screen.findByRole('textbox', { name: /^Space URI/ });
    await user.clear(uri);
    await user.type(uri, 'lobby.space@cms.lab');
    expect((await screen.findByText(/domain "cms\.lab" was dropped/)).textContent).toMatch(/using "lobby\.space"/);
  });

  it('runs the pre-flight on entering Review: problems go on their fields and nothing is planned or written', async () => {
    vi.mocked(preflight).mockResolvedValue([{ field: 'space.uri', message: 'guest2.space is already the URI of the space "Guest.space".' }]);
    const user = userEvent.setup();
    renderAt('/wizards/different-uris?step=access');
    await stepHeading(/Step 3 of 4: Host access method/);
    await next(user);
    await stepHeading(/Step 2 of 4: Space/);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Space URI: guest2\.space is already the URI/);
    expect(screen.getByRole('textbox', { name: /^Space URI/ }).getAttribute('aria-invalid')).toBe('true');
    expect(readCurrentState).toHaveBeenCalled();
    expect(planWizard).not.toHaveBeenCalled();
    expect(applyPlan).not.toHaveBeenCalled();
  });

  it('reviews the exact calls with PINs masked, applies them and verifies', async () => {
    vi.mocked(applyPlan).mockImplementation(async (_plan, options) => {
      options?.onProgress?.({ key: 'space', status: 'running' });
      options?.onProgress?.({ key: 'space', status: 'done', id: SPACE });
      return { ok: true, refs: { space: SPACE }, done: [{ request: createSpace, id: SPACE }] };
    });
    vi.mocked(verifyWizard).mockResolvedValue({
      spaceId: SPACE,
      objects: [{ key: 'space', title: 'Space "Lobby"', path: `/api/v1/coSpaces/${SPACE}`, xml: `<coSpace id="${SPACE}"><uri>lobby.space</uri></coSpace>` }],
      mismatches: [],
      joinCards: [],
    });
    const user = userEvent.setup();
    renderAt('/wizards/different-uris?step=review');
    await screen.findByRole('heading', { level: 3, name: 'API calls' });

    const calls = screen.getByRole('region', { name: 'API calls' });
    expect(within(calls).getByText('/api/v1/coSpaces/<space id>/accessMethods', { exact: false })).toBeTruthy();
    expect(within(calls).getAllByText('*****')).toHaveLength(1);
    expect(within(calls).queryByText('789')).toBeNull();
    await user.click(screen.getByRole('switch', { name: 'Reveal PINs' }));
    expect(within(calls).getByText('789')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy request 1 as curl' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy all as curl' })).toBeTruthy();
    // How to join, with the domain
    expect(screen.getByText('Dial guest2.space@example.com (no PIN).')).toBeTruthy();
    await user.clear(screen.getByRole('textbox', { name: /SIP domain/ }));
    await user.type(screen.getByRole('textbox', { name: /SIP domain/ }), 'cms.lab');
    expect(screen.getByText('Dial guest2.space@cms.lab (no PIN).')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    const verify = await screen.findByRole('heading', { level: 2, name: 'Verify' });
    await waitFor(() => expect(document.activeElement).toBe(verify));
    expect(screen.getByRole('region', { name: `XML of GET /api/v1/coSpaces/${SPACE}` }).textContent).toContain('<uri>lobby.space</uri>');
    expect(screen.getByRole('link', { name: 'Open the space in the profile viewer' }).getAttribute('href')).toBe(`/spaces/${SPACE}/profiles`);
    expect(verifyWizard).toHaveBeenCalledWith(expect.objectContaining({ scenario: 'different-uris' }), { space: SPACE }, undefined, { domain: 'cms.lab' });
  });

  it('stops on a failed write, explains it, rolls back and puts the CMS failure on its field', async () => {
    const error = new CmsError({
      kind: 'http',
      method: 'POST',
      path: `/api/v1/coSpaces/${SPACE}/accessMethods`,
      status: 400,
      failures: [{ code: 'duplicateCoSpaceId' }],
    });
    vi.mocked(applyPlan).mockResolvedValue({
      ok: false,
      refs: { space: SPACE },
      done: [{ request: createSpace, id: SPACE }],
      failed: { request: addAccess, error },
    });
    vi.mocked(rollback).mockResolvedValue({ ok: true, undone: ['space'], problems: [] });
    const user = userEvent.setup();
    renderAt('/wizards/different-uris?step=review');
    await user.click(await screen.findByRole('button', { name: 'Apply 2 changes' }));

    const alert = await screen.findByText(/Stopped: “Add the host access method” failed/);
    const box = alert.closest('[role="alert"]') as HTMLElement;
    expect(box.textContent).toContain(error.message);
    expect(box.textContent).toMatch(/Host call ID: CMS refused this:/);
    expect(screen.getByRole('tab', { name: 'Space' }).hasAttribute('disabled') || screen.getByRole('tab', { name: 'Space' }).getAttribute('aria-disabled') === 'true').toBe(true);

    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    expect(await screen.findByText('Rolled back: CMS is as it was before this run')).toBeTruthy();
    expect(screen.getByText(`Deleted /api/v1/coSpaces/${SPACE}, which “${createSpace.title}” had created.`)).toBeTruthy();
    expect(rollback).toHaveBeenCalledTimes(1);

    await user.click(within(box).getByRole('button', { name: 'Host call ID' }));
    await stepHeading(/Step 3 of 4: Host access method/);
    const callId = screen.getByRole('textbox', { name: /^Host call ID/ });
    expect(callId.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/^CMS refused this: /).length).toBeGreaterThan(0);
  });

  it('opens an existing space at a given step, filled with what CMS holds', async () => {
    vi.mocked(readCurrentState).mockResolvedValue({
      ...cms,
      space: {
        space: { id: SPACE, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', passcode: '789', callLegProfile: GUEST },
        accessMethods: [{ id: 'am1', uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: HOST }],
        members: [],
      },
    });
    const user = userEvent.setup();
    renderAt(`/wizards/same-uri-two-pins?space=${SPACE}&step=access`);
    await stepHeading(/Step 3 of 4: Host access method/);
    await waitFor(() => expect((screen.getByRole('textbox', { name: /^Host call ID/ }) as HTMLInputElement).value).toBe('889'));
    expect((screen.getByRole('textbox', { name: /^Host PIN/ }) as HTMLInputElement).value).toBe('1234');
    expect(screen.getByText(/already has an access method with URI guestpin\.space and call ID 889/)).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Space' }));
    await stepHeading(/Step 2 of 4: Space/);
    expect((screen.getByRole('textbox', { name: /^Space URI/ }) as HTMLInputElement).value).toBe('guestpin.space');
    expect(screen.getByText(/Now on CMS: guestpin\.space\./)).toBeTruthy();
    expect(readCurrentState).toHaveBeenCalledWith(expect.objectContaining({ space: { mode: 'existing', id: SPACE } }), expect.anything());
  });

  it('picking an existing space fills in its values but keeps the profiles the admin chose', async () => {
    vi.mocked(readCurrentState).mockResolvedValue({
      ...cms,
      space: {
        space: { id: SPACE, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', passcode: '789', callLegProfile: GUEST },
        accessMethods: [{ id: 'am1', uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: HOST }],
        members: [],
      },
    });
    const user = userEvent.setup();
    renderAt('/wizards/same-uri-two-pins');
    await stepHeading(/Step 1 of 4: Profiles/);
    // The guest profile: a layout of the admin's own.
    await user.click(screen.getAllByRole('combobox', { name: 'Default layout' })[0] as HTMLElement);
    await user.click(await screen.findByRole('option', { name: 'allEqual' }));
    await next(user);
    await stepHeading(/Step 2 of 4: Space/);
    await user.click(screen.getByRole('radio', { name: 'Change an existing space' }));
    await user.click(await screen.findByRole('radio', { name: /Guest\/Host PIN — URI guestpin\.space/ }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: /^Space URI/ }) as HTMLInputElement).value).toBe('guestpin.space'));
    expect((screen.getByRole('textbox', { name: /^Guest PIN/ }) as HTMLInputElement).value).toBe('789');

    await user.click(screen.getByRole('tab', { name: 'Profiles' }));
    await stepHeading(/Step 1 of 4: Profiles/);
    const guest = screen.getByRole('radiogroup', { name: 'Which guest profile?' });
    expect((within(guest).getByRole('radio', { name: /Create a new profile/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('combobox', { name: 'Default layout' })[0]?.textContent).toBe('allEqual');
    // The host profile was left alone by the admin: the one the space's host access method uses.
    const host = screen.getByRole('radiogroup', { name: 'Which host profile?' });
    expect((within(host).getByRole('radio', { name: /Reuse an existing profile/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('puts every other call leg profile parameter under Advanced, and opens it on a problem there', async () => {
    const user = userEvent.setup();
    renderAt('/wizards/different-uris');
    await stepHeading(/Step 1 of 4: Profiles/);
    const [guestAdvanced] = screen.getAllByRole('button', { name: /^Advanced: every other call leg profile setting/ });
    await user.click(guestAdvanced as HTMLElement);
    const region = await screen.findByRole('region', { name: /^Advanced: every other call leg profile setting/ });
    for (const param of ADVANCED_CALL_LEG_PARAMS) expect(within(region).getAllByLabelText(param).length).toBeGreaterThan(0);
    await user.type(within(region).getByRole('textbox', { name: 'joinToneParticipantThreshold' }), '101');
    // Closing it does not hide the problem: Next opens it again, on the field.
    await user.click(guestAdvanced as HTMLElement);
    await next(user);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Guest profile: joinToneParticipantThreshold/);
    const field = await screen.findByRole('textbox', { name: 'joinToneParticipantThreshold' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: /Step 1 of 4: Profiles/ })).toBeTruthy();
  });
});
