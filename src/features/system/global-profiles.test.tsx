// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { REACH } from '../../mocks/cms/seeds/reach';
import { withMockCms } from '../../testing/mock-cms';
import { GlobalProfiles } from './global-profiles';
import { TenantProfiles } from './tenant-profiles';

const { mock, journal } = withMockCms();

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <GlobalProfiles />
        <TenantProfiles />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

async function pick(user: ReturnType<typeof userEvent.setup>, label: string, option: RegExp) {
  await user.click(await screen.findByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('System page: the reach of a profile change, before the write', () => {
  afterEach(cleanup);

  it('announces the spaces, ways in and role changes of a new global callLegProfile, then writes only that field', async () => {
    mock.reset('reach');
    const user = renderPage();
    expect(screen.getAllByText(/A profile attached below that leaves a parameter unset still takes that parameter from the levels above/)).toHaveLength(2);
    await pick(user, 'Global callLegProfile', /^Global next/);
    await user.click(within(screen.getByRole('form', { name: 'Global profiles' })).getByRole('button', { name: 'Review change' }));

    const dialog = await screen.findByRole('dialog', { name: 'Review the profile change system wide' });
    const summary = await within(dialog).findByTestId('reach-callLegProfile', {}, { timeout: 10_000 });
    expect(summary.dataset.spaces).toBe('14');
    expect(within(summary).getByText(/^Changes 14 of 20 spaces: \d+ ways in\.$/)).toBeTruthy();
    const roles = within(summary).getByTestId('role-changes');
    expect(Number(roles.dataset.count)).toBeGreaterThan(0);
    expect(roles.textContent).toContain('Reach 01 — Space URI reach.open: host → guest');
    expect(within(summary).getByRole('table', { name: 'callLegProfile parameters that change' }).querySelector('[data-param="needsActivation"]')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Apply system wide' }));
    expect(await screen.findByText(/^Saved: callLegProfile is now Global next/)).toBeTruthy();
    expect(mock.store.systemProfiles).toEqual({ callLegProfile: REACH.callLegProfiles.next });
    expect(journal().runs.map((r) => [r.origin.name, r.state, r.writes.map((w) => [w.intent.method, w.intent.path, w.answer?.outcome])])).toEqual([
      ['system/global-profiles', 'applied', [['PUT', '/api/v1/system/profiles', 'applied']]],
    ]);
  });

  it('counts a tenant change on the tenant’s spaces only, writes it to the tenant, and settles a lost answer by reading the tenant', async () => {
    mock.reset('reach');
    const user = renderPage();
    await pick(user, 'Tenant', /^Guest tenant$/);
    await pick(user, 'Tenant Guest tenant callLegProfile', /^Layout only/);
    await user.click(within(screen.getByRole('form', { name: 'Tenant Guest tenant profiles' })).getByRole('button', { name: 'Review change' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review the profile change on tenant Guest tenant' });
    const summary = await within(dialog).findByTestId('reach-callLegProfile', {}, { timeout: 10_000 });
    expect(within(summary).getByText('Changes 1 of 1 space: 3 ways in.')).toBeTruthy();
    expect(within(summary).getByTestId('role-changes').dataset.count).toBe('2');
    // CMS applies the PUT, but the connection drops before its answer
    mock.faults.failWrite = { nth: 1, kind: 'applyThenReset' };
    await user.click(within(dialog).getByRole('button', { name: 'Apply on tenant Guest tenant' }));
    expect(await screen.findByText(/^Saved: callLegProfile is now Layout only.*answer was lost.*A read of GET \/api\/v1\/tenants\/.* showed it took effect/)).toBeTruthy();
    expect(journal().runs[0]).toMatchObject({ origin: { name: 'system/tenant-profiles' }, state: 'applied', writes: [{ answer: { outcome: 'unknown' }, reconciliation: { verdict: 'took-effect' } }] });
    expect(mock.store.get('tenant', REACH.tenants.guest)?.values.callLegProfile).toBe(REACH.callLegProfiles.layout);
  });
});
