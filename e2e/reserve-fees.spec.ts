import { readFileSync } from 'node:fs';
import { expect, test } from './journey-test';
import { demoLogin } from './support';

/** Demo finance staff (fixed authenticator secrets of the escrow seeder, demo only). */
const FINANCE = { email: 'finance@example.com', secret: 'MZUW4YLOMNSSAMJTGE2TQOJQGEZDGNBV' };
const FINANCE2 = { email: 'finance2@example.com', secret: 'MZUW4YLOMNSTEMJTGE2TQOJQGEZDGNBW' };

test('finance staff A opens a reserve claim → staff B approves → the payout shows; an organisation downloads its receipt PDF', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const cause = `对账接口故障致到账延迟（验收 ${Date.now()}）`;

  // 1. staff A opens the claim; nothing is paid yet
  const a = await browser.newPage();
  await demoLogin(a, FINANCE.email, FINANCE.secret);
  await a.goto('/staff/reserve');
  await a.getByTestId('reserve-open').click();
  await a.getByTestId('reserve-claim-org').click();
  await a.keyboard.type('江苏匠心');
  // the one matching option is the active one: Enter picks it (a click could land while the list re-renders)
  await expect(a.locator('.ant-select-item-option').filter({ hasText: '江苏匠心劳务分包有限公司' })).toBeVisible();
  await a.keyboard.press('Enter');
  await expect(a.getByTestId('reserve-claim-org')).toContainText('江苏匠心劳务分包有限公司');
  await a.getByTestId('reserve-claim-cause').fill(cause);
  await a.getByTestId('reserve-claim-loss').fill('1500');
  await a.getByTestId('reserve-claim-amount').fill('1200');
  await expect(a.getByTestId('reserve-claim-amount')).toHaveValue(/^1,?200(\.00)?$/);
  // the form is complete: submitting it must reach the server (a validation error would show and send nothing)
  const opened = a.waitForResponse(
    (r) => r.url().endsWith('/api/staff/reserve/claims') && r.request().method() === 'POST',
    { timeout: 60_000 },
  );
  await a.getByRole('button', { name: '提交复核' }).click();
  await expect(a.locator('.ant-form-item-explain-error')).toHaveCount(0);
  expect((await opened).status()).toBe(201);
  const rowA = a.getByRole('row').filter({ hasText: cause });
  await expect(rowA.getByTestId('claim-status')).toHaveText('待复核');
  // the maker cannot approve their own claim
  const self = a.waitForResponse((r) => r.url().includes('/approve'));
  await rowA.getByTestId('claim-approve').click();
  expect((await self).status()).toBe(403);
  await expect(rowA.getByTestId('claim-status')).toHaveText('待复核');

  // 2. staff B approves: the reserve pays
  const b = await browser.newPage();
  await demoLogin(b, FINANCE2.email, FINANCE2.secret);
  await b.goto('/staff/reserve');
  const rowB = b.getByRole('row').filter({ hasText: cause });
  const approved = b.waitForResponse((r) => r.url().includes('/approve'));
  await rowB.getByTestId('claim-approve').click();
  expect((await approved).status()).toBe(200);
  await expect(rowB.getByTestId('claim-status')).toHaveText('已赔付');
  await expect(rowB).toContainText('¥1,200.00');
  await a.reload();
  await expect(a.getByRole('row').filter({ hasText: cause }).getByTestId('claim-status')).toHaveText('已赔付');

  // 3. the organisation downloads last month's receipt
  const sub = await browser.newPage();
  await demoLogin(sub, 'sub@example.com');
  await sub.goto('/workspace/fees');
  await expect(sub.getByTestId('seed-user-status')).toContainText('种子用户');
  const download = sub.waitForEvent('download');
  await sub.getByTestId('receipt-download').first().click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
});
