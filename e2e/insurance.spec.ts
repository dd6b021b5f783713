import { expect, type Page, type Response, test } from './journey-test';
import { activeOrgId, demoLogin, json, unusedTotp, walletFen } from './support';

/** The demo accounts' fixed authenticator secrets (README): the insurer, the buyer and the contractor. */
const FIN = { email: 'fin@example.com', secret: 'MZUW4LTMMVXGIZLSGEZDGNBVGY3TQOJQ' };
const BUYER = { email: 'tender-gc@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
const CONTRACTOR = { email: 'bidder1@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' };

/** Clicks the action and answers the step-up when asked (a session opened with 2FA counts as fresh for a while). */
async function withStepUp(page: Page, secret: string, click: () => Promise<void>, response: Promise<Response>) {
  await click();
  const asked = page.getByTestId('step-up-code');
  const first = await Promise.race([asked.waitFor().then(() => 'ask' as const), response.then(() => 'done' as const)]);
  if (first === 'ask') {
    await asked.fill(await unusedTotp(secret));
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  }
  return response;
}

/**
 * 履约保证险 end to end on the demo data: fin@ publishes a product → bidder1@ buys it with 2FA in place of the
 * ¥50,000 cash bond on tender-gc@'s subcontract → escrow's bond rule is satisfied → tender-gc@ (the beneficiary)
 * files a claim → fin@ approves with 2FA → the payout shows to the beneficiary and in its wallet.
 */
test('a contractor buys bond insurance instead of the cash bond; the beneficiary claims and the insurer pays', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const product = `筑安·履约保证险 ${String(Date.now()).slice(-6)}`;

  // 1. fin@ publishes a product
  const finPage = await (await browser.newContext()).newPage();
  await demoLogin(finPage, FIN.email, FIN.secret);
  await finPage.goto('/workspace/insurance');
  await finPage.getByRole('tab', { name: '保险产品' }).click();
  await finPage.getByRole('button', { name: '发布产品' }).click();
  const productDialog = finPage.getByRole('dialog');
  await productDialog.getByLabel('产品名称').fill(product);
  const published = finPage.waitForResponse(
    (r) => r.url().endsWith('/insurance/products') && r.request().method() === 'POST',
  );
  await productDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  expect((await published).status()).toBe(201);
  await expect(finPage.getByRole('row').filter({ hasText: product })).toContainText('在售');

  // 2. bidder1@ sees the bond it owes and the offer on the contract's money page, and buys with a step-up
  const subPage = await (await browser.newContext()).newPage();
  await demoLogin(subPage, CONTRACTOR.email, CONTRACTOR.secret);
  const subOrg = await activeOrgId(subPage);
  const contracts = await json<{ items: { id: string; title: string }[] }>(
    subPage.request.get(`/api/orgs/${subOrg}/contracts`),
  );
  const contractId = contracts.items.find((c) => c.title === '云城北一期钢结构主体安装分包')?.id as string;
  await subPage.goto(`/workspace/contracts/${contractId}/money`);
  await expect(subPage.getByTestId('money-bond')).toContainText('不能开工');
  const walletBefore = await walletFen(subPage, subOrg);
  const offer = subPage.getByTestId('insurance-offer').filter({ hasText: product });
  await expect(offer).toContainText('¥750.00');
  await offer.getByRole('button', { name: /投\s*保/ }).click();
  const buyDialog = subPage.getByRole('dialog').filter({ hasText: product });
  const bought = subPage.waitForResponse(
    (r) => r.url().endsWith('/insurance/policies') && r.request().method() === 'POST',
  );
  const policyResponse = await withStepUp(
    subPage,
    CONTRACTOR.secret,
    () => buyDialog.getByRole('button', { name: /投\s*保/ }).click(),
    bought,
  );
  expect(policyResponse.status()).toBe(201);
  const policy = (await policyResponse.json()) as { policyNo: string; pdfSha256: string };

  // 3. the bond rule is satisfied by the policy; the premium left the wallet
  await expect(subPage.getByTestId('money-bond')).toContainText('可以开工');
  await expect(subPage.getByTestId('money-bond')).toContainText('以保单替代现金保证金');
  await expect(subPage.getByTestId('money-timeline')).toContainText('以保单替代现金保证金');
  await expect(subPage.getByTestId('insurance-policy')).toContainText(policy.pdfSha256);
  expect(await walletFen(subPage, subOrg)).toBe(walletBefore - 75_000);
  // at 375 px the page stays within the screen
  await subPage.setViewportSize({ width: 375, height: 812 });
  await subPage.reload();
  await expect(subPage.getByTestId('insurance-policy')).toBeVisible();
  expect(await subPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);

  // 4. tender-gc@, the beneficiary, sees the policy and files a claim
  const gcPage = await (await browser.newContext()).newPage();
  await demoLogin(gcPage, BUYER.email, BUYER.secret);
  const gcOrg = await activeOrgId(gcPage);
  const gcWalletBefore = await walletFen(gcPage, gcOrg);
  await gcPage.goto('/workspace/insurance');
  const gcPolicy = gcPage.getByTestId('insurance-policy').filter({ hasText: policy.policyNo });
  await expect(gcPolicy).toContainText('受益人');
  await gcPolicy.getByRole('button', { name: '申请理赔' }).click();
  const claimDialog = gcPage.getByRole('dialog');
  await claimDialog
    .getByLabel('理由（违约事实）')
    .fill('乙方主体钢结构吊装逾期 30 日未进场，经书面催告仍未履约，依合同应没收履约保证金');
  await claimDialog
    .locator('input[type=file]')
    .setInputFiles(new URL('./fixtures/tender-hangzhou-steel.pdf', import.meta.url).pathname);
  const filed = gcPage.waitForResponse((r) => r.url().endsWith('/claims') && r.request().method() === 'POST');
  await claimDialog.getByRole('button', { name: '申请理赔' }).click();
  expect((await filed).status()).toBe(201);
  await expect(gcPolicy.getByTestId('insurance-claim')).toContainText('待审核');
  await expect(gcPolicy.getByTestId('insurance-claim')).toContainText('证据：tender-hangzhou-steel.pdf');

  // 5. fin@ approves the claim with a step-up: the claim is paid from its insurance account
  await finPage.reload();
  await finPage.getByRole('tab', { name: '保单与理赔' }).click();
  const finPolicy = finPage.getByTestId('insurance-policy').filter({ hasText: policy.policyNo });
  const evidence = finPolicy.getByRole('link', { name: /tender-hangzhou-steel\.pdf/ });
  expect((await finPage.request.get((await evidence.getAttribute('href')) as string)).status()).toBe(200);
  await finPolicy.getByRole('button', { name: '批准并赔付' }).click();
  const decideDialog = finPage.getByRole('dialog').filter({ hasText: policy.policyNo });
  const decided = finPage.waitForResponse((r) => r.url().includes('/decision') && r.request().method() === 'POST');
  const decision = await withStepUp(
    finPage,
    FIN.secret,
    () => decideDialog.getByRole('button', { name: '批准并赔付' }).click(),
    decided,
  );
  expect(decision.status()).toBe(200);
  await expect(finPolicy.getByTestId('insurance-claim')).toContainText('已赔付');

  // 6. the payout shows to the beneficiary and the contractor, and is in the beneficiary's wallet
  await gcPage.reload();
  await expect(gcPolicy.getByTestId('insurance-claim')).toContainText('赔付 ¥50,000.00');
  await expect.poll(() => walletFen(gcPage, gcOrg)).toBe(gcWalletBefore + 5_000_000);
  await subPage.goto('/workspace/insurance');
  await expect(subPage.getByTestId('insurance-policy').filter({ hasText: policy.policyNo })).toContainText('已赔付');
});
