import type { Page } from '@playwright/test';

/**
 * Collects what the page's Content-Security-Policy blocked: the `securitypolicyviolation` events
 * (script probes included) and Chromium's console reports. Call before the first navigation.
 */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  return async () => {
    const events: unknown = await page.evaluate(() => Reflect.get(window, '__cspViolations'));
    return [...(Array.isArray(events) ? events.map(String) : []), ...console];
  };
}
