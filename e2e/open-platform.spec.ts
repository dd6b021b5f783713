import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, demoLogin, unusedTotp } from './support';

const REVIEWER_TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function reviewer(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill('admin@example.com');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('动态口令或恢复码').fill(await unusedTotp(REVIEWER_TOTP));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/**
 * 开放平台 end to end (PLAT-5, issue "Must show"): gc@ creates an API key with demands:write and a webhook endpoint
 * for 需求发布 pointing at a receiver this journey runs on 127.0.0.1; a third party creates a demand through
 * /api/v1 with the key; a reviewer approves it; the `demand.published` delivery appears in the endpoint's log with
 * 200 and its signature verifies; gc@ revokes the key and the next call is refused.
 */
test('a key and a webhook: a demand created through the API is published, delivered with 200, and the revoked key is refused', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(180_000);
  const received: { raw: string; signature: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ raw: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['zhuhe-signature']) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp/zhuhe`;
  const suffix = Date.now().toString().slice(-6);
  try {
    await demoLogin(page, 'gc@example.com');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string; activeOrgId: string };
    const orgId = me.activeOrgId;
    // the demand's two attachments, uploaded as the web pages do (the API refers to them by id)
    const upload = async (name: string) => {
      const response = await page.request.post(`/api/orgs/${orgId}/files`, {
        headers: { 'x-csrf-token': me.csrfToken },
        multipart: { file: { name, mimeType: 'application/pdf', buffer: MINIMAL_PDF } },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const feasibilityFileId = await upload('可行性研究报告.pdf');
    const fundsProofFileId = await upload('资金证明.pdf');

    // 1. a key with demands:write
    const keyName = `ERP 需求同步 ${suffix}`;
    await page.goto('/workspace/developer');
    await page.getByRole('button', { name: '新建密钥' }).click();
    const form = page.getByRole('dialog', { name: '新建密钥' });
    await form.getByRole('textbox', { name: '名称' }).fill(keyName);
    await form.getByRole('checkbox', { name: /demands:write/ }).check();
    await form.getByRole('button', { name: '生成密钥' }).click();
    const shown = page.getByRole('dialog', { name: '请立即复制密钥' });
    const key = ((await shown.getByTestId('api-key-secret').textContent()) ?? '').match(
      /zk_live_[A-Za-z0-9_-]{43}/,
    )?.[0];
    expect(key).toBeDefined();
    await shown.getByRole('button', { name: '我已妥善保存' }).click();

    // 2. a webhook endpoint for 需求发布
    await page.getByRole('navigation', { name: '开放平台' }).getByRole('link', { name: 'Webhook 推送' }).click();
    await page.getByRole('button', { name: '新建端点' }).click();
    const endpointForm = page.getByRole('dialog', { name: '新建端点' });
    await endpointForm.getByLabel('接收地址').fill(url);
    await endpointForm.getByLabel('说明').fill(`ERP ${suffix}`);
    await endpointForm.getByRole('checkbox', { name: /需求发布/ }).check();
    await endpointForm.getByRole('button', { name: '创建' }).click();
    const secretDialog = page.getByRole('dialog', { name: '请保存签名密钥' });
    const secret = ((await secretDialog.getByTestId('webhook-secret').textContent()) ?? '').match(/whsec_[\w-]+/)?.[0];
    expect(secret).toBeTruthy();
    await secretDialog.getByRole('button', { name: '我已保存' }).click();

    // 3. the third party creates a demand with the key; it goes to review
    const headers = { authorization: `Bearer ${key}` };
    const title = `接口发布 钢结构厂房 ${suffix}`;
    const created = await request.post('/api/v1/demands', {
      headers,
      data: {
        type: 'subcontract',
        title,
        projectName: `智造园 ${suffix}`,
        category: '钢结构',
        budgetFen: 120_000_000,
        regionCode: '330109',
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        description: '由 ERP 通过开放平台提交',
        feasibilityFileId,
        fundsProofFileId,
      },
    });
    expect(created.status()).toBe(201);
    const demandId = ((await created.json()) as { id: string }).id;

    // 4. a reviewer approves it: demand.published
    const staff = await reviewer(browser);
    await staff.goto('/staff/demand-reviews');
    const card = staff.getByTestId('review-card').filter({ hasText: title });
    await card.getByTestId('approve').click();
    await expect(card).toHaveCount(0);

    // 5. the delivery reaches the receiver, signed, and shows 200 in the endpoint's log
    await expect
      .poll(() => received.some((r) => r.raw.includes(demandId)), { timeout: 60_000, intervals: [1_000] })
      .toBe(true);
    const delivery = received.find((r) => r.raw.includes(demandId)) as { raw: string; signature: string };
    const [, t, v1] = delivery.signature.match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
    expect(v1).toBe(
      createHmac('sha256', secret as string)
        .update(`${t}.${delivery.raw}`)
        .digest('hex'),
    );
    expect(JSON.parse(delivery.raw)).toMatchObject({ type: 'demand.published', data: { demandId } });
    await page.reload();
    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: url });
    const row = endpoint.getByRole('row').filter({ hasText: '需求发布' }).first();
    await expect(row.getByTestId('delivery-response')).toHaveText('200');

    // 6. the admin revokes the key; the next call is refused at once
    await page.goto('/workspace/developer');
    await page.getByRole('button', { name: `吊销 ${keyName}` }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(page.getByText('密钥已吊销')).toBeVisible();
    expect((await request.get('/api/v1/demands', { headers })).status()).toBe(401);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
