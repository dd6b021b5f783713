import { expect, test } from './journey-test';
import { activeOrgId, demoLogin, json, unusedTotp, walletFen } from './support';

/** fin@example.com's fixed demo TOTP secret (README). */
const FIN_TOTP = 'MZUW4LTMMVXGIZLSGEZDGNBVGY3TQOJQ';

/**
 * 工程e贷 end to end on the demo data: sub@ applies against its sealed, unpaid statement → fin@ approves with 2FA on
 * the working-day timer → the money is in sub@'s wallet → gc@ retries the escrow release, which repays fin@ first →
 * fin@'s money flow shows the loan closed.
 */
test('a SUB finances a settled statement, the FIN approves with 2FA, the GC release repays the lender first', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // 1. sub@ applies on the 已结算未付 receivable, consenting to show the evidence
  const subPage = await (await browser.newContext()).newPage();
  await demoLogin(subPage, 'sub@example.com');
  const subOrg = await activeOrgId(subPage);
  await subPage.goto('/workspace/finance');
  const asset = subPage.getByTestId('finance-asset').filter({ hasText: '已结算未付' });
  await expect(asset).toBeVisible();
  await expect(asset).toContainText('¥400,000.00');
  const borrower = await json<{ assets: { kind: string; settled: boolean; contractId: string }[] }>(
    subPage.request.get(`/api/orgs/${subOrg}/finance/borrower`),
  );
  const contractId = borrower.assets.find((a) => a.settled)?.contractId as string;
  await asset.getByRole('button', { name: '申请' }).first().click();
  const applyDialog = subPage.getByRole('dialog');
  await expect(applyDialog.getByText('申请融资')).toBeVisible();
  await applyDialog.getByRole('checkbox').check();
  const applied = subPage.waitForResponse(
    (r) => r.url().endsWith('/finance/applications') && r.request().method() === 'POST',
  );
  await applyDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  expect((await applied).status()).toBe(201);
  await subPage.getByRole('tab', { name: '我的申请' }).click();
  await expect(subPage.getByTestId('finance-application').first()).toContainText('待审批');
  const walletBefore = await walletFen(subPage, subOrg);

  // 2. fin@ (2FA) sees the application with its timer and the consented evidence, approves with a step-up
  const finPage = await (await browser.newContext()).newPage();
  await demoLogin(finPage, 'fin@example.com', FIN_TOTP);
  await finPage.goto('/workspace/finance');
  const item = finPage.getByTestId('finance-queue-item').filter({ hasText: '江苏匠心劳务分包有限公司' });
  await expect(item).toContainText('待审批');
  await expect(item).toContainText(/剩余 [\d.]+ 个工作日/);
  await expect(item).toContainText('结算单哈希');
  await item.getByRole('button', { name: '批准并放款' }).click();
  const decideDialog = finPage.getByRole('dialog').filter({ hasText: '江苏匠心劳务分包有限公司' });
  const decided = finPage.waitForResponse((r) => r.url().includes('/decision') && r.request().method() === 'POST');
  await decideDialog.getByRole('button', { name: '批准并放款' }).click();
  // the session opened with 2FA counts as a fresh step-up for a while; otherwise the code is asked for
  const asked = finPage.getByTestId('step-up-code');
  const first = await Promise.race([asked.waitFor().then(() => 'ask' as const), decided.then(() => 'done' as const)]);
  if (first === 'ask') {
    await asked.fill(await unusedTotp(FIN_TOTP));
    await finPage.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  }
  expect((await decided).status()).toBe(200);
  await expect(item).toContainText('已放款');

  // 3. the money is in sub@'s wallet
  await expect.poll(() => walletFen(subPage, subOrg)).toBe(walletBefore + 32_000_000);

  // 4. gc@ releases the milestone from escrow (重试放款): the lender is repaid first
  const gcPage = await (await browser.newContext()).newPage();
  await demoLogin(gcPage, 'gc@example.com');
  await gcPage.goto(`/workspace/settlement/${contractId}`);
  const released = gcPage.waitForResponse((r) => r.url().endsWith('/release') && r.request().method() === 'POST');
  await gcPage.getByRole('button', { name: '重试放款' }).click();
  expect((await released).status()).toBe(200);

  // 5. fin@'s money flow shows the loan closed; sub@ kept the rest of the release
  await finPage.getByRole('tab', { name: '资金流向' }).click();
  await finPage.reload();
  await finPage.getByRole('tab', { name: '资金流向' }).click();
  const row = finPage.getByRole('row').filter({ hasText: '江苏匠心劳务分包有限公司' });
  await expect(row).toContainText('已结清');
  await expect(row).toContainText('¥320,000.00');
  const subApps = await json<{ applications: { status: string; repaidFen: number; approvedFen: number }[] }>(
    subPage.request.get(`/api/orgs/${subOrg}/finance/borrower`),
  );
  const loan = subApps.applications.find((a) => a.approvedFen === 32_000_000);
  expect(loan?.status).toBe('repaid');
  // net of the release (¥400,000 − 3% retention − 0.2% fee = ¥387,200) minus what the lender took
  expect(await walletFen(subPage, subOrg)).toBe(walletBefore + 32_000_000 + 38_720_000 - (loan?.repaidFen ?? 0));
});
