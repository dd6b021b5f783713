import { expect, test } from '@playwright/test';
import { demoLogin, expectAccessible } from './support';

/**
 * 开放平台 (PLAT-5): gc@ (owner of the demo GC organisation) creates a key with projects:read on the page, copies
 * the secret shown once, a third party reads /api/v1/projects with it, gc@ revokes it on the page, and the next
 * call is refused 401.
 */
test('an organisation admin creates an API key, a third party calls /api/v1 with it, revoking it refuses the next call', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const name = `Playwright 对接 ${Date.now().toString().slice(-6)}`;
  await demoLogin(page, 'gc@example.com');
  await page.getByRole('link', { name: '开放平台' }).first().click();
  await expect(page).toHaveURL(/\/workspace\/developer$/);
  await expect(page.getByRole('heading', { name: '开放平台' })).toBeVisible();
  // the demo organisation's own keys: one active, one revoked
  await expect(page.getByText('项目管理 ERP 同步')).toBeVisible();
  await expect(page.getByText('已吊销').first()).toBeVisible();
  await expectAccessible(page, 'open platform page');

  // 1. create a key with projects:read
  await page.getByRole('button', { name: '新建密钥' }).click();
  const form = page.getByRole('dialog', { name: '新建密钥' });
  await form.getByRole('textbox', { name: '名称' }).fill(name);
  await form.getByRole('checkbox', { name: /projects:read/ }).check();
  await expectAccessible(page, 'create key dialog');
  await form.getByRole('button', { name: '生成密钥' }).click();

  // 2. the secret, shown once with a warning and a copy button
  const shown = page.getByRole('dialog', { name: '请立即复制密钥' });
  await expect(shown.getByText('密钥只显示这一次')).toBeVisible();
  const secret = ((await shown.getByTestId('api-key-secret').textContent()) ?? '').match(
    /zk_live_[A-Za-z0-9_-]{43}/,
  )?.[0];
  expect(secret).toBeDefined();
  await expectAccessible(page, 'secret dialog');
  await shown.getByRole('button', { name: '我已妥善保存' }).click();
  await expect(shown).toBeHidden();
  // the list shows the prefix, never the secret
  await expect(page.getByText(name)).toBeVisible();
  await expect(page.getByText(secret as string)).toHaveCount(0);

  // 3. a third party (no session) calls the API with the key
  const headers = { authorization: `Bearer ${secret}` };
  const projects = await request.get('/api/v1/projects', { headers });
  expect(projects.status()).toBe(200);
  expect(Array.isArray((await projects.json()).items)).toBe(true);
  expect((await request.post('/api/v1/demands', { headers, data: {} })).status()).toBe(403);

  // the calls are recorded with the key, the refused one too
  const item = page.getByRole('listitem').filter({ hasText: name });
  await item.getByRole('button', { name: '调用记录' }).click();
  await expect(item.getByText('GET /api/v1/projects')).toBeVisible();
  await expect(item.getByText('POST /api/v1/demands')).toBeVisible();

  // 4. revoke on the page; the very next call is refused
  await page.getByRole('button', { name: `吊销 ${name}` }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('密钥已吊销')).toBeVisible();
  expect((await request.get('/api/v1/projects', { headers })).status()).toBe(401);

  // 5. at 375 px the page does not scroll sideways
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByText(name)).toBeVisible();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'open platform page at 375 px');
});
