import { randomInt } from 'node:crypto';
import { expect, test } from './journey-test';
import { demoLogin, E2E_PASSWORD, generateCreditCode, uniqueEmail } from './support';

const ADMIN_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

// this journey is about the consent banner and what it lets through
test.use({ consent: 'ask' });

test('a visitor from a campaign link consents, registers and creates an organisation; staff see the path attributed to the campaign and a KPI alert', async ({
  page,
  browser,
}) => {
  const campaign = `e2e-${randomInt(1_000_000)}`;
  await page.goto(`/register?utm_source=wechat&utm_medium=social&utm_campaign=${campaign}`);
  const banner = page.getByTestId('consent-banner');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '同意', exact: true }).click();
  await expect(banner).toBeHidden();

  await page.getByLabel('邮箱或手机号').fill(uniqueEmail('growth'));
  await page.getByLabel('姓名').fill('拓客测试');
  await page.getByLabel('密码', { exact: true }).fill(E2E_PASSWORD);
  await page.getByLabel('确认密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);

  // the page views after sign-in go out in a batch with the new session: the visitor is stitched to the user
  const stitched = page.waitForResponse((r) => r.url().endsWith('/api/analytics/batch'), { timeout: 20_000 });
  await page.getByLabel('组织名称').fill(`拓客渠道测试建设有限公司${randomInt(100_000)}`);
  await page.getByLabel('统一社会信用代码').fill(generateCreditCode());
  await page.getByRole('checkbox', { name: /施工企业/ }).check();
  await page.getByRole('button', { name: '创建组织' }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  const batch = await stitched;
  expect(batch.status()).toBe(202);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.addInitScript({
    content: `localStorage.setItem('zh_consent', JSON.stringify({ granted: false, at: new Date().toISOString() }));`,
  });
  await demoLogin(staff, 'admin@example.com', ADMIN_SECRET);

  await staff.goto('/staff/growth/channels');
  await expect(staff.getByRole('heading', { name: '增长分析', level: 1 })).toBeVisible();
  const attribution = staff.getByTestId('growth-attribution-table');
  const row = attribution.getByRole('row').filter({ hasText: campaign });
  // a batch still in the visitor's queue arrives within seconds
  await expect(async () => {
    await staff.reload();
    await expect(row).toContainText('wechat', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expect(staff.getByTestId('growth-quadrant-chart')).toBeVisible();
  await expect(staff.getByTestId('growth-channels-table').getByRole('row').filter({ hasText: 'wechat' })).toBeVisible();

  await staff.getByRole('link', { name: '漏斗' }).click();
  await expect(staff).toHaveURL(/\/staff\/growth\/funnel$/);
  await expect(staff.getByTestId('growth-funnel-table').getByRole('row').filter({ hasText: 'wechat' })).toBeVisible();
  await expect(staff.getByTestId('growth-funnel-chart')).toBeVisible();

  await staff.getByRole('link', { name: 'KPI 看板' }).click();
  const cac = staff.getByTestId('kpi-cac');
  await expect(cac).toContainText('获客成本');
  await expect(cac).toContainText('预警');
  await expect(staff.getByTestId('kpi-tasks')).toContainText('获客成本 CAC：实际');
  await staff.screenshot({ path: 'docs/screenshots/growth-kpi-board.png', fullPage: true });
  await staff.goto('/staff/growth/channels');
  await expect(staff.getByTestId('growth-quadrant-chart')).toBeVisible();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await staff.screenshot({ path: 'docs/screenshots/growth-channels.png', fullPage: true });
  await staffContext.close();
});

test('staff save an analysis and reopen it, read the stage flows, alerts and demand heat; a merchant sees its own', async ({
  page,
  browser,
}) => {
  await page.addInitScript({
    content: `localStorage.setItem('zh_consent', JSON.stringify({ granted: false, at: new Date().toISOString() }));`,
  });
  await demoLogin(page, 'admin@example.com', ADMIN_SECRET);
  await page.goto('/staff/growth/funnel');
  await expect(page.getByRole('heading', { name: '增长分析', level: 1 })).toBeVisible();
  const saved = page.getByTestId('saved-analyses-funnel');
  // the demo's shared funnel is listed
  await expect(saved).toContainText('获客漏斗 · 按渠道（近 12 周）');

  const name = `七天窗口 ${randomInt(1_000_000)}`;
  await page.getByLabel('转化窗口（天）').fill('7');
  await saved.getByRole('button', { name: '保存分析' }).click();
  const dialog = page.getByRole('dialog', { name: '保存分析' });
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByRole('checkbox', { name: '共享给增长团队' }).check();
  await dialog.getByRole('button', { name: '保存分析' }).click();
  await expect(saved).toContainText(name);

  // change the window, then reopen the saved analysis: the page takes its query back
  await page.getByLabel('转化窗口（天）').fill('60');
  await saved.getByRole('button', { name: `打开 ${name}` }).click();
  await expect(page.getByLabel('转化窗口（天）')).toHaveValue('7');
  await expect(page.getByTestId('growth-funnel-table')).toBeVisible();

  // stage flows: the Sankey and its table of flows
  await page.getByRole('link', { name: '生命周期' }).click();
  await expect(page.getByTestId('growth-flows-sankey')).toBeVisible();
  const flows = page.getByTestId('growth-flows-table');
  await expect(flows).toBeVisible();
  await expect(flows).toContainText('拉新');

  await page.getByRole('link', { name: '同期群' }).click();
  await expect(page.getByTestId('growth-cohort-ltv')).toBeVisible();

  await page.getByRole('link', { name: 'KPI 看板' }).click();
  const alerts = page.getByTestId('merchant-alerts');
  await expect(alerts).toContainText('曝光下降');
  await expect(alerts).toContainText('投诉率超标');

  await page.getByRole('link', { name: '需求热度' }).click();
  await expect(page.getByTestId('market-regions')).toContainText('浙江省');
  await expect(page.getByTestId('market-keywords')).toContainText('防辐射混凝土');

  const merchantContext = await browser.newContext();
  const merchant = await merchantContext.newPage();
  await merchant.addInitScript({
    content: `localStorage.setItem('zh_consent', JSON.stringify({ granted: false, at: new Date().toISOString() }));`,
  });
  await demoLogin(merchant, 'sup@example.com');
  await merchant.goto('/workspace/merchant/stats');
  await expect(merchant.getByRole('heading', { name: '商家数据', level: 1 })).toBeVisible();
  await expect(merchant.getByTestId('merchant-alerts')).toContainText('曝光下降');
  await expect(merchant.getByTestId('merchant-alerts')).not.toContainText('投诉率超标');
  // five firms published in 浙江, two in 江苏: a merchant sees 浙江 only, and no keyword of a single firm
  await expect(merchant.getByTestId('market-regions')).toContainText('浙江省');
  await expect(merchant.getByTestId('market-regions')).not.toContainText('江苏省');
  await expect(merchant.getByTestId('market-keywords')).toContainText('螺纹钢');
  await expect(merchant.getByTestId('market-keywords')).not.toContainText('防辐射混凝土');
  await merchantContext.close();
});
