import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from './journey-test';
import { expectAccessible, unusedTotp } from './support';

/**
 * The libraries journey: a GC imports a tender PDF and confirms the pre-filled demand; staff approve it in the
 * review queue; a supplier finds it by keyword and on the map (no tile server here: markers on a plain
 * background); then compares three listings in the comparison table.
 */
const DEMO_PASSWORD = 'Zhuhe@2026';
// The demo admin reviews demands here; the onboarding journey uses reviewer@, so the two never replay one TOTP code.
const REVIEWER_TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const TENDER = new URL('./fixtures/tender-hangzhou-steel.pdf', import.meta.url).pathname;
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function login(browser: Browser, email: string, totpSecret?: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(email);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  if (totpSecret) {
    await page.getByLabel('动态口令或恢复码').fill(await unusedTotp(totpSecret));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await expect(page).not.toHaveURL(/\/login/);
  } else {
    await expect(page).toHaveURL(/\/workspace/);
  }
  return page;
}

test('a tender PDF becomes a reviewed demand that suppliers find by keyword and on the map', async ({ browser }) => {
  test.setTimeout(180_000);
  // 1. The GC imports the tender file and confirms what was read.
  const gc = await login(browser, 'gc@example.com');
  // 0. The project library's search passes axe's WCAG 2.1 AA rules, with its results shown.
  await gc.goto('/workspace/projects');
  await gc.getByTestId('library-search').locator('input').fill('钢结构');
  await gc.keyboard.press('Enter');
  await expect(gc.getByTestId('search-hit').first()).toBeVisible();
  await expect(gc).toHaveTitle('项目库 · 筑合');
  await expectAccessible(gc, 'project library search');
  await gc.goto('/workspace/demands');
  await gc.getByTestId('publish-demand').click();
  await gc.getByTestId('tender-import').locator('input[type=file]').setInputFiles(TENDER);
  // the file is read on the server (text layer, then the fields): allow for a loaded machine
  await expect(gc.getByTestId('import-found')).toContainText('项目名称', { timeout: 30_000 });
  await expect(gc.getByTestId('import-found')).toContainText('预算');
  await expect(gc.getByTestId('demand-title')).toHaveValue('杭州萧山智造产业园二期钢结构厂房工程 钢结构专业分包');
  await expect(gc.getByTestId('demand-qualification')).toHaveValue('钢结构工程专业承包');
  await expect(gc.getByTestId('demand-budget')).toHaveValue('2860');
  await expect(gc.getByText('浙江省 / 杭州市 / 萧山区')).toBeVisible();
  const attach = async (testId: string, name: string) => {
    await gc
      .getByTestId(testId)
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: MINIMAL_PDF });
    await expect(gc.getByTestId(testId)).toContainText(name);
  };
  await attach('upload-feasibility', '可行性研究报告.pdf');
  await attach('upload-funds', '资金证明.pdf');
  await gc.getByTestId('demand-submit').click();
  await expect(gc).toHaveURL(/\/workspace\/demands\/[0-9a-f-]{36}$/);
  await expect(gc.getByTestId('demand-status')).toHaveText('待审核');
  const demandUrl = gc.url();

  // 2. A reviewer approves it in the queue, within its 2-working-day SLA.
  const reviewer = await login(browser, 'admin@example.com', REVIEWER_TOTP);
  await reviewer.goto('/staff/demand-reviews');
  const card = reviewer.getByTestId('review-card').filter({ hasText: '智造产业园二期' });
  await expect(card).toContainText('剩余');
  await expect(card).toContainText('可行性报告：可行性研究报告.pdf');
  await card.getByTestId('approve').click();
  await expect(card).toHaveCount(0);
  await gc.reload();
  await expect(gc.getByTestId('demand-status')).toHaveText('已发布');

  // 3. A supplier finds it by keyword …
  const supplier = await login(browser, 'sup@example.com');
  await supplier.goto('/workspace/demands');
  await supplier.getByTestId('library-search').locator('input').fill('智造产业园 钢结构');
  await supplier.keyboard.press('Enter');
  const hit = supplier.getByTestId('search-hit').first();
  await expect(hit).toContainText('杭州萧山智造产业园二期钢结构厂房工程');
  await expect(hit.locator('mark').first()).toBeVisible();
  await expectAccessible(supplier, 'demand library search');
  await hit.getByRole('link').first().click();
  await expect(supplier).toHaveURL(demandUrl);
  await expect(supplier.getByText('浙江宏筑建设集团有限公司')).toBeVisible();

  // … and on the map, which works without any reachable tile server: the bundled province outlines are the base.
  await supplier.goto('/workspace/map');
  await expect(supplier.locator('.leaflet-zh-outline-pane canvas')).toBeVisible();
  await expect(supplier.getByTestId('library-map')).toContainText('轮廓：ECharts 4.9');
  await supplier.getByText('需求', { exact: true }).click();
  await supplier.getByTestId('map-search').locator('input').fill('智造产业园');
  await supplier.keyboard.press('Enter');
  await expect(supplier.getByTestId('map-count')).toHaveText('地图显示 1 个点位');
  await expect(supplier.getByTestId('map-hit').first()).toContainText('智造产业园二期');
  await expect(supplier.locator('.zh-map-marker')).toHaveCount(1);
  await supplier.locator('.zh-map-marker').click();
  await expect(supplier.locator('.leaflet-popup')).toContainText('智造产业园二期');
  await supplier.screenshot({ path: 'e2e/artifacts/map-without-tiles.png' });

  // 4. It compares three rebar listings side by side.
  await supplier.goto('/workspace/resources');
  await supplier.getByTestId('library-search').locator('input').fill('HRB400E 钢筋');
  await supplier.keyboard.press('Enter');
  await expect(supplier.getByTestId('search-hit').nth(2)).toBeVisible();
  // the previous list stays on screen until the new one arrives: wait for the rebar hits before ticking any
  await expect(supplier.getByTestId('search-hit').first()).toContainText('HRB400E');
  for (const n of [0, 1, 2]) await supplier.getByTestId('search-hit').nth(n).getByRole('checkbox').check();
  await supplier.getByTestId('compare-selected').click();
  await expect(supplier).toHaveURL(/\/workspace\/resources\/compare\?ids=/);
  const table = supplier.getByTestId('comparison-table');
  await expect(table.locator('thead th')).toHaveCount(4);
  await expect(table).toContainText('折算单价');
  await expect(table.getByTestId('best-value')).toHaveCount(1);
  await expectAccessible(supplier, 'comparison table');
  await supplier.screenshot({ path: 'e2e/artifacts/comparison-table.png', fullPage: true });
  expect(readFileSync(TENDER).subarray(0, 5).toString()).toBe('%PDF-');
});
