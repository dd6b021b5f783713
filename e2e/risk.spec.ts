import { expect, test } from '@playwright/test';
import { demoLogin } from './support';

/** Demo log-ins (fixed authenticator secret of the demo admin, who is also the demo's risk specialist). */
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

/**
 * The demo's 2# 楼幕墙 subcontract (gc@ ↔ sub2@) is slipping: its first milestone is due in 4 days and progress
 * stalled two weeks ago. Risk staff run the scan → the early warning is on the board and on the contract page,
 * 4 days ahead → the subcontractor acknowledges it → the buyer and the board see it acknowledged.
 */
test('a contract slips → an early warning appears 4 days ahead → the party acknowledges it', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await browser.newPage();
  await demoLogin(staff, ADMIN.email, ADMIN.secret);
  await staff.goto('/staff/risk');
  await staff.getByRole('button', { name: '立即扫描' }).click();
  await expect(staff.getByText(/扫描完成/)).toBeVisible();
  const onBoard = staff.locator('[data-testid=risk-warning][data-type=early_delay]');
  await expect(onBoard).toHaveCount(1);
  await expect(onBoard).toContainText('埋件及龙骨安装完成');
  await expect(onBoard).toContainText('还有 4 天');
  await expect(staff.getByTestId('flagged-tender').first()).toBeVisible();

  const sub = await browser.newPage();
  await demoLogin(sub, 'sub2@example.com');
  await sub.goto('/workspace/risk');
  const warning = sub.locator('[data-testid=risk-warning][data-type=early_delay]');
  await expect(warning).toContainText('节点可能延误超过 7 天');
  await expect(warning.getByTestId('risk-state')).toHaveText('待处理');
  await warning.getByText('依据').click();
  await expect(warning).toContainText('距到期（天）: 4');
  await warning.getByRole('link', { name: '合同' }).click();
  await expect(sub.getByTestId('contract-risk-warnings')).toContainText('埋件及龙骨安装完成');
  await sub.goto('/workspace/risk');
  await sub
    .locator('[data-testid=risk-warning][data-type=early_delay]')
    .getByRole('button', { name: '确认知悉' })
    .click();
  await expect(sub.locator('[data-testid=risk-warning][data-type=early_delay]').getByTestId('risk-state')).toHaveText(
    '已确认',
  );

  const gc = await browser.newPage();
  await demoLogin(gc, 'gc@example.com');
  await gc.goto('/workspace/risk');
  await expect(gc.locator('[data-testid=risk-warning][data-type=early_delay]').getByTestId('risk-state')).toHaveText(
    '已确认',
  );
});
