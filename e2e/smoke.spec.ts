import { expect, test } from '@playwright/test';

test('shell: navigation, demo connection, Spaces, dark mode', async ({ page }) => {
  await page.goto('/');

  await expect(page).toHaveURL(/\/wizards$/);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const label of ['Wizards', 'Spaces', 'Profiles', 'System']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByText('DEMO: mocked CMS')).toBeVisible();

  await nav.getByRole('link', { name: 'Spaces', exact: true }).click();
  await expect(page).toHaveURL(/\/spaces$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Spaces' })).toBeVisible();

  const html = page.locator('html');
  await expect(html).toHaveCSS('color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(html).toHaveCSS('color-scheme', 'dark');
  await expect(html).toHaveClass(/\bdark\b/);

  await page.reload();
  await expect(html).toHaveCSS('color-scheme', 'dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await expect(html).toHaveCSS('color-scheme', 'light');

  await nav.getByRole('link', { name: 'Profiles', exact: true }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
  const legProfiles = page.getByRole('table', { name: 'callLegProfiles' });
  await expect(legProfiles.getByText('d4bfe12d-68cd-41c0-a671-48395ee170ab')).toBeVisible();
  const systemRow = legProfiles.getByRole('row').filter({ hasText: '06b654b1-1d1f-4f7e-ac07-b7aed2fa4ed6' });
  await expect(systemRow.getByText('System default')).toBeVisible();
});
