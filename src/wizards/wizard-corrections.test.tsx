// @vitest-environment jsdom
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findSpacesByUri, getAccessMethod, getSpace, listAllAccessMethods, listAllSpaceMembers } from '../api/resources/spaces';
import { LAB } from '../testing/mock-cms';
import { applyAndVerify, fillExample, next, renderAt, retype, stepHeading, textbox, toReview, withWizardCms } from './testing/render-wizard';

const { log, writes } = withWizardCms();
configure({ defaultHidden: true });

describe('a new wizard', { timeout: 60_000 }, () => {
  it('shows the guide’s example as placeholders, fills it in on request, and lets the host URI follow the space URI', async () => {
    const { user } = renderAt('/wizards/same-uri-two-pins?step=space');
    await stepHeading(/Step 2 of 4: Space/);
    expect(textbox(/^Space URI/).value).toBe('');
    expect(textbox(/^Space URI/).placeholder).toBe('e.g. guestpin2.space');
    expect(textbox(/^Guest PIN/).placeholder).toBe('e.g. 789');

    await user.type(textbox(/^Space name/), 'Lobby');
    await user.type(textbox(/^Space URI/), 'lobby7');
    await user.type(textbox(/^Space call ID/), '7001');
    await user.type(textbox(/^Guest PIN/), '7890');
    await next(user);
    await stepHeading(/Host access method/);
    expect(textbox(/^Host URI/).value).toBe('lobby7');
    expect(textbox(/^Host call ID/).placeholder).toBe('e.g. 889');
    await user.click(screen.getByRole('tab', { name: 'Space' }));
    await stepHeading(/Space/);
    await retype(user, /^Space URI/, 'lobby8@cms.lab');
    await user.click(screen.getByRole('tab', { name: 'Host access method' }));
    await stepHeading(/Host access method/);
    expect(textbox(/^Host URI/).value).toBe('lobby8');

    // Typed by the admin: it no longer follows.
    await retype(user, /^Host URI/, 'hosts.only');
    await user.click(screen.getByRole('tab', { name: 'Space' }));
    await stepHeading(/Space/);
    await retype(user, /^Space URI/, 'lobby9');
    await fillExample(user);
    expect(textbox(/^Space URI/).value).toBe('lobby9');
    expect(textbox(/^Space name/).value).toBe('Lobby');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading(/Profiles/);
    await user.click(screen.getByRole('tab', { name: 'Host access method' }));
    await stepHeading(/Host access method/);
    expect(textbox(/^Host URI/).value).toBe('hosts.only');
    // Only the empty ones were filled in.
    expect(textbox(/^Host call ID/).value).toBe('889');
    expect(textbox(/^Host PIN/).value).toBe('1234');
    expect(writes()).toEqual([]);
  });

  it('scenario 1 proposes a host URI of its own from the space URI, and uses it only when asked', async () => {
    const { user } = renderAt('/wizards/different-uris?step=space');
    await stepHeading(/Step 2 of 4: Space/);
    await user.type(textbox(/^Space name/), 'Lobby');
    await user.type(textbox(/^Space URI/), 'guest7.space');
    await user.type(textbox(/^Space call ID/), '7001');
    await next(user);
    await stepHeading(/Host access method/);
    expect(textbox(/^Host URI/).value).toBe('');
    expect(textbox(/^Host URI/).placeholder).toBe('e.g. host7.space');
    await user.click(screen.getByRole('button', { name: 'Use host7.space' }));
    expect(textbox(/^Host URI/).value).toBe('host7.space');
  });
});

describe('scenario 4 on an existing space', { timeout: 60_000 }, () => {
  it('adds nobody the admin did not list and sends no nonMemberAccess CMS already has by default', async () => {
    const { user } = renderAt(`/wizards/members-are-hosts?space=${LAB.coSpaces.coolBridge}&step=space`);
    await waitFor(() => expect(textbox(/^Space URI/).value).toBe('cool.bridge.space'));
    await user.type(textbox(/^Owner/), 'user1@evacanoalone.net');
    await next(user);
    await stepHeading(/Host access method/);
    // No host access method yet: the space's URI and call ID, a PIN of the admin's.
    expect(textbox(/^Host URI/).value).toBe('cool.bridge.space');
    expect(textbox(/^Host call ID/).value).toBe('497540167');
    await user.type(textbox(/^Host PIN/), '97531');
    await next(user);
    await stepHeading(/Members/);
    expect(screen.getByText('No members: only hosts with the host PIN can start the meeting.')).toBeTruthy();

    await toReview(user);
    const calls = screen.getByRole('region', { name: 'API calls' });
    expect(within(calls).queryByText(/member/i)).toBeNull();
    expect(within(calls).queryByText('nonMemberAccess')).toBeNull();
    await applyAndVerify(user);

    expect(writes().some((w) => /coSpaceUsers/.test(w))).toBe(false);
    const spaceWrites = log.exchanges.filter((e) => e.method === 'PUT' && e.path === `/api/v1/coSpaces/${LAB.coSpaces.coolBridge}`);
    expect(spaceWrites.map((e) => Object.keys(e.form ?? {}))).toEqual([['callLegProfile'], ['ownerJid']]);
    expect((await listAllSpaceMembers(LAB.coSpaces.coolBridge)).items).toEqual([]);
    const space = await getSpace(LAB.coSpaces.coolBridge);
    expect(space.nonMemberAccess).toBeUndefined();
    expect(space.ownerJid).toBe('user1@evacanoalone.net');
  });
});

describe('a finished run, corrected', { timeout: 90_000 }, () => {
  it('changes what the earlier run created in place: the same space, the same host access method', async () => {
    const { user } = renderAt('/wizards/same-uri-two-pins?step=space');
    await fillExample(user);
    // The guide's 889 belongs to the lab's guestpin.space.
    await user.click(screen.getByRole('tab', { name: 'Host access method' }));
    await stepHeading(/Host access method/);
    await retype(user, /^Host call ID/, '8891');
    await toReview(user);
    await applyAndVerify(user);
    const [space] = await findSpacesByUri('guestpin2.space');
    const [method] = (await listAllAccessMethods(space!.id!)).items;

    // The host call ID again: a PUT of that field on that access method, and no blame on the PIN.
    await user.click(screen.getByRole('tab', { name: 'Host access method' }));
    await stepHeading(/Host access method/);
    expect(await screen.findByText(new RegExp(`changes the host access method guestpin2\\.space / 8891 \\(${method!.id}\\) in place`))).toBeTruthy();
    await retype(user, /^Host call ID/, '8892');
    await toReview(user);
    log.exchanges = [];
    await applyAndVerify(user);
    expect(writes()).toEqual([`PUT /api/v1/coSpaces/${space!.id}/accessMethods/${method!.id} 200`]);
    expect(log.exchanges.find((e) => e.method === 'PUT')?.form).toEqual({ callId: '8892' });

    // URI and call ID both: still that one access method (the host URI follows the space's).
    await user.click(screen.getByRole('tab', { name: 'Space' }));
    await stepHeading(/Space/);
    await retype(user, /^Space URI/, 'guestpin7.space');
    await user.click(screen.getByRole('tab', { name: 'Host access method' }));
    await stepHeading(/Host access method/);
    expect(textbox(/^Host URI/).value).toBe('guestpin7.space');
    await retype(user, /^Host call ID/, '8897');
    await toReview(user);
    log.exchanges = [];
    await applyAndVerify(user);
    expect(writes()).toEqual([`PUT /api/v1/coSpaces/${space!.id} 200`, `PUT /api/v1/coSpaces/${space!.id}/accessMethods/${method!.id} 200`]);
    const methods = (await listAllAccessMethods(space!.id!)).items;
    expect(methods.map((m) => m.id)).toEqual([method!.id]);
    expect(await getAccessMethod(space!.id!, method!.id!)).toMatchObject({ uri: 'guestpin7.space', callId: '8897', passcode: '1234' });
    expect(await findSpacesByUri('guestpin2.space')).toEqual([]);
  });
});

describe('Apply', { timeout: 60_000 }, () => {
  it('starts one run however often it is clicked before the first click has re-rendered', async () => {
    const { user } = renderAt('/wizards/different-uris?step=space');
    await fillExample(user);
    await toReview(user);
    const apply = screen.getByRole('button', { name: 'Apply 2 changes' });
    // Clicks in one batch, with no re-render in between: what a fast double click can do.
    act(() => {
      apply.click();
      apply.click();
      apply.click();
    });
    await screen.findByRole('heading', { level: 2, name: 'Verify' }, { timeout: 10_000 });
    expect(writes().filter((w) => w.startsWith('POST /api/v1/coSpaces '))).toHaveLength(1);
    expect(await findSpacesByUri('guest2.space')).toHaveLength(1);
  });
});
