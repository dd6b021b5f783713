import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { demoLogin, expectAccessible } from './support';

interface Received {
  raw: string;
  signature: string;
}

/**
 * Webhooks (PLAT-5): the demo GC's admin adds an endpoint pointing at a receiver this journey starts on 127.0.0.1
 * (the e2e server allows loopback targets), copies the secret shown once, sends a test event and sees it delivered
 * with 200; the receiver checks the signature with the documented recipe.
 */
test('a GC admin adds a webhook endpoint, sends a test event and sees it delivered with 200', async ({ page }) => {
  test.setTimeout(120_000);
  const received: Received[] = [];
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({
        raw: Buffer.concat(chunks).toString('utf8'),
        signature: String(request.headers['zhuhe-signature'] ?? ''),
      });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/zhuhe/webhooks`;
  try {
    await demoLogin(page, 'gc@example.com');
    await page.getByTestId('nav-menu').getByRole('link', { name: '开放平台' }).click();
    await page.getByRole('navigation', { name: '开放平台' }).getByRole('link', { name: 'Webhook 推送' }).click();
    await expect(page.getByRole('heading', { name: 'Webhook 推送', level: 1 })).toBeVisible();
    // the demo endpoint's dead letter
    await expect(page.getByTestId('dead-letters')).toContainText('结算单签署');

    await page.getByRole('button', { name: '新建端点' }).click();
    const form = page.getByRole('dialog', { name: '新建端点' });
    await form.getByLabel('接收地址').fill(url);
    await form.getByLabel('说明').fill('联调接收端');
    await form.getByRole('checkbox', { name: /需求发布/ }).check();
    await form.getByRole('checkbox', { name: /收到投标/ }).check();
    await form.getByRole('button', { name: '创建' }).click();

    const shown = page.getByRole('dialog', { name: '请保存签名密钥' });
    await expect(shown).toBeVisible();
    const secret = ((await shown.getByTestId('webhook-secret').textContent()) ?? '').match(/whsec_[\w-]+/)?.[0];
    expect(secret).toBeTruthy();
    await shown.getByRole('button', { name: '我已保存' }).click();

    const card = page.getByTestId('webhook-endpoint').filter({ hasText: url });
    await card.getByRole('button', { name: '发送测试事件' }).click();
    await expect(card.getByTestId('delivery-response')).toHaveText('200', { timeout: 20_000 });
    await expect(card.getByTestId('delivery-status-delivered')).toBeVisible();

    // the receiver's side: HMAC-SHA256 of "<t>.<raw body>" with the secret (docs/webhooks.md)
    expect(received).toHaveLength(1);
    const { raw, signature } = received[0] as Received;
    const [, t, v1] = signature.match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
    expect(v1).toBe(
      createHmac('sha256', secret as string)
        .update(`${t}.${raw}`)
        .digest('hex'),
    );
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(300);
    expect(JSON.parse(raw)).toMatchObject({ type: 'ping' });

    // the pointer leaves the button it pressed (a hovered button's lighter colour is not what axe should judge)
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'webhooks');
    await page.setViewportSize({ width: 375, height: 800 });
    await expect(card.getByRole('button', { name: '发送测试事件' })).toBeVisible();
    await expectAccessible(page, 'webhooks at 375 px');
    await page.screenshot({ path: 'e2e/artifacts/webhooks-375.png', fullPage: true });

    // English second
    await page.evaluate("localStorage.setItem('zhuhe.language', 'en')");
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expect(card.getByTestId('delivery-status-delivered')).toHaveText('Delivered');
    await expectAccessible(page, 'webhooks in English at 375 px');
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
