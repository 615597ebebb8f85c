// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpaceModel } from '../../domain/profile-resolution/model';
import { ProfilesView } from './profiles-tab';
import { acmeLobbyModel, guestSpaceModel, IDS, largeSpaceModel } from './testing/space-models';

function renderView(model: SpaceModel) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ProfilesView model={model} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const matrix = screen.getByRole('table', { name: 'Resolution matrix' });
  const cell = (param: string, column: string) => matrix.querySelector<HTMLElement>(`td[data-param="${param}"][data-column="${column}"]`);
  const paramRows = () => matrix.querySelectorAll('tbody tr[data-param]');
  return { matrix, cell, paramRows };
}

describe('Profiles tab', () => {
  afterEach(cleanup);

  it('Guest.space: summary, join paths and the matrix with the host access method', () => {
    const { cell } = renderView(guestSpaceModel());
    expect(screen.getByTestId('space-summary').textContent).toBe(
      'Guests (2 ways in) wait in the lobby until a host joins; hosts: 1 access method.',
    );

    expect(screen.getByTestId('verdict').dataset.verdict).toBe('pass');
    expect(screen.getByTestId('call-profile-line').textContent).toBe('passcodeMode: set at no level (CMS documents no default; we assume required).');
    expect(screen.getByTestId('layout-line').textContent).toBe(
      "Layout: the space's own defaultLayout is not set; callLegProfiles give defaultLayout speakerOnly on its ways in.",
    );
    const host = screen.getByRole('article', { name: 'Access method host.space (call ID 888, no PIN)' });
    expect(within(host).getByText('host.space@example.com')).toBeTruthy();
    expect(within(host).getByText('host')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('SIP domain'), { target: { value: 'cms.lab' } });
    expect(within(host).getByText('host.space@cms.lab')).toBeTruthy();

    expect(cell('needsActivation', 'coSpace')?.textContent).toContain('true');
    expect(cell('needsActivation', 'coSpace')?.textContent).toContain('overridden on 1 of 3');
    const am = cell('needsActivation', `accessMethod:${IDS.hostAccessMethod}`)!;
    expect(am.dataset.scope).toBe('accessMethod');
    expect(within(am).getByLabelText('in force').textContent).toBe('in forcefalseAccess method');
    expect(cell('needsActivation', 'space:uri')?.dataset.scope).toBe('coSpace');
  });

  it('filters the matrix to the parameters that differ between paths or are set somewhere', () => {
    const { paramRows } = renderView(guestSpaceModel());
    const all = paramRows().length;
    fireEvent.click(screen.getByLabelText('Only parameters that differ between paths'));
    expect([...paramRows()].map((row) => row.getAttribute('data-param'))).toEqual(['needsActivation', 'presentationContributionAllowed', 'rxAudioMute']);
    fireEvent.click(screen.getByLabelText('Only parameters that differ between paths'));
    fireEvent.click(screen.getByLabelText('Only parameters set somewhere'));
    const set = paramRows().length;
    expect(set).toBeGreaterThan(3);
    expect(set).toBeLessThan(all);
  });

  it('strikes through a tenant value the space overrides, and shows tenant inheritance', () => {
    const lobby = acmeLobbyModel();
    let view = renderView(lobby);
    expect(view.cell('needsActivation', 'space:uri')?.dataset.scope).toBe('tenant');
    cleanup();

    view = renderView({ ...lobby, space: { ...lobby.space, callLegProfile: IDS.guestProfile } });
    const tenantLayout = view.cell('defaultLayout', 'tenant')!;
    expect(tenantLayout.dataset.struck).toBe('true');
    expect(tenantLayout.querySelector('del')?.textContent).toBe('allEqual');
  });

  it('names the level passcodeMode comes from, and the space’s own defaultLayout beside the profiles’', () => {
    const lobby = acmeLobbyModel();
    renderView({
      ...lobby,
      space: { ...lobby.space, defaultLayout: 'allEqual', callProfile: 'cp-space' },
      tenant: { ...lobby.tenant!, callProfile: 'cp-tenant' },
      callProfiles: new Map([
        ['cp-tenant', { id: 'cp-tenant', passcodeMode: 'timeout', passcodeTimeout: 5 }],
        ['cp-space', { id: 'cp-space', participantLimit: 50 }],
      ]),
    });
    expect(screen.getByTestId('call-profile-line').textContent).toBe('passcodeMode timeout, from Tenant (cp-tenan…); passcodeTimeout 5 s, from Tenant (cp-tenan…).');
    expect(screen.getByTestId('layout-line').textContent).toContain("the space's own defaultLayout is allEqual");
    const card = screen.getByRole('article', { name: 'Space URI acme.lobby' });
    expect(within(card).getByText(/the space's own defaultLayout: allEqual/)).toBeTruthy();
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('pass');
  });

  it('shows the no-host finding with a Fix link into the wizard', () => {
    const model = guestSpaceModel();
    renderView({ ...model, accessMethods: [] });
    const finding = screen.getByRole('list', { name: 'Findings' }).querySelector<HTMLElement>('[data-finding="no-host-path"]')!;
    expect(finding.textContent).toContain('No way in for a host');
    const fix = within(finding).getByRole('link', { name: /^Fix/ });
    expect(fix.getAttribute('href')).toBe(`/wizards/different-uris?space=${IDS.guestSpace}&step=access`);
    expect(screen.getByTestId('verdict').textContent).toContain('Verdict: Fail');
  });

  it('pages through the join path columns of a large space', () => {
    const model = largeSpaceModel(20, 30);
    const { matrix } = renderView(model);
    expect(screen.getByText('Join paths 1–8 of 52')).toBeTruthy();
    expect(matrix.querySelectorAll('thead th').length).toBe(1 + 3 + 8);
    fireEvent.click(screen.getByRole('button', { name: 'Next join paths' }));
    expect(screen.getByText('Join paths 9–16 of 52')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Find a join path'), { target: { value: 'user7@' } });
    expect(screen.getByText('Join paths 1–1 of 1')).toBeTruthy();
  });
});
