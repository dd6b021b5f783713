import { expect, type Page, test } from './journey-test';
import { demoLogin, expectAccessible } from './support';

/**
 * 工作台 for every role of the demo: the home page opens with to-dos taken from the demo data (deadlines, money,
 * warnings), key figures and recent activity, at 1280 px and at 375 px without sideways scrolling. Screenshots go
 * to docs/screenshots/ for the README. Each home page, and the sign-in page, passes axe's WCAG 2.1 AA rules.
 */
const ROLES = [
  { role: 'gc', email: 'gc@example.com', todos: ['bids_to_open', 'log_review', 'payment_due', 'warning'] },
  { role: 'sub', email: 'sub@example.com', todos: ['log_due', 'log_changes', 'warning'] },
  { role: 'sup', email: 'sup@example.com', todos: ['log_due'] },
  // fin@ signs in with its demo authenticator (工程e贷 approvals ask for step-up)
  {
    role: 'fin',
    email: 'fin@example.com',
    todos: ['verification_missing', 'claim_to_decide'],
    secret: 'MZUW4LTMMVXGIZLSGEZDGNBVGY3TQOJQ',
  },
] as const;
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
const SHOTS = new URL('../docs/screenshots/', import.meta.url).pathname;

async function seesTodos(page: Page, kinds: readonly string[]) {
  const list = page.getByTestId('workspace-todos');
  await expect(list).toBeVisible();
  for (const kind of kinds) await expect(list.getByTestId(`todo-${kind}`).first()).toBeVisible();
  await expect(page.getByTestId('workspace-figures')).toBeVisible();
}

async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 375, height: 812 });
  await expect
    .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { message: 'no sideways scrolling' })
    .toBeLessThanOrEqual(375);
}

for (const r of ROLES) {
  test(`${r.role}: the home page lists its to-dos from the demo data at 1280 and 375 px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    if (r.role === 'gc') {
      await page.goto('/login');
      await expect(page).toHaveTitle('登录筑合 · 筑合');
      await expectAccessible(page, 'sign-in page');
    }
    await demoLogin(page, r.email, 'secret' in r ? r.secret : undefined);
    await page.goto('/workspace');
    await expect(page.getByTestId('workspace-title')).toBeVisible();
    await seesTodos(page, r.todos);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectAccessible(page, `${r.role} home at 1280 px`);
    if (r.role === 'gc') {
      // the skip link is the first stop of Tab and takes the focus past the header and the menu
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('skip-link')).toBeFocused();
      await expect(page.getByTestId('skip-link')).toHaveText('跳到主要内容');
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main-content')).toBeFocused();
    }
    await expect(page.getByText('正在建设中')).toHaveCount(0);
    if (r.role === 'gc') await expect(page.locator('.zh-facts')).toContainText('已认证');
    await page.screenshot({ path: `${SHOTS}home-${r.role}-1280.png`, fullPage: true });
    await fitsPhone(page);
    await seesTodos(page, r.todos);
    await expectAccessible(page, `${r.role} home at 375 px`);
    await page.screenshot({ path: `${SHOTS}home-${r.role}-375.png`, fullPage: true });
    await context.close();
  });
}

test('staff: the operations home lists the queues of the admin’s roles at 1280 and 375 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await demoLogin(page, ADMIN.email, ADMIN.secret);
  await page.goto('/staff');
  await expect(page.getByTestId('staff-home-title')).toHaveText('运营工作台');
  await seesTodos(page, ['warning_triage']);
  await page.getByTestId('todo-warning_triage').getByRole('link').click();
  await expect(page).toHaveURL(/\/staff\/risk$/);
  await page.goto('/staff');
  await seesTodos(page, ['warning_triage']);
  await expect(page).toHaveTitle('运营工作台 · 筑合');
  await expectAccessible(page, 'staff home at 1280 px');
  await page.screenshot({ path: `${SHOTS}home-staff-1280.png`, fullPage: true });
  await fitsPhone(page);
  await expectAccessible(page, 'staff home at 375 px');
  await page.screenshot({ path: `${SHOTS}home-staff-375.png`, fullPage: true });
  await context.close();
});
