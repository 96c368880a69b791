import { expect, inject, test } from 'vitest';
import { watchedBrowser } from './browser.ts';

/**
 * The web app runs under the cloud's Content-Security-Policy (sent by the local gateway too, infra/web-csp.ts),
 * and the browser tests' watch (tests/e2e/browser.ts) records a violation as a problem, so that every browser
 * test fails on one.
 */
const { url } = inject('cloud');
const openPage = watchedBrowser();

test('the home page loads under the CSP without a violation, and a violation is recorded', async () => {
  const { page, problems } = await openPage();
  const response = await page.goto(`${url}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect.poll(() => page.locator('#root').innerHTML()).not.toBe('');
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);

  // What the policy is there to stop: a script injected into the page.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.head.append(script);
  });
  await expect
    .poll(() => problems.filter((p) => p.startsWith('CSP violation: script-src-elem refused inline')))
    .toHaveLength(1);
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  // Recorded, and this test's own doing: the watch would otherwise fail it after it ends.
  problems.splice(0);
});
