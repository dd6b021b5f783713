import { readFileSync } from 'node:fs';
import { expect, test } from './journey-test';

const DEMO_PASSWORD = 'Zhuhe@2026';

/**
 * The payee's money pages on a phone (375 px): the wallet with the demo subcontract's release, its CSV statement,
 * and the contract's escrow view (released, retained, the frozen second milestone, the timeline). Read-only, so
 * it does not depend on or change what other journeys do.
 */
test.use({ viewport: { width: 375, height: 812 } });

test('wallet and statement export, then the contract money view, at 375 px', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill('sub@example.com');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(/\/workspace/);

  await page.goto('/workspace/wallet');
  const wallet = page.getByTestId('wallet-view');
  await expect(wallet).toBeVisible();
  await expect(wallet.getByText('节点放款').first()).toBeVisible();
  await expect(wallet.getByText('农民工工资专户').first()).toBeVisible();
  // nothing wider than the screen
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);

  const download = page.waitForEvent('download');
  await page.getByTestId('wallet-export').click();
  const csv = readFileSync((await (await download).path()) as string, 'utf8');
  expect(csv).toContain('时间 (Asia/Shanghai)');
  expect(csv).toContain('escrow.release.net');

  await wallet.getByTestId('wallet-contract-link').first().click();
  const money = page.getByTestId('money-view');
  await expect(money).toBeVisible();
  await expect(page.getByTestId('money-released')).not.toContainText('¥0.00');
  await expect(page.getByTestId('money-frozen')).toBeVisible();
  await expect(page.getByTestId('money-timeline')).toContainText('监管资金冻结');
  await expect(page.getByTestId('money-reference')).toHaveText(/^ZH[A-Z0-9]{8}$/);

  // English second
  await page.evaluate("localStorage.setItem('zhuhe.language', 'en')");
  await page.reload();
  await expect(page.getByText('Money timeline')).toBeVisible();
});
