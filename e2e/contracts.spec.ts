import { randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from './journey-test';
import { createParty, loginWithTotp, type Party, unusedTotp } from './support';

async function stepUp(page: Page, party: Party) {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('二次验证', { exact: true })).toBeVisible();
  await page.getByTestId('step-up-code').fill(await unusedTotp(party.secret));
  await dialog.getByRole('button', { name: '确认' }).click();
}

test('a GC drafts a purchase contract, both parties sign with 2FA, anyone verifies the signed PDF', async ({
  browser,
  request,
}) => {
  const suffix = randomInt(100_000);
  const gc = await createParty(request, `宏筑合同测试建设有限公司${suffix}`, ['GC']);
  const sup = await createParty(request, `冀钢合同测试物资有限公司${suffix}`, ['SUP']);

  const gcPage = await (await browser.newContext()).newPage();
  await loginWithTotp(gcPage, gc);
  await gcPage.getByRole('link', { name: '合同签署' }).click();
  await gcPage.getByRole('link', { name: '起草合同' }).click();
  await gcPage.getByTestId('contract-kind').click();
  await gcPage.getByTitle('建筑材料采购合同').click();
  await gcPage.getByLabel('相对方统一社会信用代码').fill(sup.creditCode);
  await gcPage.getByRole('button', { name: '查找' }).click();
  await expect(gcPage.getByText(`相对方：${sup.orgName}`)).toBeVisible();
  await gcPage.getByLabel('合同名称').fill('A3 地块钢筋采购');
  await gcPage.getByLabel('使用工程').fill('杭州未来科技城 A3 地块住宅项目');
  await gcPage.getByLabel('货物名称、规格及数量').fill('HRB400E 螺纹钢 Φ16–Φ25，共 120 吨');
  await gcPage.getByLabel('合同总价（元）').fill('494400');
  await gcPage.getByLabel('交货地点').fill('杭州市余杭区文一西路项目现场');
  await gcPage.getByLabel('交货日期').fill('2026-12-20');
  await gcPage.getByLabel('交货日期').press('Enter');
  await gcPage.getByLabel('质量标准').fill('GB/T 1499.2-2024');
  await gcPage.getByLabel('付款方式').fill('到货验收合格后 30 日内支付 95%');
  await gcPage.getByLabel('争议解决机构').fill('杭州仲裁委员会');
  await gcPage.getByRole('button', { name: '生成第 1 版' }).click();
  await expect(gcPage).toHaveURL(/\/workspace\/contracts\/[0-9a-f-]{36}$/);

  await gcPage.getByTestId('sign-contract').click();
  await stepUp(gcPage, gc);
  await expect(gcPage.getByText('已签署').first()).toBeVisible();

  const supPage = await (await browser.newContext()).newPage();
  await loginWithTotp(supPage, sup);
  await supPage.getByRole('link', { name: '合同签署' }).click();
  await supPage.getByRole('link', { name: 'A3 地块钢筋采购' }).click();
  await supPage.getByTestId('sign-contract').click();
  await stepUp(supPage, sup);
  await expect(supPage.getByTestId('signed-pdf')).toBeVisible();

  // The signed PDF, as a party downloads it.
  const href = (await supPage.getByTestId('signed-pdf').getAttribute('href')) ?? '';
  const pdf = await supPage.request.get(href);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'zh-e2e-')), 'signed-contract.pdf');
  writeFileSync(file, await pdf.body());

  // Anyone, without an account, checks it on the public page.
  const anyone = await (await browser.newContext()).newPage();
  await anyone.goto('/verify');
  await anyone.locator('input[type=file]').setInputFiles(file);
  const result = anyone.getByTestId('verify-result');
  await expect(result.getByText('已存证')).toBeVisible();
  await expect(result.getByText('contract.signed')).toBeVisible();
  await expect(result.getByText(/已在本机验证|下一个检查点/)).toBeVisible();
});
