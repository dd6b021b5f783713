import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggingSms } from '../../infra/sms/sms';
import { createTestApp, PASSWORD, registeredClient, type TestApp, TestClient, uniqueEmail } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function mailTo(email: string): Promise<string> {
  await t.ctx.jobs.runDue();
  const mail = [...t.mailer.sent].reverse().find((m) => m.to === email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail.text ?? '';
}
const tokenIn = (text: string, path: string) => new RegExp(`${path}\\?token=([\\w-]+)`).exec(text)?.[1] ?? '';

describe('weak passwords', () => {
  it('refuses common and short passwords at registration in both languages, and registers nobody', async () => {
    for (const password of ['password', 'Password1', 'qwertyuiop12']) {
      const email = uniqueEmail('weak');
      const refused = await new TestClient(t.app).post('/api/auth/register', {
        identifier: email,
        password,
        displayName: '弱密码 测试',
      });
      expect(refused.statusCode, password).toBe(400);
      expect(['AUTH_PASSWORD_WEAK', 'VALIDATION_FAILED']).toContain(refused.json().code);
      const login = await new TestClient(t.app).post('/api/auth/login', { identifier: email, password });
      expect(login.statusCode).toBe(401);
    }
    const guessable = await new TestClient(t.app).post('/api/auth/register', {
      identifier: uniqueEmail('weak'),
      password: 'Password1234',
      displayName: '弱密码 测试',
    });
    expect(guessable.json().code).toBe('AUTH_PASSWORD_WEAK');
    expect(guessable.json().issues[0].message['zh-CN']).toContain('常见');
    expect(guessable.json().issues[0].message.en).toContain('easy to guess');
  });
});

describe('password reset by e-mail link', () => {
  it('mails a one-time link, sets the new password, ends old sessions; unknown accounts get the same answer', async () => {
    const { client, identifier } = await registeredClient(t.app);
    const unknown = await new TestClient(t.app).post('/api/auth/password-reset', { identifier: uniqueEmail('nobody') });
    const asked = await new TestClient(t.app).post('/api/auth/password-reset', { identifier });
    expect([unknown.statusCode, asked.statusCode]).toEqual([202, 202]);
    expect(unknown.json()).toEqual(asked.json());
    const token = tokenIn(await mailTo(identifier), '/reset-password');
    expect(token.length).toBeGreaterThan(20);

    const weak = await new TestClient(t.app).post('/api/auth/password-reset/confirm', { token, password: 'Password1' });
    expect(weak.json().code).toBe('AUTH_PASSWORD_WEAK');
    const NEW = 'Blue-Lantern-Harbour-42';
    const done = await new TestClient(t.app).post('/api/auth/password-reset/confirm', { token, password: NEW });
    expect(done.statusCode, done.body).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const again = await new TestClient(t.app).post('/api/auth/password-reset/confirm', { token, password: NEW });
    expect(again.json().code).toBe('AUTH_TOKEN_INVALID');
    expect(again.json().message.en).toContain('expired');
    expect((await new TestClient(t.app).post('/api/auth/login', { identifier, password: PASSWORD })).statusCode).toBe(
      401,
    );
    const fresh = new TestClient(t.app);
    expect((await fresh.post('/api/auth/login', { identifier, password: NEW })).statusCode).toBe(200);
    // the link proved the address
    expect((await fresh.get('/api/auth/me')).json().user.emailVerified).toBe(true);
  });
});

describe('e-mail and mobile verification', () => {
  it('verifies the e-mail address by link', async () => {
    const { client, identifier } = await registeredClient(t.app);
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(false);
    expect((await new TestClient(t.app).post('/api/auth/email/verification')).statusCode).toBe(401);
    expect((await client.post('/api/auth/email/verification')).statusCode).toBe(202);
    const token = tokenIn(await mailTo(identifier), '/verify-email');
    const bad = await new TestClient(t.app).post('/api/auth/email/verify', { token: 'x'.repeat(40) });
    expect(bad.json().code).toBe('AUTH_TOKEN_INVALID');
    expect((await new TestClient(t.app).post('/api/auth/email/verify', { token })).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(true);
    expect((await client.post('/api/auth/email/verification')).json().code).toBe('AUTH_ALREADY_VERIFIED');
  });

  it('verifies the mobile number by an SMS code through the SMS adapter; five wrong codes end it', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const { client } = await registeredClient(t.app, phone);
    const sms = t.app.modules.identity.api.sms as LoggingSms;
    expect((await client.post('/api/auth/phone/verification')).statusCode).toBe(202);
    const code = /(\d{6})/.exec(sms.sent.at(-1)?.text ?? '')?.[1] as string;
    expect(sms.sent.at(-1)?.to).toBe(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await client.post('/api/auth/phone/verify', { code: wrong });
    expect(refused.json().code).toBe('AUTH_TOKEN_INVALID');
    expect((await client.post('/api/auth/phone/verify', { code })).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().user.phoneVerified).toBe(true);

    const other = await registeredClient(t.app, `138${String(Date.now()).slice(-8)}`);
    await other.client.post('/api/auth/phone/verification');
    const right = /(\d{6})/.exec(sms.sent.at(-1)?.text ?? '')?.[1] as string;
    const miss = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await other.client.post('/api/auth/phone/verify', { code: miss });
    expect((await other.client.post('/api/auth/phone/verify', { code: right })).json().code).toBe('AUTH_TOKEN_INVALID');
    // an e-mail-only account has no number to verify
    const mailOnly = await registeredClient(t.app);
    expect((await mailOnly.client.post('/api/auth/phone/verification')).json().code).toBe(
      'AUTH_VERIFICATION_UNAVAILABLE',
    );
  });
});
