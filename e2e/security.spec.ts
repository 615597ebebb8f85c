import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { watchCsp } from './csp-watch';
import { resetMock } from './wizards-helpers';

let attacker: Server;
let attackerUrl: string;

test.beforeAll(async ({ baseURL }) => {
  // Another site that shows the studio in an almost invisible frame and clicks through it.
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>win a prize</title><iframe src="${baseURL}/wizards" style="opacity:0.05" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const address = attacker.address();
  // localhost is another origin than 127.0.0.1, as another site would be.
  attackerUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`;
});

test.afterAll(() => new Promise<void>((resolve) => attacker?.close(() => resolve())));

test('another site cannot show the studio in a frame', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => refused.push(message.text()));
  await page.goto(attackerUrl);
  const frame = page.frameLocator('iframe');
  await expect.poll(() => refused.some((text) => /frame-ancestors|X-Frame-Options/.test(text))).toBe(true);
  await expect(frame.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
});

test('the studio runs under its Content-Security-Policy without a single violation', async ({ page, request }) => {
  await resetMock(request);
  const violations = await watchCsp(page);
  const response = await page.goto('/spaces');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(page.getByRole('table', { name: 'Spaces' }).getByRole('cell', { name: 'Guest.space', exact: true })).toBeVisible();
  await page.getByRole('table', { name: 'Spaces' }).getByRole('cell', { name: 'Guest.space', exact: true }).click();
  await expect(page.getByRole('tab', { name: /Profiles/ })).toBeVisible();
  for (const [section, heading] of [
    ['Wizards', 'Guest and host wizards'],
    ['Profiles', 'Profiles'],
    ['Spaces by user', 'Spaces by user'],
    ['Meetings', 'Meetings'],
    ['Live calls', 'Live calls'],
    ['System', 'System'],
    ['API console', 'API console'],
  ]) {
    await nav.getByRole('link', { name: section, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  await page.getByRole('button', { name: /Switch to (dark|light) mode/ }).click();
  expect(await violations()).toEqual([]);
});
