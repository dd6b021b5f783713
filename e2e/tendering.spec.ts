import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from './journey-test';
import { unusedTotp } from './support';

/**
 * The tendering journey on its own demo accounts (seeded by demo/tendering.demo.ts, used by no other journey).
 * The deadline is real: the server runs with a 20-second minimum bidding window (playwright.config.ts), the GC
 * keeps the earliest deadline the form offers, and the journey waits for it to pass.
 */
const PASSWORD = 'Zhuhe@2026';
const GC = { email: 'tender-gc@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
const SUP1 = {
  email: 'bidder1@example.com',
  secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  name: '浙江恒筑钢结构工程有限公司',
};
const SUP2 = { email: 'bidder2@example.com', secret: 'ONUW4ZLUMVZXI3TBOJSWY2LFONSXG4TF', name: '江苏华晟钢构有限公司' };

async function login(page: Page, who: { email: string; secret: string }) {
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(who.email);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByLabel('动态口令或恢复码').fill(await unusedTotp(who.secret));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await page.waitForURL(/\/workspace/);
}

async function stepUp(page: Page, who: { secret: string }) {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('二次验证', { exact: true })).toBeVisible();
  await page.getByTestId('step-up-code').fill(await unusedTotp(who.secret));
  await dialog.getByRole('button', { name: '确认' }).click();
}

async function bid(page: Page, url: string, plan: string, prices: [string, string]) {
  await page.goto(url);
  await expect(page.getByTestId('tender-status')).toHaveText('投标中');
  await page.getByTestId('bid-plan').fill(plan);
  await page.getByTestId('bid-price-0').fill(prices[0]);
  await page.getByTestId('bid-price-1').fill(prices[1]);
  await page.getByTestId('bid-submit').click();
  await expect(page.getByTestId('bid-receipt')).toContainText(/SHA-256 [0-9a-f]{64}/);
}

test('GC tenders, two suppliers bid sealed, bids open at the deadline, scored, awarded, contracted, signed and verified', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const gc = await (await browser.newContext()).newPage();
  await login(gc, GC);
  await gc.getByRole('link', { name: '招标投标' }).click();
  await gc.getByTestId('tender-create').click();
  await gc.getByTestId('tender-demand').click();
  await gc.getByTitle(/绍兴滨海仓储中心钢结构分包/).click();
  await expect(gc.getByTestId('tender-title')).toHaveValue('绍兴滨海仓储中心钢结构分包招标');
  // The buyer opens the bids in person (开标), rather than the deadline job.
  await gc.getByText('截止时自动开标').click();
  await gc.getByTestId('tender-save').click();
  await expect(gc).toHaveURL(/\/workspace\/tenders\/[0-9a-f-]{36}$/);
  await gc.getByTestId('tender-publish').click();
  await expect(gc.getByTestId('tender-status')).toHaveText('投标中');
  const deadline = (await gc.getByTestId('tender-deadline').getAttribute('data-deadline')) ?? '';
  const url = new URL(gc.url()).pathname;

  const sup1 = await (await browser.newContext()).newPage();
  await login(sup1, SUP1);
  await bid(sup1, url, '钢构件工厂化加工，现场 50t 汽车吊分区吊装，工期 90 日历天。', ['6800', '92']);
  const sup2 = await (await browser.newContext()).newPage();
  await login(sup2, SUP2);
  await bid(sup2, url, '钢构件外协加工，现场 25t 汽车吊吊装，工期 110 日历天。', ['7100', '95']);

  // Before the deadline the buyer sees no bid at all.
  await gc.reload();
  await expect(gc.getByTestId('opening-table')).toHaveCount(0);

  // Wait for the real deadline, then open.
  const wait = new Date(deadline).getTime() - Date.now() + 1_500;
  if (wait > 0) await gc.waitForTimeout(wait);
  await gc.reload();
  await expect(gc.getByTestId('tender-status')).toHaveText('已截标，待开标');
  await gc.getByTestId('tender-open').click();
  const opening = gc.getByTestId('opening-table');
  await expect(opening.getByText(SUP1.name)).toBeVisible();
  await expect(opening.getByText(SUP2.name)).toBeVisible();
  await expect(opening.getByText('有效', { exact: true })).toHaveCount(2);
  await expect(gc.getByTestId('opening-pdf')).toBeVisible();

  // The GC's owner names themself evaluator and scores both bids; the table ranks them.
  await gc.getByTestId('evaluator-select').click();
  await gc.getByTitle('郑国栋').click();
  await gc.getByTestId('evaluator-add').click();
  for (const [name, score] of [
    [SUP1.name, '90'],
    [SUP2.name, '75'],
  ] as const) {
    await gc.getByTestId('score-bid').click();
    await gc.getByTitle(name).click();
    await gc.getByTestId('score-value').fill(score);
    await gc.getByTestId('score-save').click();
    await expect(gc.getByText(new RegExp(`对 ${name} 评 ${score} 分`))).toBeVisible();
  }
  await gc.getByTestId('evaluation-finalise').click();
  await expect(gc.getByTestId('evaluation-pdf')).toBeVisible();
  const table = gc.getByTestId('evaluation-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText(SUP1.name);
  await expect(gc.getByTestId('awards')).toContainText('待答复');

  // The winner accepts the award.
  await sup1.reload();
  await sup1.getByTestId('award-accept').click();
  await expect(sup1.getByTestId('awards')).toContainText('已接受');

  // The contract comes from the award: amount, bill of quantities and parties filled in.
  await gc.reload();
  await gc.getByTestId('contract-projectLocation').fill('绍兴市越城区');
  await gc.getByLabel('计划开工日期').fill('2027-03-01');
  await gc.getByLabel('计划开工日期').press('Enter');
  await gc.getByLabel('计划竣工日期').fill('2027-06-30');
  await gc.getByLabel('计划竣工日期').press('Enter');
  await gc.getByTestId('contract-advanceBp').fill('10');
  await gc.getByTestId('contract-retentionBp').fill('3');
  await gc.getByTestId('contract-paymentTerms').fill('按月计量，支付当月完成量的 80%');
  await gc.getByTestId('contract-qualityStandard').fill('合格（GB 50205-2020）');
  await gc.getByTestId('contract-disputeVenue').fill('绍兴仲裁委员会');
  await gc.getByTestId('contract-generate').click();
  await expect(gc).toHaveURL(/\/workspace\/contracts\/[0-9a-f-]{36}$/);
  const contractId = new URL(gc.url()).pathname.split('/').pop();
  const me = await (await gc.request.get('/api/auth/me')).json();
  const orgId = (me.me ?? me).activeOrgId as string;
  const contract = await (await gc.request.get(`/api/orgs/${orgId}/contracts/${contractId}`)).json();
  // 420 t × ¥6,800 + 6,800 m² × ¥92, as bid.
  expect(contract.versions[0].variables.amountFen).toBe(420 * 680_000 + 6_800 * 9_200);
  expect(contract.versions[0].variables.billOfQuantities).toContain('钢结构制作安装');
  await gc.getByTestId('sign-contract').click();
  await stepUp(gc, GC);
  await expect(gc.getByText('已签署').first()).toBeVisible();

  await sup1.reload();
  await sup1.getByTestId('tender-contract-link').click();
  await sup1.getByTestId('sign-contract').click();
  await stepUp(sup1, SUP1);
  await expect(sup1.getByTestId('signed-pdf')).toBeVisible();

  const href = (await sup1.getByTestId('signed-pdf').getAttribute('href')) ?? '';
  const pdf = await sup1.request.get(href);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'zh-e2e-')), 'tender-contract.pdf');
  writeFileSync(file, await pdf.body());

  const anyone = await (await browser.newContext()).newPage();
  await anyone.goto('/verify');
  await anyone.locator('input[type=file]').setInputFiles(file);
  const result = anyone.getByTestId('verify-result');
  await expect(result.getByText('已存证')).toBeVisible();
  await expect(result.getByText('contract.signed')).toBeVisible();
});
