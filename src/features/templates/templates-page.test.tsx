// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import {
  getAccessMethodTemplate,
  getCoSpaceTemplate,
  listAllAccessMethodTemplates,
  listAllCoSpaceTemplates,
  listAllLdapUserCoSpaceTemplateSources,
  listAllUserCoSpaceTemplates,
} from '../../api/resources/co-space-templates';
import { journalWritesOf } from '../../testing/journal-records';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { TemplatesPage } from './templates-page';

const { journal } = withMockCms();
const T = LAB.templates;

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <TemplatesPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const lastWrites = () => {
  const last = journal().runs.at(-1);
  if (!last) throw new Error('no run');
  return journalWritesOf(last);
};

const card = (name: string) => screen.findByRole('region', { name: `Template ${name}` });

describe('the Templates page', () => {
  afterEach(cleanup);

  it('lists the lab template with its host access method template, its LDAP-made assignment and its LDAP source', async () => {
    renderPage();
    const lobby = await card('Guests wait for a host');
    const methods = within(lobby).getByRole('table', { name: 'Access method templates of Guests wait for a host' });
    expect(within(methods).getByRole('cell', { name: '$.host' })).toBeTruthy();
    expect(within(methods).getByRole('cell', { name: LAB.callLegProfiles.host })).toBeTruthy();
    expect(within(lobby).getByText('stejanss.movi@steven.lab (by LDAP sync)')).toBeTruthy();
    expect(within(lobby).getByText(/with filter \(memberOf=cn=hosts,dc=steven,dc=lab\)/)).toBeTruthy();
  });

  it('edits the template’s name with a PUT of that field only, journaled', async () => {
    const user = renderPage();
    await user.click(within(await card('Guests wait for a host')).getByRole('button', { name: 'Edit template' }));
    const form = screen.getByRole('form', { name: /Edit the template/ });
    await user.clear(within(form).getByLabelText('name'));
    await user.type(within(form).getByLabelText('name'), 'Lobby first');
    await user.click(within(form).getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('table', { name: 'Changes' }).textContent).toContain('Lobby first');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/Saved name of the template/)).toBeTruthy();
    expect((await getCoSpaceTemplate(T.guestLobby)).name).toBe('Lobby first');
    expect(lastWrites().map((w) => [w.operation.kind, w.form])).toEqual([['updateCoSpaceTemplate', { name: 'Lobby first' }]]);
  });

  it('a uriGenerator CMS refuses comes back as a sentence on that field, and CMS keeps the old one', async () => {
    const user = renderPage();
    const lobby = await card('Guests wait for a host');
    await user.click(within(lobby).getByRole('button', { name: 'Edit access method template Host' }));
    const form = screen.getByRole('form', { name: /Edit the access method template/ });
    await user.clear(within(form).getByLabelText('uriGenerator'));
    await user.type(within(form).getByLabelText('uriGenerator'), 'host$$');
    await user.click(within(form).getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const field = await screen.findByRole('form', { name: /Edit the access method template/ });
    expect(within(field).getByText('The value for “uriGenerator” was refused by CMS (invalidValue).')).toBeTruthy();
    expect((await getAccessMethodTemplate(T.guestLobby, T.hostAccess)).uriGenerator).toBe('$.host');
  });

  it('makes a template from the “different URIs” pattern, reusing the lab’s guide profiles, then assigns it to user1', async () => {
    const user = renderPage();
    await user.click(await screen.findByRole('button', { name: 'New template from a pattern' }));
    const form = screen.getByRole('form', { name: 'Template from a pattern' });
    expect(within(form).getByText(/carries no PIN/)).toBeTruthy();
    await user.clear(within(form).getByLabelText(/Template name/));
    await user.type(within(form).getByLabelText(/Template name/), 'Two URIs');
    await user.click(within(form).getByRole('button', { name: 'Review the writes' }));
    const writes = await screen.findByRole('list', { name: 'Writes' });
    expect(within(writes).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining(`POST /api/v1/coSpaceTemplates name=Two URIs&callLegProfile=${LAB.callLegProfiles.guest}`),
      expect.stringContaining(`POST /api/v1/coSpaceTemplates/{template}/accessMethodTemplates name=Host&uriGenerator=$.host&callLegProfile=${LAB.callLegProfiles.host}&generateUniqueCallId=true`),
    ]);
    expect(screen.getByRole('list', { name: 'Profiles' }).textContent).toContain("reused");
    await user.click(screen.getByRole('button', { name: 'Create the template' }));
    expect(await screen.findByText(/The template exists/)).toBeTruthy();
    const made = (await listAllCoSpaceTemplates()).items.find((t) => t.name === 'Two URIs');
    expect(made?.callLegProfile).toBe(LAB.callLegProfiles.guest);
    expect((await listAllAccessMethodTemplates(made?.id ?? '')).items).toMatchObject([{ uriGenerator: '$.host', generateUniqueCallId: true }]);
    await user.click(screen.getByRole('button', { name: 'Close' }));

    await user.click(within(await card('Two URIs')).getByRole('button', { name: 'Assign' }));
    const assign = screen.getByRole('form', { name: 'Assign to users' });
    await user.click(within(assign).getByLabelText('Users'));
    await user.click(await screen.findByRole('option', { name: /user1@evacanoalone.net/ }));
    await user.click(within(assign).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText(/Assigned: these users can make spaces/)).toBeTruthy();
    expect((await listAllUserCoSpaceTemplates(LAB.users.user1)).items).toMatchObject([{ coSpaceTemplate: made?.id, autoGenerated: false }]);
  });

  it('deletes a template with its access method template and LDAP source one by one (the LDAP sync’s assignment goes with it)', async () => {
    const user = renderPage();
    await user.click(within(await card('Guests wait for a host')).getByRole('button', { name: 'Delete template' }));
    expect(within(screen.getByRole('list', { name: 'Requests' })).getAllByRole('listitem')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/Deleted the template/)).toBeTruthy();
    expect((await listAllCoSpaceTemplates()).items).toEqual([]);
    expect((await listAllLdapUserCoSpaceTemplateSources()).items).toEqual([]);
    expect((await listAllUserCoSpaceTemplates(LAB.users.host)).items).toEqual([]);
    expect(lastWrites().map((w) => w.operation.kind)).toEqual(['deleteLdapTemplateSource', 'deleteAccessMethodTemplate', 'deleteCoSpaceTemplate']);
  });
});
