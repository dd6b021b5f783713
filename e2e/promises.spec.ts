import { expect, test } from './journey-test';
import { demoLogin, unusedTotp } from './support';

/** Demo log-ins: the admin (fixed authenticator secret) and 钱塘建工's owner gc3@, who signs with an authenticator. */
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
const GC = { email: 'gc3@example.com', secret: 'ONSWG4TFOQQHA4TPNVUXGZLTONSWG4TF' };
/** From the promises demo: a review decided two working days late, and a contract past its signing deadline. */
const LATE_REVIEW = '钱塘新区 C3 地块商业综合体 幕墙分包';
const LATE_CONTRACT = '钱塘新区 C3 地块幕墙龙骨钢材采购';

test('staff follow a late demand review from the promises board to the case; a GC signs late and the signing row shows it', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const staff = await browser.newPage();
  await demoLogin(staff, ADMIN.email, ADMIN.secret);
  await staff.goto('/staff');
  await staff.getByRole('link', { name: '承诺看板' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: '承诺看板' })).toBeVisible();
  await expect(staff).toHaveTitle('承诺看板 · 筑合');
  const reviewRow = staff.locator('[data-testid=promise-row][data-key=demand_review]');
  await expect(reviewRow.getByTestId('promise-status')).toHaveText('未达成');
  // a promise whose data the platform does not keep says so instead of a number
  await expect(staff.locator('[data-testid=promise-row][data-key=availability]')).toContainText('无数据');

  // 1. The breached demand review is listed; staff follow it to the case.
  await staff.getByLabel('按承诺筛选').click();
  await staff.getByTitle(/^需求审核 ≤ 2 个工作日（\d+）$/).click();
  const review = staff.getByTestId('promise-breach').filter({ hasText: LATE_REVIEW });
  await expect(review).toHaveCount(1);
  await review.getByRole('link', { name: LATE_REVIEW }).click();
  await expect(staff).toHaveURL(/\/staff\/demand-reviews\/[0-9a-f-]{36}$/);
  await expect(staff.getByRole('heading', { level: 1, name: LATE_REVIEW })).toBeVisible();
  await expect(staff.getByTestId('review-late')).toHaveText('超时 2 个工作日审结');

  // 2. Before the GC signs: the contract is on the board as past its deadline and not signed yet.
  await staff.goto('/staff/promises');
  const signingRow = staff.locator('[data-testid=promise-row][data-key=signing]');
  await expect(signingRow.getByTestId('promise-status')).toHaveText('未达成');
  const lateBefore = Number(await signingRow.getByTestId('promise-breaches').textContent());
  await staff.getByLabel('按承诺筛选').click();
  await staff.getByTitle(/^合同定稿后 1 个工作日内签署完毕（\d+）$/).click();
  const contract = staff.getByTestId('promise-breach').filter({ hasText: LATE_CONTRACT });
  await expect(contract).toContainText('尚未完成');

  // 3. The GC sees the deadline passed on the contract page and signs (step-up with its authenticator).
  const gc = await browser.newPage();
  await demoLogin(gc, GC.email, GC.secret);
  await gc.goto('/workspace/contracts');
  await gc.getByRole('link', { name: LATE_CONTRACT }).click();
  await expect(gc.getByTestId('signing-due')).toContainText('已超过签署时限');
  const signed = gc.waitForResponse((r) => r.url().includes('/sign') && r.request().method() === 'POST');
  await gc.getByTestId('sign-contract').click();
  // the session opened with 2FA counts as a fresh step-up for a while; otherwise the code is asked for
  const asked = gc.getByTestId('step-up-code');
  const first = await Promise.race([asked.waitFor().then(() => 'ask' as const), signed.then(() => 'done' as const)]);
  if (first === 'ask') {
    await asked.fill(await unusedTotp(GC.secret));
    await gc.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  }
  expect((await signed).status()).toBe(200);
  await expect(gc.getByTestId('signed-pdf')).toBeVisible();
  await expect(gc.getByTestId('signing-due')).toHaveCount(0);

  // 4. The signing row counts it as late, now with its signing time.
  await staff.reload();
  await expect(signingRow.getByTestId('promise-status')).toHaveText('未达成');
  await expect(signingRow.getByTestId('promise-breaches')).toHaveText(String(lateBefore));
  await staff.getByLabel('按承诺筛选').click();
  await staff.getByTitle(/^合同定稿后 1 个工作日内签署完毕（\d+）$/).click();
  await expect(contract).toHaveCount(1);
  await expect(contract).not.toContainText('尚未完成');

  // 5. Anyone sees the figures without signing in — but no case and no company name.
  const anyone = await (await browser.newContext()).newPage();
  await anyone.goto('/promises');
  await expect(anyone.getByRole('heading', { level: 1, name: '平台承诺' })).toBeVisible();
  await expect(anyone.locator('[data-testid=promise-row][data-key=signing]').getByTestId('promise-status')).toHaveText(
    '未达成',
  );
  await expect(anyone.locator('body')).not.toContainText(LATE_CONTRACT);
  await expect(anyone.locator('body')).not.toContainText('钱塘建工');
});
