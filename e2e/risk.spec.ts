import { expect, test } from './journey-test';
import { demoLogin } from './support';

/** Demo log-ins (fixed authenticator secret of the demo admin, who is also the demo's risk specialist). */
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

/**
 * The demo's 2# 楼幕墙 subcontract (gc@ ↔ sub2@) is slipping: its first milestone is due in 4 days and progress
 * stalled two weeks ago. Risk staff run the scan → the early warning is on the board and on the contract page,
 * 4 days ahead → the subcontractor acknowledges it → the buyer sees it acknowledged → 13 days pass on the
 * business clock (the journeys' server runs with CLOCK_ADJUSTABLE) and the milestone is 9 days late → the scan
 * opens the delay warning → the month's rating lowers the subcontractor's on-time indicator, explained on its
 * credit page.
 */
test('a contract slips → an early warning 4 days ahead → acknowledged → the delay happens → the rating lowers on-time', async ({
  browser,
}) => {
  test.setTimeout(180_000);
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

  // Before the delay: the subcontractor's on-time indicator as this month's rating shows it.
  await sub.goto('/workspace/credit');
  const onTime = sub.getByTestId('credit-indicator-on_time');
  const before = Number(await onTime.getAttribute('data-score'));
  expect(before).toBeGreaterThan(0);

  // 13 days pass: the milestone due in 4 days is now 9 days late and still not settled.
  const me = (await (await staff.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const moved = await staff.request.post('/api/staff/clock', {
    data: { days: 13 },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(moved.status()).toBe(200);
  const month = ((await moved.json()) as { now: string }).now.slice(0, 7);

  await staff.goto('/staff/risk');
  await staff.getByRole('button', { name: '立即扫描' }).click();
  await expect(staff.getByText(/扫描完成/)).toBeVisible();
  const delay = staff
    .locator('[data-testid=risk-warning][data-type=milestone_delay]')
    .filter({ hasText: '埋件及龙骨安装完成' });
  await expect(delay).toHaveCount(1);
  // 9 days late when the demo was seeded on the journey's day (Shanghai); one more when the run crossed midnight
  // there between seeding and this step: the days late are counted from the due date the warning states
  const due = /计划完成日: (\d{4}-\d{2}-\d{2})/.exec((await delay.textContent()) ?? '')?.[1];
  expect(due).toBeTruthy();
  const today = new Date(Date.parse(((await moved.json()) as { now: string }).now) + 8 * 3_600_000)
    .toISOString()
    .slice(0, 10);
  const late = (Date.parse(today) - Date.parse(due ?? '')) / 86_400_000;
  expect(late).toBeGreaterThanOrEqual(9);
  await expect(delay).toContainText(`已延误（天）: ${late}`);

  // The month is rated again (the monthly job does the same on the 1st); the subcontractor sees why it moved.
  await staff.goto('/staff/credit');
  await staff.getByRole('tab', { name: '评级政策与重算' }).click();
  await staff.locator('input[type=month]').fill(month);
  await staff.getByTestId('credit-recalculate').click();
  await expect(staff.getByText(new RegExp(`已重算.*${month}|${month}.*已重算`))).toBeVisible();

  await sub.goto('/workspace/credit');
  const after = Number(await onTime.getAttribute('data-score'));
  expect(after).toBeLessThan(before);
  const explained = sub.getByTestId('credit-explanation').filter({ hasText: '按期完成率' });
  await expect(explained).toBeVisible();
  await expect(explained.locator('.ant-tag')).toHaveText(/^-/);
});
