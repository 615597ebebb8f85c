import { expect, test, type APIRequestContext } from '@playwright/test';
import { LAB } from '../src/mocks/cms/seeds/lab';

const HEADERS = { 'X-Requested-By': 'cms-access-studio' };

async function reset(request: APIRequestContext) {
  const answer = await request.post('/mock-cms/reset', { data: {}, headers: HEADERS });
  expect(answer.ok()).toBe(true);
}

// The journey changes the mock: start from and leave the lab seed, so no spec depends on the order.
test.beforeEach(async ({ request }) => reset(request));
test.afterEach(async ({ request }) => reset(request));

test('a template from the “different URIs” pattern, assigned to user1, makes web-app spaces where guests wait and hosts host', async ({ page, request }) => {
  await page.goto('/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  await page.getByRole('button', { name: 'New template from a pattern' }).click();
  const form = page.getByRole('form', { name: 'Template from a pattern' });
  await form.getByLabel(/Template name/).fill('Team rooms');
  await form.getByRole('button', { name: 'Review the writes' }).click();
  // The lab has the guide's guest and host profiles: reused, not copied.
  await expect(page.getByRole('list', { name: 'Profiles' })).toContainText(`Guest call leg profile: reused ${LAB.callLegProfiles.guest}`);
  await expect(page.getByRole('list', { name: 'Writes' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Create the template' }).click();
  const created = page.getByText(/The template exists \(id [0-9a-f-]{36}\)/);
  await expect(created).toBeVisible();
  const templateId = /id ([0-9a-f-]{36})/.exec((await created.textContent()) ?? '')?.[1] ?? '';
  await page.getByRole('button', { name: 'Close' }).click();

  const card = page.getByRole('region', { name: 'Template Team rooms' });
  await expect(card.getByRole('cell', { name: '$.host' })).toBeVisible();
  await card.getByRole('button', { name: 'Assign' }).click();
  const assign = page.getByRole('form', { name: 'Assign to users' });
  await assign.getByLabel('Users').click();
  await page.getByRole('option', { name: /user1@evacanoalone\.net/ }).click();
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('Assigned: these users can make spaces from the template in the web app.')).toBeVisible();
  const assigned = await request.get(`/api/v1/users/${LAB.users.user1}/userCoSpaceTemplates`, { headers: HEADERS });
  expect(await assigned.text()).toContain(`<coSpaceTemplate>${templateId}</coSpaceTemplate>`);

  // user1 makes a space from it in the web app.
  const made = await request.post('/mock-cms/simulate/create-space', {
    data: { userJid: 'user1@evacanoalone.net', coSpaceTemplate: templateId, name: 'Weekly review' },
    headers: HEADERS,
  });
  expect(made.status(), await made.text()).toBe(200);
  const spaceId = ((await made.json()) as { space: { id: string } }).space.id;

  await page.goto(`/spaces/${spaceId}/profiles`);
  await expect(page.getByRole('article', { name: 'Space URI weekly.review' }).getByText('guest', { exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: /^Access method “Host” \(weekly\.review\.host, call ID \d+, no PIN\)$/ }).getByText('host', { exact: true })).toBeVisible();
});
