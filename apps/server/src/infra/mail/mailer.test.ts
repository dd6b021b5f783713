import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailCatcher, smtpMailer } from './mailer';

const catcher = new MailCatcher();
beforeAll(async () => {
  await catcher.start();
});
afterAll(async () => {
  await catcher.stop();
});

describe('mail over SMTP', () => {
  it('delivers a Chinese message through a real SMTP conversation to the catcher', async () => {
    const mailer = smtpMailer(`smtp://127.0.0.1:${catcher.port}`, '筑合 ZhuHe <noreply@example.com>');
    await mailer.send({ to: 'buyer@example.com', subject: '新的匹配推荐', text: '您的需求已匹配 5 家供应商。' });
    await expect.poll(() => catcher.messages.length).toBe(1);
    expect(catcher.messages[0]).toMatchObject({ to: ['buyer@example.com'], subject: '新的匹配推荐' });
    expect(catcher.messages[0]?.text).toContain('匹配 5 家供应商');
  });
});
