import { type Browser, expect, type Page, test } from './journey-test';
import { activeOrgId, demoLogin, expectAccessible } from './support';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/**
 * 数据看板 (DATA-5): gov@ — 浙江's GOV viewer in the demo — signs in and sees the regional board, aggregated, with
 * the composite unit-price index; gc@ sees the cost warning its threshold raised on the rising rebar forecast.
 */
test('a GOV viewer sees the regional board with the index; a GC sees its cost warning', async ({ browser }) => {
  test.setTimeout(180_000);
  const gov = await newPage(browser);
  await demoLogin(gov, 'gov@example.com');
  await gov.goto('/workspace/gov-board');
  await expect(gov.getByRole('heading', { level: 1, name: '区域建设指数看板' })).toBeVisible();
  await expect(gov.getByText('浙江省 及下辖地区')).toBeVisible();
  await expect(gov.getByText(/少于 3 家企业的格子不显示/)).toBeVisible();
  await expect(gov.getByTestId('gov-monthly')).toBeVisible();
  await expect(gov.getByTestId('price-index-card')).toBeVisible();
  await expect(gov.getByTestId('index-latest')).toContainText('最新');
  await expectAccessible(gov, 'GOV board');
  // a GOV viewer cannot act as a market party: the demand form's API refuses it
  const orgId = await activeOrgId(gov);
  const refused = await gov.request.post(`/api/orgs/${orgId}/demands`, { data: {} });
  expect([401, 403]).toContain(refused.status());

  const gc = await newPage(browser);
  await demoLogin(gc, 'gc@example.com');
  await gc.goto('/workspace/cost-warnings');
  await expect(gc.getByRole('heading', { level: 1, name: '成本预警' })).toBeVisible();
  const warning = gc.getByTestId('cost-warning').filter({ hasText: '钢筋 预计' }).first();
  await expect(warning).toContainText('钢筋 预计');
  await expect(warning.getByRole('link', { name: '查看价格预测' })).toBeVisible();
  await expectAccessible(gc, 'cost warnings');
});
