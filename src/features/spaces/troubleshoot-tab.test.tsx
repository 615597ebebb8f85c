// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpaceModel } from '../../domain/profile-resolution/model';
import { checklistOf } from '../../domain/space-evaluation/checklist';
import { evaluateSpace } from '../../domain/space-evaluation/evaluate';
import { guestSpaceModel, IDS } from './testing/space-models';
import { Checklist } from './troubleshoot-tab';

function renderChecklist(model: SpaceModel) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Checklist checklist={checklistOf(evaluateSpace(model))} spaceId={model.space.id} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const step = (id: string) => screen.getByRole('list', { name: 'Checklist' }).querySelector<HTMLElement>(`[data-step="${id}"]`)!;
  return { step };
}

/** The guide's scenario 4 without the host access method: the signed-in member is the only host. */
function membersHostModel(): SpaceModel {
  const model = guestSpaceModel();
  return {
    ...model,
    accessMethods: [],
    members: [
      { id: 'm-host', userJid: 'user1@example.com', callLegProfile: IDS.hostProfile },
      { id: 'm-guest', userJid: 'visitor@example.com', callLegProfile: IDS.guestProfile },
    ],
  };
}

describe('Troubleshoot', () => {
  afterEach(cleanup);

  it('counts a signed-in member as the host: no failure for a space without a host access method', () => {
    const { step } = renderChecklist(membersHostModel());
    expect(step('accessMethods').dataset.status).toBe('pass');
    expect(step('members').dataset.status).toBe('pass');
    expect(step('members').textContent).toContain('Member user1@example.com: callLegProfile 7306d2c1… → needsActivation false from the member level');
    expect(step('members').textContent).toContain('Member visitor@example.com: callLegProfile d4bfe12d… → needsActivation true from the member level');
    expect(step('callLegProfiles').textContent).not.toContain('nobody waits in a lobby');
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('pass');
  });

  it('puts each finding in its step, with its fix, and ends on the same verdict as the findings', () => {
    const model = guestSpaceModel();
    const { step } = renderChecklist({ ...model, accessMethods: [], members: [{ id: 'plain', userJid: 'plain@example.com' }] });
    const methods = step('accessMethods');
    expect(methods.dataset.status).toBe('fail');
    expect(within(methods).getByRole('link', { name: 'Fix: Give a member the host profile' }).getAttribute('href')).toBe(
      `/wizards/members-are-hosts?space=${IDS.guestSpace}&step=members`,
    );
    expect(step('members').dataset.status).toBe('warn');
    expect(screen.getByTestId('verdict').textContent).toContain('Verdict: Fail');
  });

  it('lists the GETs of each step of the guide, each with the XML CMS answers', () => {
    const { step } = renderChecklist(guestSpaceModel());
    const requests = within(step('accessMethods')).getByRole('list', { name: 'Requests' });
    expect(within(requests).getByText(`GET /api/v1/coSpaces/${IDS.guestSpace}/accessMethods/${IDS.hostAccessMethod}`)).toBeTruthy();
    expect(within(requests).getAllByRole('button', { name: /^Show XML of GET/ }).length).toBe(2);
    expect(step('callProfiles').dataset.status).toBe('pass');
    expect(step('callProfiles').textContent).toContain('passcodeMode is set at no level');
  });
});
