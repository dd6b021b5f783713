import { randomInt } from 'node:crypto';
import { creditCodeCheckChar } from '../packages/contracts/src/credit-code.ts';
import { idCardCheckChar } from '../packages/contracts/src/id-card.ts';
import { type APIRequestContext, type Browser, expect, type Page, test } from './journey-test';
import { unusedTotp } from './support';

const PASSWORD = 'Zhuhe-e2e-2025!';
const REVIEWER = { email: 'reviewer@example.com', password: 'Zhuhe@2026', totp: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' };
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(): string {
  let body = '91330100';
  while (body.length < 17) body += ALPHABET[randomInt(ALPHABET.length)];
  return body + creditCodeCheckChar(body);
}

function idNumber(): string {
  const body = `33010619780315${String(randomInt(100, 999))}`;
  return body + idCardCheckChar(body);
}

/** A supplier with 2FA on and a SUP organisation, set up through the API; the session is not stepped up. */
async function supplier(request: APIRequestContext) {
  const email = `e2e-merchant-${Date.now()}-${randomInt(1e6)}@example.com`;
  const name = `浙江筑合测试建材有限公司${randomInt(100_000)}`;
  const registered = await request.post('/api/auth/register', {
    data: { identifier: email, password: PASSWORD, displayName: '张建华' },
  });
  let csrf = ((await registered.json()) as { csrfToken: string }).csrfToken;
  const setup = (await (await request.post('/api/auth/totp/setup', { headers: { 'x-csrf-token': csrf } })).json()) as {
    secret: string;
  };
  expect(
    (
      await request.post('/api/auth/totp/enable', {
        headers: { 'x-csrf-token': csrf },
        data: { code: await unusedTotp(setup.secret) },
      })
    ).ok(),
  ).toBe(true);
  // Sign in again so that the session is not stepped up: signing the agreement must ask for a code.
  await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrf } });
  const login = await request.post('/api/auth/login', { data: { identifier: email, password: PASSWORD } });
  csrf =
    ((await login.json()) as { csrfToken?: string; me?: { csrfToken: string } }).me?.csrfToken ??
    ((await login.json()) as { csrfToken: string }).csrfToken;
  const totp = await request.post('/api/auth/login/totp', {
    headers: { 'x-csrf-token': csrf },
    data: { code: await unusedTotp(setup.secret) },
  });
  expect(totp.ok()).toBe(true);
  csrf = ((await totp.json()) as { csrfToken: string }).csrfToken;
  const code = creditCode();
  const org = await request.post('/api/orgs', {
    headers: { 'x-csrf-token': csrf },
    data: { name, creditCode: code, businessRoles: ['SUP'] },
  });
  expect(org.status()).toBe(201);
  return { name, creditCode: code, secret: setup.secret };
}

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(REVIEWER.email);
  await page.getByLabel('密码', { exact: true }).fill(REVIEWER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('动态口令或恢复码').fill(await unusedTotp(REVIEWER.totp));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).toHaveURL(/\/staff/);
  return page;
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function attach(page: Page, testId: string, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId(testId).locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByTestId(testId).getByText(name)).toBeVisible();
}

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test('a supplier applies, fixes the problem the automatic check found, is approved by a reviewer, signs with 2FA and is active', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const s = await supplier(page.request);
  const nextYear = `${new Date().getFullYear() + 3}-12-31`;

  await page.goto('/workspace/merchant');
  // the page's chunk and the merchant's state load first
  await expect(page.getByRole('heading', { name: '商家入驻' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('店铺名称').fill('筑合测试钢材旗舰店');
  await choose(page, '经营类目', '钢材');
  await page.getByLabel('服务区域').click();
  await page.getByLabel('服务区域').fill('浙江');
  await page.locator('.ant-select-dropdown:visible').getByTitle('浙江省', { exact: true }).click();
  await page.keyboard.press('Escape');
  // A banned claim is highlighted while typing …
  await page.getByLabel('店铺简介').fill('高回报的钢材供应商，长三角当日达。');
  await expect(page.getByTestId('compliance-hint').getByTestId('banned-term')).toHaveText('高回报');
  await page.getByLabel('店铺简介').fill('专业供应 Q235/Q355 建筑钢材，长三角项目当日达，支持分批结算。');
  await expect(page.getByTestId('compliance-hint')).toHaveCount(0);

  await page.getByLabel('统一社会信用代码').fill(s.creditCode);
  await page.getByLabel('企业名称').fill(s.name);
  // … and the licence names a different legal representative from the ID card below.
  await page.getByLabel('法定代表人', { exact: true }).fill('张建国');
  await page.getByLabel('注册资本（万元）').fill('5000');
  await page.getByLabel('住所').fill('浙江省杭州市西湖区文三路 100 号');
  await page.getByLabel('营业期限起').fill('2015-06-01');
  await page.getByLabel('营业执照长期有效').check();
  await attach(page, 'upload-licence', '营业执照.pdf', 'application/pdf', PDF);
  await page.getByLabel('身份证姓名').fill('张建华');
  await page.getByLabel('身份证号码').fill(idNumber());
  await page.getByLabel('身份证有效期至').fill(nextYear);
  await attach(page, 'upload-id-front', '人像面.png', 'image/png', PNG);
  await attach(page, 'upload-id-back', '国徽面.png', 'image/png', PNG);
  await choose(page, '资质类别', '专业承包');
  await page.getByLabel('资质专业').fill('钢结构工程');
  await choose(page, '资质等级', '二级');
  await page.getByLabel('证书编号').fill('D233012345');
  await page.getByLabel('发证机关').fill('浙江省住房和城乡建设厅');
  await page.getByLabel('证书有效期起').fill('2022-01-01');
  await page.getByLabel('证书有效期至').fill(nextYear);
  await attach(page, 'upload-qualification-0', '资质证书.pdf', 'application/pdf', PDF);
  await page.getByRole('button', { name: '提交入驻申请' }).click();

  await expect(page.getByTestId('merchant-stage')).toHaveText('待补正');
  const problems = page.getByTestId('verification-checks').getByTestId('check-fail');
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText('营业执照法定代表人「张建国」与身份证姓名「张建华」不一致');

  await page.getByLabel('法定代表人', { exact: true }).fill('张建华');
  await page.getByRole('button', { name: '重新提交' }).click();
  await expect(page.getByTestId('merchant-stage')).toHaveText('审核中');
  await expect(page.getByTestId('verification-checks').getByTestId('check-fail')).toHaveCount(0);

  // A reviewer, in a second browser, approves from the board.
  const reviewer = await staffPage(browser);
  await reviewer.goto('/staff/merchants');
  await reviewer.getByRole('link', { name: new RegExp(s.name) }).click();
  await expect(reviewer).toHaveURL(/\/staff\/merchants\/[0-9a-f-]{36}$/);
  // The board's rows can still be on screen right after the URL changes: read the stage once the review page is there.
  await expect(reviewer.getByTestId('decision-card')).toBeVisible();
  await expect(reviewer.getByTestId('merchant-stage')).toHaveText('审核中');
  await expect(reviewer.getByTestId('id-number')).toHaveText(/^330\*{11}\d{3}[\dX]$/);
  await reviewer.getByRole('radio', { name: '品牌商家' }).check();
  await reviewer.getByTestId('decision-card').getByRole('button', { name: '通过' }).click();
  await expect(reviewer.getByTestId('merchant-stage')).toHaveText('待签协议');

  // The supplier signs the agreement; the step-up asks for a fresh authenticator code.
  await page.reload();
  await expect(page.getByTestId('merchant-stage')).toHaveText('待签协议');
  await page.getByTestId('agreement').getByRole('checkbox').check();
  await page.getByRole('button', { name: '签署协议' }).click();
  await page.getByTestId('step-up-code').fill(await unusedTotp(s.secret));
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('merchant-stage')).toHaveText('已开通');

  // The board shows the completed cycle in working days.
  await reviewer.goto('/staff/merchants');
  await expect(reviewer.getByTestId('stage-active')).toBeVisible();
  await expect(reviewer.getByTestId('board-cycle')).toContainText('工作日');
  const row = reviewer.getByRole('row', { name: new RegExp(s.name) });
  await expect(row).toContainText('已开通');
  await expect(row.getByTestId('elapsed')).toHaveText(/^\d+(\.\d+)? 个工作日$/);
  await reviewer.context().close();
});
