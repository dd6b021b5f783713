import { type Browser, expect, type Page, test } from './journey-test';
import { activeOrgId, demoLogin, expectAccessible, json } from './support';

const STEEL = '河北冀钢物资贸易有限公司';
const MATERIALS = '湖北楚材建材有限公司';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await demoLogin(page, email);
  return page;
}

async function csrf(page: Page): Promise<Record<string, string>> {
  const me = await json<{ csrfToken: string }>(page.request.get('/api/auth/me'));
  return { 'x-csrf-token': me.csrfToken };
}

/**
 * 收藏与询价 (MERCH-6) in two browsers: the demo GC stars one of 冀钢's listings and asks 冀钢 and 楚材 for quotes;
 * 冀钢's inbox, open in the other browser, shows the inquiry without a reload (it polls) and 冀钢 quotes; 楚材
 * quotes too; the GC compares both side by side and accepts 冀钢's, which records the order and tells 冀钢 it won.
 */
test('a buyer favourites a listing, asks two merchants, and accepts one of the quotes compared', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `E2E 钢筋询价 ${Date.now()}`;

  // the merchant's inbox is open before the inquiry exists
  const merchant = await signedIn(browser, 'sup@example.com');
  const steelOrg = await activeOrgId(merchant);
  const listings = await json<{ items: { id: string; status: string }[] }>(
    merchant.request.get(`/api/orgs/${steelOrg}/resources`),
  );
  const listingId = listings.items.filter((l) => l.status === 'active').at(-1)?.id as string;
  await merchant.goto('/workspace/inquiries');
  await expect(merchant.getByRole('heading', { name: '询价', level: 1 })).toBeVisible();
  await expect(merchant.getByRole('tab', { name: /收到的询价/ })).toHaveAttribute('aria-selected', 'true');

  // 1. the buyer stars the listing on its page, then asks for a quote from there
  await demoLogin(page, 'gc@example.com');
  await page.goto(`/workspace/resources/${listingId}`);
  const star = page.getByRole('button', { name: '收藏', exact: true });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(page.getByRole('button', { name: '已收藏', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('nav-menu').getByRole('link', { name: '我的收藏' }).click();
  await expect(page.getByRole('heading', { name: '我的收藏', level: 1 })).toBeVisible();
  await page.locator('.ant-segmented-item').filter({ hasText: '资源' }).click();
  const favouriteRow = page
    .getByRole('row')
    .filter({ has: page.locator(`a[href="/workspace/resources/${listingId}"]`) });
  await expect(favouriteRow).toBeVisible();
  await favouriteRow.getByRole('link', { name: '询价' }).click();

  await expect(page.getByRole('heading', { name: '发起询价', level: 1 })).toBeVisible();
  await expect(page.getByText(/询价资源：/)).toBeVisible();
  const merchants = page.getByLabel('询价商家（可多选）');
  await expect(page.getByTestId('merchant-select')).toContainText(STEEL);
  await merchants.click();
  await page.locator('.ant-select-item-option').filter({ hasText: MATERIALS }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('询价标题').fill(title);
  await page.getByTestId('line-0').getByLabel('数量').fill('120');
  await page.getByRole('button', { name: '添加一行' }).click();
  const second = page.getByTestId('line-1');
  await second.getByLabel('材料名称').fill('商品混凝土');
  await second.getByLabel('规格型号').fill('C30');
  await second.getByLabel('单位').fill('m³');
  await second.getByLabel('数量').fill('800');
  await page.getByRole('button', { name: '发送询价' }).click();
  await expect(page).toHaveURL(/\/workspace\/inquiries\/[0-9a-f-]{36}$/);
  const inquiryId = page.url().split('/').at(-1) as string;
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByTestId('engagement-progress')).toContainText('已发送');

  // 2. the merchant's inbox shows it without a reload (polling), and the merchant quotes
  const inbox = merchant.getByTestId('inquiries-received');
  await expect(inbox.getByRole('link', { name: title })).toBeVisible({ timeout: 20_000 });
  await inbox.getByRole('link', { name: title }).click();
  const panel = merchant.getByTestId('merchant-panel');
  await expect(panel).toContainText('已查看');
  await panel.getByLabel(/第 1 行单价/).fill('3720');
  await panel.getByLabel(/第 2 行单价/).fill('450.5');
  await panel.getByLabel('交货期（天）').fill('5');
  await panel.getByRole('button', { name: '提交报价' }).click();
  await expect(panel).toContainText('已报价');
  // 120 × ¥3,720 + 800 × ¥450.50 = ¥806,800
  await expect(panel).toContainText('¥806,800.00');

  // 楚材 quotes through the API
  const other = await signedIn(browser, 'sup3@example.com');
  const materialsOrg = await activeOrgId(other);
  await json(
    other.request.post(`/api/orgs/${materialsOrg}/inquiries/${inquiryId}/quote`, {
      headers: await csrf(other),
      data: { unitPricesFen: [379_000, 44_800], deliveryDays: 3, validDays: 10, note: '就近供应' },
    }),
  );
  // a merchant never sees a competitor's quote
  const asSteel = await json<{ engagements: unknown[] }>(
    merchant.request.get(`/api/orgs/${steelOrg}/inquiries/${inquiryId}`),
  );
  expect(asSteel.engagements).toHaveLength(1);
  expect(JSON.stringify(asSteel)).not.toContain(MATERIALS);

  // 3. the buyer compares both quotes (the open inquiry refreshes itself) and accepts 冀钢's
  const comparison = page.getByTestId('quote-comparison');
  await expect(comparison).toContainText(STEEL, { timeout: 20_000 });
  await expect(comparison).toContainText(MATERIALS, { timeout: 20_000 });
  await expect(comparison).toContainText('最低');
  await expect(comparison).toContainText('最快');
  await page.mouse.move(0, 0);
  await expectAccessible(page, 'inquiry comparison');
  await page.getByRole('button', { name: `接受此报价：${STEEL}` }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  const order = page.getByTestId('inquiry-order');
  await expect(order).toContainText('¥806,800.00');
  await expect(order).toContainText(/XJ\d{8}/);
  await expect(page.getByTestId('engagement-progress')).toContainText('已中选');
  await expect(page.getByTestId('engagement-progress')).toContainText('未中选');

  // the winner sees the decision on its page (the open inquiry refreshed itself until it closed)
  await merchant.reload();
  await expect(merchant.getByTestId('merchant-panel')).toContainText('贵方报价已被接受');

  // 375 px, and English second
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(order).toBeVisible();
  await expectAccessible(page, 'inquiry at 375 px');
  await page.screenshot({ path: 'e2e/artifacts/inquiries-375.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate("localStorage.setItem('zhuhe.language', 'en')");
  await page.goto('/workspace/inquiries');
  await expect(page.getByRole('heading', { name: 'Inquiries', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sent' })).toBeVisible();
});
