import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { resetMock } from './wizards-helpers';

// One mock CMS per server: the wizards reset and write to it, so they must not run beside each other.
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeEach(async ({ request }) => {
  await resetMock(request);
});

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // The pointer left where the last click was would tint whatever button is under it now (MUI's hover
  // background): check the page at rest.
  await page.mouse.move(0, 0);
  // Colours mid-transition (a button just enabled) are not what anyone reads: let them settle.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, where).toEqual([]);
}

test('first screen', async ({ page }) => {
  await page.goto('/wizards');
  await expect(page.getByRole('heading', { level: 1, name: 'Guest and host wizards' })).toBeVisible();
  await expectNoSeriousViolations(page, 'first screen');
  await page.getByRole('radiogroup', { name: /sign in to the Meeting Server web app/ }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('radiogroup', { name: /dial different addresses/ }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('radiogroup', { name: /join without a PIN/ }).getByRole('radio', { name: 'Yes' }).check();
  await expect(page.getByText(/^Recommended:/)).toBeVisible();
  await expectNoSeriousViolations(page, 'first screen with a recommendation');
});

const SCENARIOS = ['different-uris', 'same-uri-two-pins', 'blank-guest-pin', 'members-are-hosts'] as const;

for (const scenario of SCENARIOS) {
  test(`every step of ${scenario}`, async ({ page }) => {
    await page.goto(`/wizards/${scenario}`);
    const tabs = page.getByRole('tab');
    // Counted once the stepper is there: counted earlier, the loop would check nothing.
    await expect(tabs.first()).toBeVisible();
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i++) {
      const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${i + 1} of ${count}:`) });
      await expect(heading).toBeVisible();
      const title = (await heading.textContent()) ?? `step ${i + 1}`;
      if (i === count - 1) {
        // Review: wait for the plan (or the pre-flight's verdict).
        await expect(page.getByRole('heading', { level: 3, name: 'API calls' })).toBeVisible({ timeout: 20_000 });
        await expect(heading).toBeVisible();
      } else {
        await page.waitForLoadState('networkidle');
      }
      await expectNoSeriousViolations(page, `${scenario}, ${title}`);
      if (i === 0) {
        // The advanced settings and an existing-profile picker, open.
        await page.getByRole('button', { name: /^Advanced: every other call leg profile setting/ }).first().click();
        await page.getByRole('radiogroup', { name: 'Which host profile?' }).getByRole('radio', { name: /Reuse an existing profile/ }).check();
        await expect(page.getByRole('radiogroup', { name: /pick the host profile/ })).toBeVisible();
        await page.getByRole('radiogroup', { name: 'Attach the guest profile to' }).getByRole('radio', { name: /^A tenant/ }).check();
        await expectNoSeriousViolations(page, `${scenario}, ${title} (advanced, picker, tenant)`);
        // A host profile that sets needsActivation=false (the lab's), so the pre-flight lets Review through.
        await page.getByRole('radiogroup', { name: /pick the host profile/ }).getByRole('radio', { name: /7306d2c1/ }).check();
        await page.getByRole('radiogroup', { name: 'Attach the guest profile to' }).getByRole('radio', { name: /^This space only/ }).check();
      }
      if (i === 1) {
        await page.getByRole('radiogroup', { name: 'Which space?' }).getByRole('radio', { name: 'Change an existing space' }).check();
        await expect(page.getByRole('radiogroup', { name: 'Space to change' })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectNoSeriousViolations(page, `${scenario}, ${title} (existing space search)`);
        await page.getByRole('radiogroup', { name: 'Which space?' }).getByRole('radio', { name: 'Create a new space' }).check();
        // A new space starts blank: the guide's example, filled in on request, gets it through the steps.
        await page.getByRole('button', { name: 'Fill in the guide’s example' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Filled in from the guide' })).toBeVisible();
        await expectNoSeriousViolations(page, `${scenario}, ${title} (guide's example filled in)`);
      }
      if (scenario === 'same-uri-two-pins' && title.endsWith('Host access method')) {
        // The defaults' host call ID (the guide's 889) belongs to the lab's guestpin.space.
        await page.getByRole('textbox', { name: /^Host call ID/ }).fill('8892');
      }
      if (i < count - 1) await page.getByRole('button', { name: /^Next/ }).click();
    }
  });
}

test('errors, apply and verify', async ({ page }) => {
  await page.goto('/wizards/different-uris');
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('textbox', { name: /^Space URI/ }).fill('');
  await page.getByRole('textbox', { name: /^Space call ID/ }).fill('12a');
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'problems on this step' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Space step with errors');

  // A new space starts blank (the guide's example is only a placeholder): the name is the admin's too.
  await page.getByRole('textbox', { name: /^Space name/ }).fill('A11y');
  await page.getByRole('textbox', { name: /^Space URI/ }).fill('a11y.space');
  await page.getByRole('textbox', { name: /^Space call ID/ }).fill('7901');
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('textbox', { name: /^Host URI/ }).fill('a11y-host.space');
  await page.getByRole('textbox', { name: /^Host call ID/ }).fill('7902');
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('button', { name: /^Apply \d+ change/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Verify' })).toBeVisible({ timeout: 20_000 });
  await expectNoSeriousViolations(page, 'Verify');
});
