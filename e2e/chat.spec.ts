import { expect, test } from './journey-test';
import { demoLogin } from './support';

/**
 * 消息 (COMM-2): gc@ and sup@ in two browser contexts. sup@ sees the unread badge for gc@'s replies on its demand,
 * opens the conversation; gc@ opens the contract conversation from the contract page (联系), and a message sent by one
 * appears live in the other's open conversation without a reload; the read ticks move to 已读. At 375 px the list
 * leads to the conversation and back.
 */
test('two organisations chat live: unread badge, 联系 from a contract, a message appears without reload', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const gcPage = await (await browser.newContext()).newPage();
  const supPage = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();

  await demoLogin(gcPage, 'gc@example.com');
  await demoLogin(supPage, 'sup@example.com');

  // sup@ on a phone: the navigation drawer shows 消息 with its unread count
  await supPage.goto('/workspace/chat');
  await expect(supPage.getByRole('heading', { name: '消息', level: 1 })).toBeVisible();
  const demandConversation = supPage.getByTestId('chat-conversation').filter({ hasText: '需求' });
  await expect(demandConversation.getByTestId('chat-unread')).toContainText('2');
  await demandConversation.click();
  await expect(supPage.getByTestId('chat-messages')).toContainText('请把报价和近三个月的检测报告发过来。');
  // read: the badge goes
  await supPage.getByRole('button', { name: '返回会话列表' }).click();
  await expect(
    supPage.getByTestId('chat-conversation').filter({ hasText: '需求' }).getByTestId('chat-unread'),
  ).toHaveCount(0);

  // gc@ opens the rebar purchase contract and presses 联系
  await gcPage.goto('/workspace/contracts');
  await gcPage
    .getByRole('link', { name: /A3 地块主体结构钢筋采购/ })
    .first()
    .click();
  await gcPage.getByTestId('chat-button').click();
  await expect(gcPage).toHaveURL(/\/workspace\/chat\?c=/);
  await expect(gcPage.getByText('合同会话的每条消息都已存证')).toBeVisible();
  await expect(gcPage.getByTestId('chat-messages')).toContainText('明白，已安排。');

  // sup@ opens the same contract conversation
  await supPage.getByTestId('chat-conversation').filter({ hasText: 'A3 地块主体结构钢筋采购' }).click();
  await expect(supPage.getByTestId('chat-messages')).toContainText('明白，已安排。');

  // gc@ writes; sup@ sees it without reloading
  const text = `钢筋复检报告已收到，合格。${Date.now()}`;
  await gcPage.getByLabel('消息内容').fill(text);
  await gcPage.getByRole('button', { name: '发送', exact: true }).click();
  await expect(supPage.getByTestId('chat-messages')).toContainText(text, { timeout: 15_000 });
  // sup@ has it open: gc@'s tick turns to 已读
  const mine = gcPage.getByTestId('chat-message').filter({ hasText: text });
  await expect(mine.getByTestId('chat-ticks')).toHaveAttribute('data-state', 'read', { timeout: 15_000 });

  // and back the other way
  const reply = `好的，下一批周三到。${Date.now()}`;
  await supPage.getByLabel('消息内容').fill(reply);
  await supPage.getByRole('button', { name: '发送', exact: true }).click();
  await expect(gcPage.getByTestId('chat-messages')).toContainText(reply, { timeout: 15_000 });

  // a message over 4,000 characters is stopped in the composer with the limit named
  await gcPage.getByLabel('消息内容').fill('字'.repeat(4001));
  await expect(gcPage.getByRole('alert')).toContainText('最多 4000 个字');
  await expect(gcPage.getByRole('button', { name: '发送', exact: true })).toBeDisabled();

  // English
  await gcPage.evaluate("localStorage.setItem('zhuhe.language', 'en')");
  await gcPage.reload();
  await expect(gcPage.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  await expect(gcPage.getByText('Every message in a contract conversation is logged as evidence')).toBeVisible();
});
