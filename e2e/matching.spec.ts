import { randomInt } from 'node:crypto';
import { type Browser, expect, type Page, test } from './journey-test';
import { awaitFreshStep, createParty, loginWithTotp, notificationsAbout, type Party, unusedTotp } from './support';

/**
 * The matching journey: a buyer's demand passes review by the matching operator → within seconds the buyer sees
 * the recommended suppliers and why → a recommended supplier sees the notification and answers "interested" →
 * the buyer sees the answer. Buyer and supplier are created here; the operator is the demo's matcher@, which no
 * other journey uses.
 */
const DEMO_PASSWORD = 'Zhuhe@2026';
const MATCHER_TOTP = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function partyPage(browser: Browser, party: Party): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await loginWithTotp(page, party);
  return page;
}

/** The session's CSRF token, for API calls made from a logged-in page. */
async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

test('an approved demand is matched within seconds, the supplier answers, the buyer sees it', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = String(randomInt(100_000, 999_999));
  const buyerParty = await createParty(request, `杭州匹配示范建设${tag}有限公司`, ['GC']);
  const supplierParty = await createParty(request, `杭州钢联物资${tag}有限公司`, ['SUP']);

  // The supplier lists rebar for Zhejiang; the buyer publishes a rebar demand in Hangzhou.
  const supplier = await partyPage(browser, supplierParty);
  const listing = await supplier.request.post(`/api/orgs/${supplierParty.orgId}/resources`, {
    headers: await csrf(supplier),
    data: {
      kind: 'rebar',
      title: 'HRB400E 螺纹钢 Φ25 杭州现货',
      params: { grade: 'HRB400E', diameterMm: 25 },
      priceFen: 415_000,
      unit: '吨',
      serviceRegionCodes: ['330000'],
      leadTimeDays: 2,
      regionCode: '330100',
    },
  });
  expect(listing.ok(), await listing.text()).toBe(true);

  await awaitFreshStep();
  const buyer = await partyPage(browser, buyerParty);
  const headers = await csrf(buyer);
  const file = async (name: string) =>
    (
      (await (
        await buyer.request.post(`/api/orgs/${buyerParty.orgId}/files`, {
          headers,
          multipart: { file: { name, mimeType: 'application/pdf', buffer: MINIMAL_PDF } },
        })
      ).json()) as { id: string }
    ).id;
  const title = `滨江安置房${tag} HRB400E 钢筋采购`;
  const created = await buyer.request.post(`/api/orgs/${buyerParty.orgId}/demands`, {
    headers,
    data: {
      type: 'procurement',
      title,
      projectName: `滨江安置房${tag}`,
      category: '钢筋采购',
      items: [{ name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 600 }],
      budgetFen: 260_000_000,
      regionCode: '330108',
      deadline: '2099-06-30',
      feasibilityFileId: await file('可行性研究报告.pdf'),
      fundsProofFileId: await file('资金证明.pdf'),
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const demandId = ((await created.json()) as { id: string }).id;
  await buyer.goto(`/workspace/demands/${demandId}`);
  await expect(buyer.getByTestId('demand-status')).toHaveText('待审核');

  // 1. The matching operator approves it in the review queue.
  const staff = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await staff.goto('/login');
  await staff.getByLabel('邮箱或手机号').fill('matcher@example.com');
  await staff.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await staff.getByRole('button', { name: '登录', exact: true }).click();
  await staff.getByLabel('动态口令或恢复码').fill(await unusedTotp(MATCHER_TOTP));
  await staff.getByRole('button', { name: '验证并登录' }).click();
  await expect(staff).not.toHaveURL(/\/login/);
  await staff.goto('/staff/demand-reviews');
  const card = staff.getByTestId('review-card').filter({ hasText: `滨江安置房${tag}` });
  await card.getByTestId('approve').click();
  await expect(card).toHaveCount(0);

  // 2. Within seconds the buyer sees the recommended suppliers, each with why.
  await buyer.reload();
  await expect(buyer.getByTestId('demand-status')).toHaveText('已发布');
  const matches = buyer.getByTestId('demand-matches');
  const recommended = matches.getByTestId('matched-supplier').filter({ hasText: supplierParty.orgName });
  await expect(recommended).toBeVisible({ timeout: 15_000 });
  await expect(recommended.getByTestId('match-reasons')).toContainText('为什么推荐');
  await expect(recommended.getByTestId('match-reasons')).toContainText('发布了该品类资源');
  await expect(recommended.getByTestId('match-answer')).toHaveText('未回复');
  await buyer.screenshot({ path: 'e2e/artifacts/matching-buyer.png', fullPage: true });

  // 3. The supplier sees the notification and answers "interested".
  await expect
    .poll(async () => (await notificationsAbout(supplier, title)) > 0, { timeout: 60_000, intervals: [1_000, 2_000] })
    .toBe(true);
  await supplier.reload();
  await supplier.getByTestId('notification-bell').click();
  const note = supplier.getByTestId('notification-item').filter({ hasText: title });
  await expect(note).toContainText('新需求推荐');
  await note.click();
  await expect(supplier).toHaveURL(/\/workspace\/pushes$/);
  const push = supplier.getByTestId('supplier-push').filter({ hasText: title });
  await expect(push.getByTestId('match-reasons')).toContainText('为什么推荐');
  await push.getByTestId('answer-interested').click();
  await expect(push.getByTestId('push-answer')).toHaveText('已回复：有意向');

  // 4. The buyer sees who answered.
  await buyer.reload();
  await expect(
    buyer.getByTestId('matched-supplier').filter({ hasText: supplierParty.orgName }).getByTestId('match-answer'),
  ).toContainText('有意向');
  await buyer.getByTestId('notification-bell').click();
  await expect(buyer.getByTestId('notification-item').first()).toContainText('有意向');
});
