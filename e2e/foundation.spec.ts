import { randomInt } from 'node:crypto';
import { VALIDATION_MESSAGES } from '../packages/contracts/src/messages.ts';
import { expect, type Page, test } from './journey-test';
import { awaitFreshStep, E2E_PASSWORD, generateCreditCode, totp, uniqueEmail } from './support';

const PASSWORD = E2E_PASSWORD;
/** Check character of 91440300708461136 is T, so this code is invalid. */
const INVALID_CREDIT_CODE = '91440300708461136X';

/** A code for the current step that stays valid for a few seconds more. */
async function freshTotp(secret: string): Promise<string> {
  await awaitFreshStep();
  return totp(secret);
}

async function register(page: Page, email: string, displayName: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('邮箱或手机号').fill(email);
  await page.getByLabel('姓名').fill(displayName);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册' }).click();
}

test('a new user registers, turns on 2FA, creates an organisation and switches role', async ({ page }) => {
  await register(page, uniqueEmail(), '王工');
  // No organisation yet: the user is asked to create one.
  await expect(page).toHaveURL(/\/orgs\/new$/);

  await page.goto('/account/security');
  await page.getByRole('button', { name: '开始设置' }).click();
  const secretText = page.getByTestId('totp-secret');
  await expect(secretText).toHaveText(/^[A-Z2-7]{16,}=*$/);
  const secret = (await secretText.textContent())?.trim() ?? '';
  await page.getByTestId('totp-code').fill(await freshTotp(secret));
  await page.getByRole('button', { name: '验证并开启' }).click();
  const recoveryCodes = page.getByTestId('recovery-codes');
  await expect(recoveryCodes).toBeVisible();
  await expect(recoveryCodes.locator('code').first()).toHaveText(/\S{6,}/);
  await page.getByRole('button', { name: '我已妥善保存' }).click();
  await expect(page.getByText('双因素认证已开启')).toBeVisible();

  await page.goto('/orgs/new');
  await page.getByLabel('组织名称').fill(`筑合测试建设有限公司${randomInt(100_000)}`);
  const creditCode = page.getByLabel('统一社会信用代码');
  await creditCode.fill(INVALID_CREDIT_CODE);
  await page.getByRole('checkbox', { name: /施工企业/ }).check();
  await page.getByRole('checkbox', { name: /材料供应商/ }).check();
  await page.getByRole('button', { name: '创建组织' }).click();
  await expect(page.getByText(VALIDATION_MESSAGES.ORG_CREDIT_CODE_INVALID['zh-CN'])).toBeVisible();
  await expect(page).toHaveURL(/\/orgs\/new$/);

  await creditCode.fill(generateCreditCode());
  await page.getByRole('button', { name: '创建组织' }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByTestId('workspace-title')).toHaveText('施工企业工作台');
  // the home is the real 工作台: no note that features are still being built
  await expect(page.getByTestId('workspace-title')).toBeVisible();
  await expect(page.getByText('正在建设中')).toHaveCount(0);

  // The header re-renders while its queries (notifications, memberships) settle after the organisation is created;
  // a choice made while the menu is still opening can be lost, so the switch is tried again, as a person would.
  await expect(async () => {
    if (!(await page.getByRole('menuitemradio', { name: '材料供应商' }).isVisible()))
      await page.getByTestId('role-switcher').click();
    await page.getByRole('menuitemradio', { name: '材料供应商' }).click({ timeout: 2_000 });
    await expect(page.getByTestId('workspace-title')).toHaveText('材料供应商工作台', { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('role-switcher')).toContainText('材料供应商');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the workspace navigation opens from the menu button', async ({ page }) => {
    const registered = await page.request.post('/api/auth/register', {
      data: { identifier: uniqueEmail(), password: PASSWORD, displayName: '李工' },
    });
    expect(registered.status()).toBe(201);
    const { csrfToken } = (await registered.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const created = await page.request.post('/api/orgs', {
      headers,
      data: {
        name: `筑合移动端测试公司${randomInt(100_000)}`,
        creditCode: generateCreditCode(),
        businessRoles: ['GC'],
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const activated = await page.request.post(`/api/orgs/${id}/activate`, { headers, data: { role: 'GC' } });
    expect(activated.ok()).toBe(true);

    await page.goto('/workspace');
    await expect(page.getByTestId('workspace-title')).toHaveText('施工企业工作台');
    await expect(page.getByTestId('side-nav')).toHaveCount(0);
    const membersLink = page.getByRole('link', { name: '组织成员' });
    await expect(membersLink).toBeHidden();

    await page.getByRole('button', { name: '打开导航' }).click();
    await expect(membersLink).toBeVisible();
    await expect(page.getByTestId('role-switcher')).toBeVisible();
    await membersLink.click();
    await expect(page).toHaveURL(/\/workspace\/members$/);
    await expect(membersLink).toBeHidden();
  });
});
