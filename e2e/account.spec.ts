import { expect, test } from './journey-test';

// The mailed links' pages. Reading the mail itself (token → new password → sign-in) is covered on the server by
// the identity tests; here the pages are wired to those routes and answer in the user's language.
test('忘记密码: the login page leads to the reset request, which answers the same for any account', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByTestId('forgot-password').click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  // the URL changes at once, while the sign-in form (with a field of the same name) stays until the page's chunk
  // has loaded: wait for the reset form itself
  await expect(page.getByRole('heading', { name: '找回密码' })).toBeVisible();
  await page.getByLabel('邮箱或手机号').fill(`nobody-${Date.now()}@example.com`);
  await page.getByTestId('reset-request').click();
  await expect(page.getByText('如果该账号存在，重置链接已发出')).toBeVisible();
});

test('the reset and verification links refuse an incomplete or unknown token with a clear message', async ({
  page,
}) => {
  await page.goto('/reset-password');
  await expect(page.getByText('链接不完整')).toBeVisible();
  await page.goto(`/reset-password?token=${'x'.repeat(40)}`);
  await page.getByLabel('新密码', { exact: true }).fill('Zhuhe-reset-2026!');
  await page.getByLabel('再次输入新密码').fill('Zhuhe-reset-2026!');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/password-reset/confirm'));
  await page.getByTestId('reset-confirm').click();
  expect((await answer).status()).toBeGreaterThanOrEqual(400);
  await expect(page.locator('.ant-alert-error')).toBeVisible();
  await page.goto(`/verify-email?token=${'y'.repeat(40)}`);
  await expect(page.locator('.ant-result-error')).toBeVisible();
});
