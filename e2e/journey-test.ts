import { type Browser, type BrowserContext, test as base, type Page } from '@playwright/test';
import { axeViolations } from './support';

export * from '@playwright/test';

/**
 * Every page a journey visits is scanned by axe (issue 25: WCAG 2.1 A and AA, at 1280 and 375 px, in zh-CN and then
 * in English, the language a user can switch to). A journey
 * cannot stop at each page without changing what it tests, so the pages are recorded as the journey navigates —
 * the address and the session it was seen with — and scanned after the journey, each in a fresh browser context with
 * that session. A route (ids folded into `:id`) is scanned once per run: the second project page adds time, not
 * coverage. A violation fails the journey that visited the page, naming the rule, the selector and the address.
 */

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface Visit {
  url: string;
  state: Promise<StorageState | null>;
}

/** Pages that act on a one-time token when opened, so a second visit would scan an error, not the page. */
const ONE_TIME_PAGES = new Set(['/verify-email', '/reset-password', '/login/totp']);

/** Routes already scanned in this run (one worker runs the journeys in turn). */
const scannedRoutes = new Set<string>();

/** The route of a path: ids and numbers folded, so `/workspace/projects/<uuid>` is one route. */
export function routeOf(pathname: string): string {
  return pathname
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id')
    .replace(/\/\d+(?=\/|$)/g, '/:n')
    .replace(/\/$/, '');
}

function recordVisits(context: BrowserContext, origin: string, visits: Map<string, Visit>): void {
  const watch = (page: Page) =>
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = new URL(frame.url());
      if (url.origin !== origin || url.pathname.startsWith('/api')) return;
      const route = routeOf(url.pathname) || '/';
      if (ONE_TIME_PAGES.has(route) || scannedRoutes.has(route) || visits.has(route)) return;
      visits.set(route, { url: url.href, state: context.storageState().catch(() => null) });
    });
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
}

async function scanVisit(browser: Browser, route: string, visit: Visit): Promise<string[]> {
  const state = await visit.state;
  if (!state) return [];
  const context = await browser.newContext({
    storageState: state,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    await page.goto(visit.url);
    // a session that ended in the journey (signed out, revoked) lands elsewhere: that page is not this route
    if (routeOf(new URL(page.url()).pathname) !== route) return [];
    const titled = await page
      .getByRole('heading', { level: 1 })
      .first()
      .waitFor({ timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (!titled) return [`- ${route} (${visit.url}): no <h1> within 20 s`];
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const found: string[] = [];
    for (const language of ['zh-CN', 'en'] as const) {
      if (language === 'en') {
        // the language a user picks is kept in localStorage (apps/web/src/app/language.ts); the page reads it on load
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.evaluate("localStorage.setItem('zhuhe.language', 'en')");
        await page.reload();
        const english = await page
          .locator('html[lang="en"] h1')
          .first()
          .waitFor({ timeout: 20_000 })
          .then(() => true)
          .catch(() => false);
        if (!english) {
          found.push(`- ${route} (${visit.url}): no <h1> in English within 20 s`);
          break;
        }
        await page.waitForLoadState('networkidle').catch(() => undefined);
      }
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 1280 ? 900 : 812 });
        // the scroll-region names are given on the next animation frame after a resize
        await page.waitForTimeout(300);
        for (const v of await axeViolations(page)) {
          found.push(
            `- ${route} in ${language} at ${width} px (${visit.url}): ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n` +
              v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n'),
          );
        }
      }
    }
    return found;
  } finally {
    await context.close();
  }
}

/**
 * The usage-statistics consent banner (PIPL) would sit over the bottom of every page a journey visits: journeys
 * start with the choice made (declined), except those that test the banner (`test.use({ consent: 'ask' })`).
 */
async function chooseConsent(context: BrowserContext, consent: 'declined' | 'ask'): Promise<void> {
  if (consent === 'ask') return;
  await context.addInitScript({
    content: `if (!localStorage.getItem('zh_consent'))
      localStorage.setItem('zh_consent', JSON.stringify({ granted: false, at: new Date().toISOString() }));`,
  });
}

export const test = base.extend<{ axeEveryPage: undefined; consent: 'declined' | 'ask' }>({
  consent: ['declined', { option: true }],
  axeEveryPage: [
    async ({ browser, context, baseURL, consent }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const visits = new Map<string, Visit>();
      recordVisits(context, origin, visits);
      await chooseConsent(context, consent);
      // journeys with several users open their own contexts from the browser
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        recordVisits(created, origin, visits);
        await chooseConsent(created, consent);
        return created;
      };
      try {
        await use(undefined);
      } finally {
        browser.newContext = newContext;
      }
      const violations: string[] = [];
      for (const [route, visit] of visits) {
        scannedRoutes.add(route);
        violations.push(...(await scanVisit(browser, route, visit)));
      }
      if (violations.length > 0) {
        throw new Error(`axe found WCAG 2.1 A/AA violations on pages this journey visited:\n${violations.join('\n')}`);
      }
    },
    { auto: true, timeout: 180_000 },
  ],
});
