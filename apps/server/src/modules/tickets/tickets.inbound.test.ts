import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { listForOrg, queueForStaff, ticketForStaff } from './index';

let tc: TestContext;
let org: BuiltOrg;
let port: number;

const send = (message: { from: string; to: string; subject: string; text: string }) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }).sendMail(message);

beforeAll(async () => {
  tc = await createTestContext();
  org = await buildOrg(tc.ctx, { roles: ['GC'] });
  // off unless opened: this test opens the support address on a free port
  port = await tc.modules.tickets.api.inbound.start(0);
});
afterAll(async () => {
  await tc.modules.tickets.api.inbound.stop();
  await tc.close();
});

describe('support@ over real SMTP', () => {
  it('turns a member’s message into a ticket of their organisation', async () => {
    await send({
      from: `"项目经理" <${org.email.toUpperCase()}>`,
      to: tc.ctx.config.support.address,
      subject: '电子签章失败',
      text: '合同签署时提示证书过期，请协助。',
    });
    const { items } = await listForOrg(tc.ctx, org.orgId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ channel: 'email', subject: '电子签章失败', status: 'new', line: 1 });
    const t = await ticketForStaff(tc.ctx, items[0]?.id as string);
    expect(t.messages[0]?.body).toContain('证书过期');
    expect(t.requester.guest).toBe(false);
  });

  it('takes a stranger’s message as a guest contact', async () => {
    await send({
      from: 'zhao.min@outside.example',
      to: tc.ctx.config.support.address,
      subject: '如何注册供应商',
      text: '我们是钢材供应商，想入驻平台。',
    });
    const { items } = await queueForStaff(tc.ctx, { state: 'open' });
    expect(items.find((i) => i.subject === '如何注册供应商')?.requester).toMatchObject({
      guest: true,
      email: 'zhao.min@outside.example',
    });
  });

  it('refuses mail for any other mailbox', async () => {
    await expect(
      send({ from: 'a@outside.example', to: 'sales@zhuhe.example', subject: '广告', text: '推广' }),
    ).rejects.toThrow(/No such mailbox|550/);
    const { items } = await queueForStaff(tc.ctx, { state: 'all' });
    expect(items.some((i) => i.subject === '广告')).toBe(false);
  });
});
