// @vitest-environment jsdom
import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { next, renderAt, stepHeading, textbox, withWizardCms } from './testing/render-wizard';

const { writes } = withWizardCms();
configure({ defaultHidden: true });

const stepInUrl = (router: ReturnType<typeof renderAt>['router']) => new URLSearchParams(router.state.location.search).get('step');

describe('the browser’s history in a wizard', { timeout: 60_000 }, () => {
  it('keeps the step in the URL: Back and Forward move between steps, Forward still validates', async () => {
    const { router, user } = renderAt('/wizards/different-uris');
    await stepHeading(/Step 1 of 4: Profiles/);
    await waitFor(() => expect(stepInUrl(router)).toBe('profiles'));
    await next(user);
    await stepHeading(/Step 2 of 4: Space/);
    expect(stepInUrl(router)).toBe('space');
    await user.type(textbox(/^Space name/), 'Lobby');
    await user.type(textbox(/^Space URI/), 'lobby1.space');
    await user.type(textbox(/^Space call ID/), '7001');
    await next(user);
    await stepHeading(/Step 3 of 4: Host access method/);
    expect(stepInUrl(router)).toBe('access');

    await router.navigate(-1);
    await stepHeading(/Step 2 of 4: Space/);
    expect(textbox(/^Space URI/).value).toBe('lobby1.space');
    await router.navigate(-1);
    await stepHeading(/Step 1 of 4: Profiles/);
    await router.navigate(1);
    const space = await stepHeading(/Step 2 of 4: Space/);
    // The step change moves the focus to its heading: typing before that lands would lose the focus to it.
    await waitFor(() => expect(document.activeElement).toBe(space));

    // Forward onto a step the form no longer lets through: it stays, and says why.
    await user.clear(textbox(/^Space call ID/));
    await router.navigate(1);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Space call ID/);
    expect(screen.getByRole('heading', { level: 2, name: /Step 2 of 4: Space/ })).toBeTruthy();
    await waitFor(() => expect(stepInUrl(router)).toBe('space'));
    expect(writes()).toEqual([]);
  });

  it('brings the values back after leaving the wizard and returning with Back, PINs included (kept in memory)', async () => {
    const { router, user } = renderAt('/wizards/same-uri-two-pins?step=space');
    await stepHeading(/Step 2 of 4: Space/);
    await user.type(textbox(/^Space name/), 'Lobby');
    await user.type(textbox(/^Space URI/), 'lobby2.space');
    await user.type(textbox(/^Space call ID/), '7002');
    await user.type(textbox(/^Guest PIN/), '2468');
    await next(user);
    await stepHeading(/Host access method/);
    await user.type(textbox(/^Host call ID/), '7003');

    await router.navigate('/spaces/x/profiles');
    await screen.findByText('the viewer');
    await router.navigate(-1);
    await stepHeading(/Step 3 of 4: Host access method/);
    expect(textbox(/^Host URI/).value).toBe('lobby2.space');
    expect(textbox(/^Host call ID/).value).toBe('7003');
    await user.click(screen.getByRole('tab', { name: 'Space' }));
    await stepHeading(/Step 2 of 4: Space/);
    expect(textbox(/^Guest PIN/).value).toBe('2468');
    expect(screen.queryByText(/PINs are never stored in the browser/)).toBeNull();
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('2468');
  });

  it('starts afresh when opened from a link rather than its own history entry', async () => {
    const first = renderAt('/wizards/same-uri-two-pins?step=space');
    await stepHeading(/Step 2 of 4: Space/);
    await first.user.type(textbox(/^Space name/), 'Left behind');
    first.view.unmount();
    const again = renderAt('/wizards/same-uri-two-pins?step=space');
    await stepHeading(/Step 2 of 4: Space/);
    expect(textbox(/^Space name/).value).toBe('');
    again.view.unmount();
  });
});
