import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

/** Debian's Chromium, headless, with every host but this machine unresolvable: nothing leaves it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };

/** The password of the users tests make (`newUser` in tests/support/api.ts). */
export const TEST_PASSWORD = 'test-password-1';

/** Signs in through the sign-in page, as a person does, and waits to land on `path` (its query aside). */
export async function signedIn(
  watched: Watched,
  email: string,
  path: string,
  password = TEST_PASSWORD,
): Promise<Page> {
  const { page } = watched;
  await page.goto(`${inject('cloud').url}/signin?next=${encodeURIComponent(path)}`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('textbox', { name: 'パスワード' }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path.split('?')[0]);
  return page;
}
export const PHONE = { width: 375, height: 812 };

export type Watched = {
  page: Page;
  context: BrowserContext;
  problems: string[];
  /** Responses that are part of the test (e.g. Cognito refusing a wrong password): not a problem. */
  expectFailure: (url: string, status: number) => void;
};

/** What the page reports of a Content-Security-Policy violation (see `openPage`). */
const CSP_BINDING = '__reportCspViolation';

/**
 * A fresh browser context and page that record what should never happen: uncaught errors, console
 * errors (but the expected 404 of GET /v1/me before onboarding), requests to other hosts, and any
 * Content-Security-Policy violation (the gateway sends the cloud's policy, infra/web-csp.ts).
 */
export async function openPage(
  browser: Browser,
  opts: {
    viewport?: { width: number; height: number };
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
  } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? DESKTOP,
    locale: 'ja-JP',
    // No transitions: screenshots show finished states, and the app honours the preference.
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Tokyo',
    ...(opts.storageState ? { storageState: opts.storageState } : {}),
  });
  const problems: string[] = [];
  // Every violation of the page's CSP, from the document's own `securitypolicyviolation` events: Chromium
  // also logs most as console errors, but not e.g. those of a worker's or an attribute's inline style.
  await context.exposeBinding(CSP_BINDING, (_source, violation: string) => {
    problems.push(`CSP violation: ${violation}`);
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as Record<string, (violation: string) => void>)[binding];
        const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
        report?.(
          `${e.effectiveDirective} refused ${e.blockedURI || 'inline'}${where} on ${location.href}` +
            (e.sample ? ` (${e.sample})` : ''),
        );
      },
      true,
    );
  }, CSP_BINDING);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Chromium logs every failed response; the profile's 404 before onboarding is expected.
  const expected = [{ url: '/v1/me', status: 404 }];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    const status = Number(/status of (\d{3})/.exec(msg.text())?.[1]);
    if (expected.some((e) => e.status === status && where.endsWith(e.url))) return;
    problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    if (!['localhost', '127.0.0.1'].includes(host) && !req.url().startsWith('data:'))
      problems.push(`request to another host: ${req.url()}`);
  });
  return { page, context, problems, expectFailure: (url, status) => void expected.push({ url, status }) };
}

const SHOTS = join(process.cwd(), 'tests', 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  // Let fonts settle so Japanese glyphs are in the picture, not fallback boxes.
  await page.evaluate(() => document.fonts.ready);
  // From the top: a full-page picture of a scrolled page draws the sticky header halfway down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core on the page as it is now: no serious or critical violation of WCAG 2.x A/AA (and 2.2). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
  expect(bad, `accessibility violations on ${label}`).toEqual([]);
}

/** What a person sees of an element: Playwright's innerText (laid-out text, hidden parts left out). */
export function seen(locator: Locator): Promise<string> {
  return locator.innerText();
}

/**
 * One Chromium for a test file, opened before its tests and closed after them; every page it opens is watched,
 * and after each test nothing unexpected may have happened in them (no uncaught error, no console error, no
 * other host). Returns the function that opens a watched page.
 */
export function watchedBrowser(): (opts?: Parameters<typeof openPage>[1]) => Promise<Watched> {
  let browser: Browser | undefined;
  const opened: Watched[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const problems = opened.flatMap((w) => w.problems);
    await Promise.all(opened.splice(0).map((w) => w.context.close()));
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (opts = {}) => {
    if (!browser) throw new Error('the browser is not open yet');
    const watched = await openPage(browser, opts);
    opened.push(watched);
    return watched;
  };
}
