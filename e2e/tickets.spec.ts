import { expect, type Page, test } from './journey-test';
import { demoLogin } from './support';

/** Demo log-ins: sub@ (浙江恒远), service@ (line 1, disputes seeder), support2@ (line 2, tickets seeder). */
const LINE1 = { email: 'service@example.com', secret: 'ONSXE5TJMNSSAMJTGE2TQOJQGEZDGNBX' };
const LINE2 = { email: 'support2@example.com', secret: 'Q3Y5WN67JR76G7R2ALVIRKPP6GFVCWLJ' };

async function resolvedThisMonth(page: Page): Promise<number> {
  const response = await page.request.get('/api/staff/tickets/board');
  expect(response.ok()).toBe(true);
  return (await response.json()).overall.resolvedInMonth as number;
}

test('a user opens a ticket → line 1 answers with a canned reply and escalates → line 2 resolves → the user rates it → the board counts it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // 1. the user opens a ticket on 我的工单
  const user = await browser.newPage();
  await demoLogin(user, 'sub@example.com');
  await user.goto('/workspace/tickets');
  await user.getByTestId('ticket-new').click();
  await user.getByTestId('ticket-category').click();
  await user.getByTitle('技术问题').click();
  await user.getByTestId('ticket-priority').click();
  await user.getByTitle('高').click();
  const subject = `施工日志照片上传失败 ${Date.now()}`;
  await user.getByTestId('ticket-subject').fill(subject);
  await user.getByTestId('ticket-text').fill('在施工日志页上传现场照片时一直转圈，换浏览器也一样。');
  await user.getByTestId('ticket-submit').click();
  await user.waitForURL(/\/workspace\/tickets\/[0-9a-f-]{36}$/);
  const ticketId = user.url().split('/').pop() as string;
  await expect(user.getByTestId('ticket-status')).toContainText('待受理');

  // 2. line 1 answers with a canned reply, leaves an internal note and escalates to line 2
  const line1 = await browser.newPage();
  await demoLogin(line1, LINE1.email, LINE1.secret);
  const before = await resolvedThisMonth(line1);
  await line1.goto('/staff/tickets');
  await expect(line1.getByTestId('ticket-board')).toBeVisible();
  await line1.goto(`/staff/tickets/${ticketId}`);
  await line1.getByTestId('canned-select').click();
  await line1.getByTitle('请提供截图').click();
  await expect(line1.getByTestId('reply-body')).toHaveValue(/请补充操作步骤/);
  await line1.getByTestId('reply-send').click();
  await expect(line1.getByTestId('ticket-message').nth(1)).toContainText('请补充操作步骤');
  await line1.getByTestId('reply-body').fill('日志页的上传走对象存储直传，需技术排查。');
  await line1.getByTestId('reply-internal').check();
  await line1.getByTestId('reply-send').click();
  await expect(line1.getByTestId('ticket-note')).toContainText('对象存储直传');
  await line1.getByTestId('escalate-reason').fill('上传服务需技术排查');
  await line1.getByTestId('escalate').click();
  await expect(line1.getByTestId('ticket-line')).toContainText('二线 技术');

  // 3. line 2 resolves it
  const line2 = await browser.newPage();
  await demoLogin(line2, LINE2.email, LINE2.secret);
  await line2.goto('/staff/tickets');
  await line2.getByTestId('queue-line').getByText('二线 技术').click();
  await line2.getByRole('link', { name: subject }).click();
  await line2.waitForURL(`**/staff/tickets/${ticketId}`);
  await line2.getByTestId('resolution-text').fill('直传签名的时钟偏差已修正，请刷新后重新上传。');
  await line2.getByTestId('resolve').click();
  await expect(line2.getByTestId('ticket-status')).toContainText('已解决');

  // 4. the user sees the answer (not the internal note) and rates it
  await user.reload();
  await expect(user.getByTestId('ticket-status')).toContainText('已解决');
  await expect(user.getByTestId('ticket-thread')).toContainText('请补充操作步骤');
  await expect(user.getByTestId('ticket-thread')).not.toContainText('对象存储直传');
  await user.locator('.ant-rate-star').nth(3).click();
  await user.getByTestId('ticket-comment').fill('第二天就解决了。');
  await user.getByTestId('ticket-rate').click();
  await expect(user.getByTestId('ticket-rating')).toContainText('第二天就解决了。');
  await expect(user.getByTestId('ticket-status')).toContainText('已关闭');

  // 5. the board counts it
  expect(await resolvedThisMonth(line2)).toBe(before + 1);
  await line2.goto('/staff/tickets');
  await expect(line2.getByTestId('board-resolved')).toContainText(`${before + 1}/`);
});
