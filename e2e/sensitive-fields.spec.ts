import { expect, test } from './journey-test';
import { E2E_PASSWORD as PASSWORD } from './support';

test('a user registered by mobile number sees it masked and shows it in full with 显示', async ({ page }) => {
  const phone = `136${String(Date.now()).slice(-8)}`;
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  await page.goto('/register');
  await page.getByLabel('邮箱或手机号').fill(phone);
  await page.getByLabel('姓名').fill('赵工');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);

  await page.goto('/account/security');
  await expect(page.getByText('联系方式', { exact: true })).toBeVisible();
  await expect(page.getByTestId('my-phone')).toHaveText(masked);
  await page.getByRole('button', { name: '显示' }).click();
  await expect(page.getByTestId('my-phone')).toHaveText(phone);
});
