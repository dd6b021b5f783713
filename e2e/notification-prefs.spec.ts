import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, type Page, test } from './journey-test';
import { demoLogin } from './support';

/** service@ answers tickets on line 1 (disputes seeder). */
const LINE1 = { email: 'service@example.com', secret: 'ONSXE5TJMNSSAMJTGE2TQOJQGEZDGNBX' };
const USER = 'sub@example.com';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The mail the local catcher kept as .eml files in the e2e server's data directory. */
async function caughtMail(): Promise<Mail[]> {
  const folder = join(process.env.E2E_DATA_DIR ?? '', 'mail');
  const names = await readdir(folder).catch(() => [] as string[]);
  return Promise.all(
    names.map(async (name) => {
      const parsed = await simpleParser(await readFile(join(folder, name)));
      const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).map((a) => a.text).join(',') : '';
      return { to, subject: parsed.subject ?? '', text: parsed.text ?? '' };
    }),
  );
}
const mailsAbout = async (text: string, to = USER) =>
  (await caughtMail()).filter((m) => m.to.includes(to) && m.text.includes(text));

async function openTicket(page: Page, subject: string): Promise<string> {
  await page.goto('/workspace/tickets');
  await page.getByTestId('ticket-new').click();
  await page.getByTestId('ticket-category').click();
  await page.getByTitle('技术问题').click();
  await page.getByTestId('ticket-subject').fill(subject);
  await page.getByTestId('ticket-text').fill('结算页下载发票时提示网络错误。');
  await page.getByTestId('ticket-submit').click();
  await page.waitForURL(/\/workspace\/tickets\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() as string;
}

async function reply(line1: Page, ticketId: string, text: string) {
  await line1.goto(`/staff/tickets/${ticketId}`);
  await line1.getByTestId('reply-body').fill(text);
  await line1.getByTestId('reply-send').click();
  await expect(line1.getByTestId('ticket-message').filter({ hasText: text })).toBeVisible();
}

test('a user switches e-mail off for 工单: the answer arrives in-app but not by mail; a mailed unsubscribe link works without signing in', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const user = await browser.newPage();
  await demoLogin(user, USER);
  const ticketId = await openTicket(user, `发票下载失败 ${stamp}`);
  // a second requester, whose mail shows when the queue has passed the user's
  const other = await browser.newPage();
  await demoLogin(other, 'gc@example.com');
  const otherTicketId = await openTicket(other, `合同导出失败 ${stamp}`);
  await other.close();

  // 1. e-mail on (the default): line 1's first answer is mailed, with an unsubscribe link
  const line1 = await browser.newPage();
  await demoLogin(line1, LINE1.email, LINE1.secret);
  const first = `请提供浏览器版本 ${stamp}`;
  await reply(line1, ticketId, first);
  await expect.poll(() => mailsAbout(first).then((m) => m.length), { timeout: 60_000 }).toBe(1);
  const link = /\/unsubscribe\?token=[\w.-]+/.exec((await mailsAbout(first))[0]?.text ?? '')?.[0] as string;
  expect(link).toBeTruthy();

  // 2. the user switches e-mail off for 工单 in the notification settings (reached from the bell)
  await user.getByTestId('notification-bell').click();
  await user.getByRole('button', { name: '通知设置' }).click();
  await expect(user.getByRole('heading', { level: 1, name: '通知设置' })).toBeVisible();
  // 资金 and 安全 are mandatory: their e-mail switches are locked
  await expect(user.getByRole('switch', { name: /资金 · 邮件通知/ })).toBeDisabled();
  const ticketsMail = user.getByRole('switch', { name: '工单 · 邮件通知' });
  await expect(ticketsMail).toBeChecked();
  await ticketsMail.click();
  await user.getByRole('button', { name: '保存设置' }).click();
  await expect(user.getByText('通知设置已保存')).toBeVisible();

  // 3. the second answer: in the notification centre, but no e-mail
  const second = `已修复，请重试 ${stamp}`;
  await reply(line1, ticketId, second);
  await user.goto('/workspace/notifications');
  await expect(user.getByRole('heading', { level: 1, name: '通知中心' })).toBeVisible();
  await user.getByLabel('类别').click();
  await user.getByTitle('工单').click();
  await expect(user.getByTestId('centre-item').filter({ hasText: second })).toBeVisible();
  await user
    .getByRole('button', { name: /^标为已读：/ })
    .first()
    .click();
  // the control: an answer to the other requester, queued after the user's, is mailed; the user's never was
  const control = `请上传导出日志 ${stamp}`;
  await reply(line1, otherTicketId, control);
  await expect.poll(() => mailsAbout(control, 'gc@example.com').then((m) => m.length), { timeout: 60_000 }).toBe(1);
  expect(await mailsAbout(second)).toHaveLength(0);

  // 4. the user turns it back on
  await user.goto('/workspace/notifications/preferences');
  await user.getByRole('switch', { name: '工单 · 邮件通知' }).click();
  await user.getByRole('button', { name: '保存设置' }).click();
  await expect(user.getByText('通知设置已保存')).toBeVisible();

  // 5. the first mail's link, opened without a session, turns 工单 e-mail off again; a tampered one changes nothing
  const guest = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 375, height: 800 },
  });
  const anonymous = await guest.newPage();
  await anonymous.goto(`${link.slice(0, -4)}AAAA`);
  await expect(anonymous.getByTestId('unsubscribe-error')).toContainText('退订链接无效');
  await anonymous.goto(link);
  await expect(anonymous.getByTestId('unsubscribe-done')).toContainText('您将不再收到「工单」类的邮件通知');
  await guest.close();

  await user.reload();
  await expect(user.getByRole('switch', { name: '工单 · 邮件通知' })).not.toBeChecked();
});
