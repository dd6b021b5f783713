import { expect, type Locator, type Page, test } from './journey-test';
import { DEMO_PASSWORD, demoLogin, expectAccessible } from './support';

/**
 * The keyboard-only journey of issue 25 (WCAG 2.1.1): the GC signs in, searches the project library, opens a
 * project, and publishes a demand whose first submit fails and whose second succeeds — with Tab, Shift+Tab, Enter,
 * Space and the arrow keys only, never the mouse. Every page visited passes axe's WCAG 2.1 A and AA rules at 1280
 * and at 375 px.
 */

const ADMIN_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, as a keyboard user moves through a page. */
async function tabTo(page: Page, target: Locator, { back = false, limit = 80 } = {}): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached by ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

/** axe at the desktop width and on a phone (375 px), then back to the desktop. */
async function expectAccessibleAtBothWidths(page: Page, label: string): Promise<void> {
  await expectAccessible(page, `${label} at 1280 px`);
  await page.setViewportSize({ width: 375, height: 812 });
  // the scroll-region names are given on the next animation frame after a resize
  await page.waitForTimeout(300);
  await expectAccessible(page, `${label} at 375 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(300);
}

/** Attaches a file through an upload button opened with Enter; the browser's file dialog is answered directly. */
async function attachByKeyboard(page: Page, field: Locator, name: string): Promise<void> {
  await tabTo(page, field.getByRole('button'));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: MINIMAL_PDF });
  await expect(field).toContainText(name);
}

test('a GC signs in, finds a project and publishes a demand with the keyboard alone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Playwright turns the browser's file-dialog interception on and off as 'filechooser' listeners come and go, without
  // waiting for the browser to confirm; a key pressed in between opens a dialog nobody answers. One listener for the
  // whole journey keeps the interception on.
  page.on('filechooser', () => undefined);

  // Sign in: Tab to each field, type, Enter submits.
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'sign-in page');
  await tabTo(page, page.getByLabel('邮箱或手机号'));
  await page.keyboard.type('gc@example.com');
  await tabTo(page, page.getByLabel('密码', { exact: true }));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'GC home');

  // The skip link comes first and jumps past the header and the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();

  // The project library, through the side navigation.
  await tabTo(page, page.getByTestId('nav-menu').getByRole('link', { name: '项目库' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace\/projects$/);
  const search = page.getByTestId('library-search').locator('input');
  await tabTo(page, search);
  await page.keyboard.type('钢结构');
  await page.keyboard.press('Enter');
  const firstHit = page.getByTestId('search-hit').first();
  await expect(firstHit).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'project library search');

  // The first hit opens the project.
  const hitLink = firstHit.getByRole('link').first();
  const projectName = (await hitLink.innerText()).trim();
  await tabTo(page, hitLink);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(projectName);
  await expectAccessibleAtBothWidths(page, 'project detail');

  // The demand library, then its 发布需求 button.
  await tabTo(page, page.getByTestId('nav-menu').getByRole('link', { name: '需求库' }), { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace\/demands$/);
  await expectAccessibleAtBothWidths(page, 'demand library');
  await tabTo(page, page.getByRole('link', { name: '发布需求' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace\/demands\/new$/);
  await expectAccessibleAtBothWidths(page, 'new demand form');

  // Fill in all but 所属项目 and submit: the error is shown and the focus moves to that field.
  await tabTo(page, page.getByLabel('需求标题'));
  await page.keyboard.type('键盘发布 钢结构防火涂料施工');
  await tabTo(page, page.getByLabel('类别', { exact: true }));
  await page.keyboard.type('防火涂料');
  await tabTo(page, page.getByLabel('预算（万元）'));
  await page.keyboard.type('120');
  await tabTo(page, page.getByLabel('响应截止日期'));
  await page.keyboard.type('2027-06-30');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('响应截止日期')).toHaveValue('2027-06-30');
  // Enter confirmed the date and did not submit the half-filled form (nothing is marked invalid yet)
  await expect(page.getByLabel('所属项目')).not.toHaveAttribute('aria-invalid', 'true');
  await tabTo(page, page.getByLabel('项目地区'));
  await page.keyboard.type('萧山');
  // the matching districts are listed before a keyboard user picks one
  await expect(page.getByRole('menuitemcheckbox', { name: /萧山区/ }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-form-item').filter({ has: page.getByLabel('项目地区') })).toContainText('萧山区');
  await attachByKeyboard(page, page.getByTestId('upload-feasibility'), '可行性研究报告.pdf');
  await attachByKeyboard(page, page.getByTestId('upload-funds'), '资金证明.pdf');
  await tabTo(page, page.getByTestId('demand-submit'));
  await page.keyboard.press('Enter');
  const projectField = page.getByLabel('所属项目');
  await expect(projectField).toBeFocused();
  await expect(projectField).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'new demand form with an error');

  // Correct it and submit again: the demand goes to review.
  await page.keyboard.type(projectName.slice(0, 100));
  await tabTo(page, page.getByTestId('demand-submit'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace\/demands\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('demand-status')).toHaveText('待审核');
  await expectAccessibleAtBothWidths(page, 'demand detail');
});

test('the organisation form moves the focus to its first invalid field', async ({ page }) => {
  await page.goto('/login');
  await tabTo(page, page.getByLabel('邮箱或手机号'));
  await page.keyboard.type('gc@example.com');
  await tabTo(page, page.getByLabel('密码', { exact: true }));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace$/);

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/orgs/new');
  await expectAccessible(page, 'new organisation form at 375 px');
  await tabTo(page, page.getByRole('button', { name: '创建组织' }));
  await page.keyboard.press('Enter');
  const name = page.getByLabel('组织名称');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeInViewport();
});

test('a table wider than a phone scrolls with the arrow keys once it has the focus', async ({ page }) => {
  await demoLogin(page, 'admin@example.com', ADMIN_SECRET);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/staff/organisations');
  const region = page.locator('.ant-table-content[role="region"], .ant-table-body[role="region"]').first();
  await expect(region).toHaveAttribute('tabindex', '0');
  await expect(region).toHaveAttribute('aria-label', /（表格，可横向滚动）$|^表格（可横向滚动）$/);
  await expectAccessible(page, 'staff organisations at 375 px');
  await tabTo(page, region);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.screenshot({ path: 'e2e/artifacts/table-region-focus-375.png' });
  // wide enough again: the box is no longer a stop for Tab
  await page.setViewportSize({ width: 1920, height: 900 });
  await expect(page.locator('[data-zh-scroll-region]')).toHaveCount(0);
});
