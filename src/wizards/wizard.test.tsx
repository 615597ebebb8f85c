// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getAccessMethod, getSpace, findSpacesByUri, listAllAccessMethods } from '../api/resources/spaces';
import { LAB } from '../testing/mock-cms';
import { fillExample, next, renderAt, retype, stepHeading, textbox, withWizardCms } from './testing/render-wizard';
import { ADVANCED_CALL_LEG_PARAMS } from '../domain/space-planning/wizard-fields';

const { mock, log, writes } = withWizardCms();
// Whether each element is hidden costs a getComputedStyle per element in jsdom: the steps are big.
configure({ defaultHidden: true });

describe('the first screen', { timeout: 60_000 }, () => {
  it('asks, recommends and links to the wizard', async () => {
    const { router, user } = renderAt('/wizards');
    await user.click(within(screen.getByRole('radiogroup', { name: /sign in to the Meeting Server web app/ })).getByRole('radio', { name: 'No' }));
    await user.click(within(await screen.findByRole('radiogroup', { name: /dial different addresses/ })).getByRole('radio', { name: 'No' }));
    await user.click(within(await screen.findByRole('radiogroup', { name: /join without a PIN/ })).getByRole('radio', { name: 'Yes' }));
    expect(screen.getByText('Recommended: One address, guests without a PIN')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Start this wizard' }));
    expect(router.state.location.pathname).toBe('/wizards/blank-guest-pin');
  });
});

// Whole journeys through MUI in jsdom: seconds each, more on a busy machine.
describe('a wizard against the mock CMS', { timeout: 60_000 }, () => {
  it('validates a step before moving on; Back never validates; nothing is written', async () => {
    const { user } = renderAt('/wizards/different-uris');
    await stepHeading(/Step 1 of 4: Profiles/);
    await next(user);
    const heading = await stepHeading(/Step 2 of 4: Space/);
    await waitFor(() => expect(document.activeElement).toBe(heading));

    await user.type(textbox(/^Space name/), 'Lobby');
    await user.type(textbox(/^Space call ID/), 'x');
    await next(user);
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/2 problems on this step/);
    expect(summary.textContent).toMatch(/Space URI/);
    expect(summary.textContent).toMatch(/digits only/);
    expect(screen.getByRole('heading', { level: 2, name: /Step 2 of 4: Space/ })).toBeTruthy();
    expect(textbox(/^Space URI/).getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading(/Step 1 of 4: Profiles/);
    expect(writes()).toEqual([]);
  });

  it('says what a typed user@domain becomes', async () => {
    const { user } = renderAt('/wizards/different-uris?step=space');
    await stepHeading(/Step 2 of 4: Space/);
    await retype(user, /^Space URI/, 'lobby.space@cms.lab');
    expect((await screen.findByText(/domain "cms\.lab" was dropped/)).textContent).toMatch(/using "lobby\.space"/);
  });

  it('runs the pre-flight on entering Review: a URI CMS already has goes on its field, and nothing is written', async () => {
    const { user } = renderAt('/wizards/different-uris?step=space');
    await stepHeading(/Step 2 of 4: Space/);
    await fillExample(user);
    await retype(user, /^Space URI/, 'guest.space');
    await next(user);
    await stepHeading(/Step 3 of 4: Host access method/);
    await next(user);
    await stepHeading(/Step 2 of 4: Space/);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Space URI: The URI "guest\.space" is already the URI of the space "Guest\.space"/);
    expect(textbox(/^Space URI/).getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toEqual([]);
  });

  it('reviews the exact calls with PINs masked, applies them, verifies, and CMS holds what it set', async () => {
    const { user } = renderAt('/wizards/different-uris?step=access');
    await stepHeading(/Step 3 of 4: Host access method/);
    await fillExample(user);
    await retype(user, /^Host PIN/, '4321');
    await next(user);
    await screen.findByRole('heading', { level: 3, name: 'API calls' }, { timeout: 10_000 });

    const calls = screen.getByRole('region', { name: 'API calls' });
    expect(within(calls).getByText('/api/v1/coSpaces/<space id>/accessMethods', { exact: false })).toBeTruthy();
    expect(within(calls).getAllByText('*****')).toHaveLength(1);
    expect(within(calls).queryByText('4321')).toBeNull();
    // The copy runs as it is: the hidden PIN comes from a shell variable, the space's id from the first POST's Location.
    // jsdom's page is no secure context: the copy would go through execCommand, which jsdom cannot do.
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy all as curl' }));
    Reflect.deleteProperty(window, 'isSecureContext');
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain(`--data-urlencode 'passcode='"$HOST_PIN"`);
    expect(copied).toContain(`"$CMS"'/api/v1/coSpaces/'"$SPACE_ID"'/accessMethods'`);
    expect(copied).not.toContain('4321');
    expect(copied).not.toContain('*****');
    await user.click(screen.getByRole('switch', { name: 'Reveal PINs' }));
    expect(within(calls).getByText('4321')).toBeTruthy();
    expect(screen.getByText('Dial guest2.space@example.com (no PIN).')).toBeTruthy();
    await retype(user, /SIP domain/, 'cms.lab');
    expect(screen.getByText('Dial guest2.space@cms.lab (no PIN).')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    const verify = await screen.findByRole('heading', { level: 2, name: 'Verify' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(verify));
    expect(writes()).toEqual(['POST /api/v1/coSpaces 200', expect.stringMatching(/^POST \/api\/v1\/coSpaces\/[0-9a-f-]{36}\/accessMethods 200$/)]);

    const [space] = await findSpacesByUri('guest2.space');
    // List items leave the profile out (as CMS's do): the space's own GET has it.
    expect(await getSpace(space!.id!)).toMatchObject({ name: 'Guest.space 2', callId: '628821816', callLegProfile: LAB.callLegProfiles.guest });
    const [method] = (await listAllAccessMethods(space!.id!)).items;
    expect(await getAccessMethod(space!.id!, method!.id!)).toMatchObject({ uri: 'host2.space', callId: '8882', passcode: '4321', callLegProfile: LAB.callLegProfiles.host });
    expect(screen.getByRole('region', { name: `XML of GET /api/v1/coSpaces/${space!.id}` }).textContent).toContain('<uri>guest2.space</uri>');
    expect(screen.getByRole('link', { name: 'Open the space in the profile viewer' }).getAttribute('href')).toBe(`/spaces/${space!.id}/profiles`);
  });

  it('stops on a failed write, puts the CMS failure on its field, and rolls CMS back to where it was', async () => {
    const { user } = renderAt('/wizards/different-uris?step=space');
    await fillExample(user);
    await user.click(screen.getByRole('tab', { name: 'Review and apply' }));
    const apply = await screen.findByRole('button', { name: 'Apply 2 changes' }, { timeout: 10_000 });
    mock.faults.failWrite = { nth: 2, status: 400, code: 'duplicateCoSpaceId' };
    await user.click(apply);

    const alert = await screen.findByText(/Stopped: “Add the host access method .*” failed/);
    const box = alert.closest('[role="alert"]') as HTMLElement;
    expect(box.textContent).toMatch(/Host call ID: CMS refused this: Another space already uses this call ID/);
    const tab = screen.getByRole('tab', { name: 'Space' });
    expect(tab.hasAttribute('disabled') || tab.getAttribute('aria-disabled') === 'true').toBe(true);
    const [created] = await findSpacesByUri('guest2.space');
    expect(created).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    expect(await screen.findByText('Rolled back: CMS is as it was before this run')).toBeTruthy();
    expect(screen.getByText(new RegExp(`^Deleted /api/v1/coSpaces/${created!.id}, which “Create the space`))).toBeTruthy();
    expect(await findSpacesByUri('guest2.space')).toEqual([]);
    expect(writes().at(-1)).toBe(`DELETE /api/v1/coSpaces/${created!.id} 200`);

    await user.click(within(box).getByRole('button', { name: 'Host call ID' }));
    await stepHeading(/Step 3 of 4: Host access method/);
    expect(textbox(/^Host call ID/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/^CMS refused this: /).length).toBeGreaterThan(0);
  });

  it('opens an existing space at a given step, filled with what CMS holds, and changes only what differs', async () => {
    const { user } = renderAt(`/wizards/same-uri-two-pins?space=${LAB.coSpaces.guestPin}&step=access`);
    await stepHeading(/Step 3 of 4: Host access method/);
    await waitFor(() => expect(textbox(/^Host call ID/).value).toBe('889'));
    expect(textbox(/^Host PIN/).value).toBe('1234');
    expect(screen.getByText(/changes the host access method guestpin\.space \/ 889 \(760c0e17-55c0-4232-ba72-2e9207916330\) in place/)).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Space' }));
    await stepHeading(/Step 2 of 4: Space/);
    expect(textbox(/^Space URI/).value).toBe('guestpin.space');
    expect(screen.getByText(/Now on CMS: guestpin\.space\./)).toBeTruthy();

    await retype(user, /^Guest PIN/, '789');
    await user.click(screen.getByRole('tab', { name: 'Review and apply' }));
    await user.click(await screen.findByRole('button', { name: 'Apply 1 change' }, { timeout: 10_000 }));
    await screen.findByRole('heading', { level: 2, name: 'Verify' }, { timeout: 10_000 });
    expect(writes()).toEqual([`PUT /api/v1/coSpaces/${LAB.coSpaces.guestPin} 200`]);
    expect(log.exchanges.find((e) => e.method === 'PUT')?.form).toEqual({ passcode: '789' });
    expect(await getSpace(LAB.coSpaces.guestPin)).toMatchObject({ passcode: '789', callProfile: LAB.callProfiles.passcodeTimeout });
  });

  it('picking an existing space fills in its values but keeps the profiles the admin chose', async () => {
    const { user } = renderAt('/wizards/same-uri-two-pins');
    await stepHeading(/Step 1 of 4: Profiles/);
    // The guest profile: a layout of the admin's own.
    await user.click(screen.getAllByRole('combobox', { name: 'Default layout' })[0] as HTMLElement);
    await user.click(await screen.findByRole('option', { name: 'allEqual' }));
    await next(user);
    await stepHeading(/Step 2 of 4: Space/);
    await user.click(screen.getByRole('radio', { name: 'Change an existing space' }));
    await user.click(await screen.findByRole('radio', { name: /Guest\/Host PIN — URI guestpin\.space/ }));
    await waitFor(() => expect(textbox(/^Space URI/).value).toBe('guestpin.space'));
    expect(textbox(/^Space call ID/).value).toBe('189');

    await user.click(screen.getByRole('tab', { name: 'Profiles' }));
    await stepHeading(/Step 1 of 4: Profiles/);
    const guest = screen.getByRole('radiogroup', { name: 'Which guest profile?' });
    expect((within(guest).getByRole('radio', { name: /Create a new profile/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('combobox', { name: 'Default layout' })[0]?.textContent).toBe('allEqual');
    // The host profile was left alone by the admin: the one the space's host access method uses.
    const host = screen.getByRole('radiogroup', { name: 'Which host profile?' });
    expect((within(host).getByRole('radio', { name: /Reuse an existing profile/ }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('input[name="profiles.host.id"]:checked')?.value).toBe(LAB.callLegProfiles.host));
  });

  it('puts every other call leg profile parameter under Advanced, and opens it on a problem there', async () => {
    const { user } = renderAt('/wizards/different-uris');
    await stepHeading(/Step 1 of 4: Profiles/);
    const [guestAdvanced] = screen.getAllByRole('button', { name: /^Advanced: every other call leg profile setting/ });
    await user.click(guestAdvanced as HTMLElement);
    const region = await screen.findByRole('region', { name: /^Advanced: every other call leg profile setting/ });
    // Text fields label with <label>, selects with an element their combobox names by aria-labelledby.
    const labels = new Set([...region.querySelectorAll('label, [id$="-label"]')].map((label) => label.textContent));
    expect(ADVANCED_CALL_LEG_PARAMS.filter((param) => !labels.has(param))).toEqual([]);
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
