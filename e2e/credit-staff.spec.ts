import { expect, test } from './journey-test';
import { unusedTotp } from './support';

/** The demo platform admin, who also holds the risk role (demo only). */
const ADMIN = { email: 'admin@example.com', password: 'Zhuhe@2026', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

test('risk staff look up a rating, request a manual review under dual control, and a policy that does not add up is refused', async ({
  page,
}) => {
  // A one-time code is accepted once: start in a fresh 30-second step, as another journey may have used this one.
  await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 250));
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(ADMIN.email);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByLabel('动态口令或恢复码').fill(await unusedTotp(ADMIN.secret));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));

  // 1. the rating of any organisation, with its five dimensions
  await page.getByRole('link', { name: '信用评级' }).click();
  await page.getByTestId('credit-staff-org').click();
  await page.keyboard.type('中原恒泰');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('credit-grade')).toBeVisible();
  await expect(page.getByTestId('credit-dimension-performance')).toBeVisible();

  // 2. a manual review waits for a second staff member
  await page.getByTestId('credit-review-grade').click();
  await page.getByTitle('AA', { exact: true }).click();
  await page.getByTestId('credit-review-reason').fill('现场核查：两处节点延误已整改完毕');
  await page.getByTestId('credit-review-until').fill('2027-06-30');
  await page.getByTestId('credit-review-submit').click();
  await expect(page.getByTestId('credit-pending')).toContainText('等待第二名员工批准');

  // 3. weights that do not add up to 100 are refused with the reason, and nothing is queued
  await page.getByRole('tab', { name: '评级政策与重算' }).click();
  await page.getByTestId('weight-performance').fill('20');
  await expect(page.getByTestId('weights-sum')).toHaveText('合计 90%');
  await page.getByTestId('credit-policy-submit').click();
  await expect(page.getByText('五个维度的权重之和须为 100（当前为 90）')).toBeVisible();
  await expect(page.getByTestId('credit-pending').filter({ visible: true })).toHaveCount(0);
});
