import { randomInt } from 'node:crypto';
import { idCardCheckChar } from '../packages/contracts/src/id-card.ts';
import { type Browser, expect, type Page, test } from './journey-test';
import { demoLogin, E2E_PASSWORD, generateCreditCode, uniqueEmail } from './support';

/**
 * 推荐有礼: gc@ (A) shares the referral link; B registers from it in another browser, creates an organisation and
 * submits 实名核验; a reviewer approves it from the staff board; A's reward voucher appears on 积分与优惠券 and is
 * redeemed against A's open platform fee.
 */
const REVIEWER = { email: 'reviewer@example.com', totp: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' };
const SHOTS = new URL('../docs/screenshots/', import.meta.url).pathname;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function idNumber(): string {
  const body = `33020619800115${String(randomInt(100, 999))}`;
  return body + idCardCheckChar(body);
}

function inYears(years: number): string {
  return `${new Date().getFullYear() + years}-12-31`;
}

/** B's organisation and its verification package, through the API of B's own session. */
async function submitVerification(b: Page, orgName: string) {
  const me = (await (await b.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const creditCode = generateCreditCode('330200');
  const org = await b.request.post('/api/orgs', {
    headers,
    data: { name: orgName, creditCode, businessRoles: ['SUB'] },
  });
  expect(org.status()).toBe(201);
  const orgId = ((await org.json()) as { id: string }).id;
  const file = async (name: string, mimeType: string, buffer: Buffer) => {
    const response = await b.request.post(`/api/orgs/${orgId}/files`, {
      headers,
      multipart: { file: { name, mimeType, buffer } },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const submitted = await b.request.post(`/api/orgs/${orgId}/verification`, {
    headers,
    data: {
      licence: {
        creditCode,
        companyName: orgName,
        legalRepresentative: '马永强',
        registeredCapitalFen: 10_000_000_00,
        address: '浙江省宁波市鄞州区天童南路 588 号',
        validFrom: '2016-04-01',
        validUntil: null,
        fileId: await file('营业执照.pdf', 'application/pdf', PDF),
      },
      idCard: {
        name: '马永强',
        number: idNumber(),
        validUntil: inYears(8),
        frontFileId: await file('身份证人像面.png', 'image/png', PNG),
        backFileId: await file('身份证国徽面.png', 'image/png', PNG),
      },
      qualifications: [
        {
          kind: 'specialty_contracting',
          category: '建筑装修装饰工程',
          grade: 'second',
          number: 'D233099887',
          issuer: '浙江省住房和城乡建设厅',
          validFrom: '2022-01-01',
          validUntil: inYears(2),
          fileId: await file('资质证书.pdf', 'application/pdf', PDF),
        },
      ],
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
}

async function reviewerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await demoLogin(page, REVIEWER.email, REVIEWER.totp);
  return page;
}

test('a referral: A invites B, B’s organisation is verified by a reviewer, A’s voucher appears and is redeemed', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // A: the referral page with A's code and link
  await demoLogin(page, 'gc@example.com');
  await page.goto('/workspace/referrals');
  await expect(page.getByRole('heading', { name: '推荐有礼' })).toBeVisible({ timeout: 30_000 });
  const code = ((await page.getByTestId('referral-code').innerText()).match(/[A-Z0-9]{8}/) ?? [''])[0];
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  await expect(page.getByTestId('referral-link')).toContainText(`/register?ref=${code}`);
  // the demo's refused reward shows its reason
  await expect(page.getByTestId('referral-refused').first()).toContainText('同一设备');

  // B registers from the link in a browser of their own
  const bContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const b = await bContext.newPage();
  await b.goto(`/register?ref=${code}`);
  await expect(b.getByTestId('referral-notice')).toContainText(code);
  await b.getByLabel('邮箱或手机号').fill(uniqueEmail('e2e-referred'));
  await b.getByLabel('姓名').fill('马永强');
  await b.getByLabel('密码', { exact: true }).fill(E2E_PASSWORD);
  await b.getByLabel('确认密码').fill(E2E_PASSWORD);
  await b.getByRole('button', { name: '注册' }).click();
  await b.waitForURL((url) => !url.pathname.startsWith('/register'));
  const orgName = `宁波永强装饰工程有限公司${randomInt(100_000)}`;
  await submitVerification(b, orgName);

  // A sees B's organisation awaiting verification
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(orgName) });
  await expect(row).toContainText('已创建单位，待核验');

  // a reviewer approves B's verification from the staff board
  const reviewer = await reviewerPage(browser);
  await reviewer.goto('/staff/verifications');
  const submission = reviewer.locator('.ant-table-row', { hasText: orgName });
  await submission.click();
  await reviewer.getByRole('button', { name: '通过' }).click();
  // decided: no longer waiting on the board
  await expect(submission.filter({ hasText: '待审核' })).toHaveCount(0);
  await reviewer.context().close();

  // A's reward: the referral shows it granted (decided after the approval commits) …
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(orgName) }).getByTestId('referral-reward')).toContainText(
      '实名核验：已发券',
      { timeout: 2_000 },
    );
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: new RegExp(orgName) })).toContainText('已通过实名核验');

  // … and the voucher is on 积分与优惠券, redeemed against A's open premium-report fee
  await page.goto('/workspace/points');
  await expect(page.getByRole('heading', { name: '积分与优惠券' })).toBeVisible();
  // vouchers are listed newest first: B's verification granted the first one
  const voucher = page.getByTestId('voucher').first();
  await expect(voucher).toContainText('推荐有礼：被邀单位通过实名核验');
  await expect(voucher).toContainText('可使用');
  await expect(voucher).toContainText('抵扣 ¥200.00');
  await page.screenshot({ path: `${SHOTS}rewards-points.png`, fullPage: true });
  await voucher.getByRole('button', { name: '用券抵扣' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('voucher-charge')).toContainText('高级信用报告');
  await dialog.getByRole('button', { name: '用券抵扣' }).click();
  await expect(page.getByText(/用券成功，抵扣 ¥/)).toBeVisible();
  await expect(voucher).toContainText('已使用');
  await expect(voucher).toContainText('已抵扣 ¥');
  // a second use of the same voucher is refused by the server, not only hidden: the button is gone
  await expect(voucher.getByRole('button', { name: '用券抵扣' })).toHaveCount(0);

  // 我的兑换: the demo's report and training ticket are there to collect, the ticket with its admission number
  const ticket = page.getByTestId('redemption').filter({ hasText: '安全生产线下培训名额' });
  await expect(ticket).toContainText(/入场凭证号 ZH\d{8}-[0-9A-F]{8}/);
  const href = await ticket.getByRole('link', { name: '下载门票' }).getAttribute('href');
  const pdf = await page.request.get(href as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(
    page.getByTestId('redemption').filter({ hasText: '区域建材价格月报' }).getByRole('link', { name: '下载报告' }),
  ).toBeVisible();
  await bContext.close();
});
