import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  enableTotp,
  nextTotp,
  PASSWORD,
  registeredClient,
  type TestApp,
  TestClient,
  uniqueEmail,
} from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('registration', () => {
  it('registers by e-mail and logs the user in', async () => {
    const { client } = await registeredClient(t.app, uniqueEmail('reg'), '李雷');
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { displayName: '李雷', totpEnabled: false },
      memberships: [],
      activeOrgId: null,
    });
  });

  it('registers by mainland mobile number', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const { client } = await registeredClient(t.app, phone);
    // 脱敏: the profile shows 139****xxxx; the whole number only through the audited reveal
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    expect((await client.get('/api/auth/me')).json()).toMatchObject({ user: { phone: masked, email: null } });
    const reveal = await client.post('/api/auth/phone/reveal');
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json()).toEqual({ phone });
  });

  it('refuses an identifier that is neither e-mail nor mainland mobile, in both languages', async () => {
    const response = await new TestClient(t.app).post('/api/auth/register', {
      identifier: '12345',
      password: PASSWORD,
      displayName: 'x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.issues[0]).toMatchObject({ path: 'identifier', code: 'IDENTIFIER_INVALID' });
    expect(problem.issues[0].message['zh-CN']).toContain('手机号');
  });

  it('refuses a second account for the same e-mail, case-insensitively', async () => {
    const email = uniqueEmail('dup');
    await registeredClient(t.app, email);
    const again = await new TestClient(t.app).post('/api/auth/register', {
      identifier: email.toUpperCase(),
      password: PASSWORD,
      displayName: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'AUTH_IDENTIFIER_TAKEN', message: { 'zh-CN': '该邮箱或手机号已注册' } });
  });

  it('stores an argon2id hash, never the password', async () => {
    const { userId } = await registeredClient(t.app);
    const { getUser } = await import('./index');
    const user = await getUser(t.ctx, userId);
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.passwordHash).not.toContain(PASSWORD);
  });
});

describe('login, sessions and CSRF', () => {
  it('logs in, rotates the session and revokes the previous one', async () => {
    const { client, identifier } = await registeredClient(t.app);
    const oldCookie = client.cookie;
    const login = await client.post('/api/auth/login', { identifier, password: PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json().status).toBe('ok');
    expect(client.cookie).not.toBe(oldCookie);
    const stale = new TestClient(t.app);
    stale.cookie = oldCookie;
    expect((await stale.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('sets an httpOnly SameSite cookie', async () => {
    const response = await new TestClient(t.app).post('/api/auth/register', {
      identifier: uniqueEmail(),
      password: PASSWORD,
      displayName: 'x',
    });
    const cookie = response.cookies.find((c) => c.name === 'zh_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const { identifier } = await registeredClient(t.app);
    const wrong = await new TestClient(t.app).post('/api/auth/login', { identifier, password: 'not-the-password' });
    const unknown = await new TestClient(t.app).post('/api/auth/login', {
      identifier: uniqueEmail('nobody'),
      password: 'whatever1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks the account after five failures, even for the right password', async () => {
    const { identifier } = await registeredClient(t.app);
    const client = new TestClient(t.app);
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push((await client.post('/api/auth/login', { identifier, password: `wrong-${i}-pass` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await client.post('/api/auth/login', { identifier, password: PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json()).toMatchObject({ code: 'AUTH_LOCKED' });
    expect(right.json().message['zh-CN']).toContain('分钟后再试');
  });

  it('refuses a cookie-authenticated mutation without the CSRF token', async () => {
    const { client } = await registeredClient(t.app);
    const csrf = client.csrf;
    client.csrf = null;
    const response = await client.post('/api/auth/totp/setup');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('AUTH_CSRF_INVALID');
    client.csrf = 'forged-token';
    expect((await client.post('/api/auth/totp/setup')).statusCode).toBe(403);
    client.csrf = csrf;
    expect((await client.post('/api/auth/totp/setup')).statusCode).toBe(200);
  });

  it('lists sessions and revokes another device', async () => {
    const { client, identifier } = await registeredClient(t.app);
    const laptop = new TestClient(t.app);
    await laptop.post('/api/auth/login', { identifier, password: PASSWORD });
    const sessions = (await client.get('/api/auth/sessions')).json().items as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current);
    expect((await client.delete(`/api/auth/sessions/${other?.id}`)).statusCode).toBe(204);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logs out', async () => {
    const { client } = await registeredClient(t.app);
    const cookie = client.cookie;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const again = new TestClient(t.app);
    again.cookie = cookie;
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('two-factor authentication', () => {
  it('sets up TOTP, then asks for it at login, and accepts a recovery code once', async () => {
    const { client, identifier } = await registeredClient(t.app);
    const { secret, recoveryCodes } = await enableTotp(client);
    expect(recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/auth/me')).json()).toMatchObject({ mfa: true, user: { totpEnabled: true } });

    const browser = new TestClient(t.app);
    const step1 = await browser.post('/api/auth/login', { identifier, password: PASSWORD });
    expect(step1.json()).toMatchObject({ status: 'totp_required' });
    // With only the password step done, the session is not logged in.
    expect((await browser.get('/api/auth/me')).statusCode).toBe(401);
    const wrong = await browser.post('/api/auth/login/totp', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    const step2 = await browser.post('/api/auth/login/totp', { code: await nextTotp(secret) });
    expect(step2.statusCode).toBe(200);
    expect(step2.json()).toMatchObject({ mfa: true });

    const lost = new TestClient(t.app);
    await lost.post('/api/auth/login', { identifier, password: PASSWORD });
    expect((await lost.post('/api/auth/login/totp', { code: recoveryCodes[0] })).statusCode).toBe(200);
    const reuse = new TestClient(t.app);
    await reuse.post('/api/auth/login', { identifier, password: PASSWORD });
    expect((await reuse.post('/api/auth/login/totp', { code: recoveryCodes[0] })).statusCode).toBe(401);
  });

  it('accepts one code once when two logins send it at the same instant', async () => {
    const { client, identifier } = await registeredClient(t.app);
    const { secret } = await enableTotp(client);
    const browsers = [new TestClient(t.app), new TestClient(t.app)];
    for (const b of browsers) await b.post('/api/auth/login', { identifier, password: PASSWORD });
    const code = await nextTotp(secret);
    const answers = await Promise.all(browsers.map((b) => b.post('/api/auth/login/totp', { code })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
  });

  it('refuses enabling with a wrong code and keeps 2FA off', async () => {
    const { client } = await registeredClient(t.app);
    await client.post('/api/auth/totp/setup');
    const response = await client.post('/api/auth/totp/enable', { code: '123456' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('AUTH_TOTP_INVALID');
    expect((await client.get('/api/auth/me')).json().user.totpEnabled).toBe(false);
  });

  it('step-up needs a fresh code and refuses a replayed one', async () => {
    const { client } = await registeredClient(t.app);
    const { secret } = await enableTotp(client);
    const code = await nextTotp(secret, 1);
    const first = await client.post('/api/auth/step-up', { code });
    expect(first.statusCode).toBe(200);
    expect(Date.parse(first.json().stepUpUntil)).toBeGreaterThan(Date.now());
    const replay = await client.post('/api/auth/step-up', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('AUTH_TOTP_INVALID');
  });

  it('regenerates recovery codes only with a valid code', async () => {
    const { client } = await registeredClient(t.app);
    const { secret, recoveryCodes } = await enableTotp(client);
    expect((await client.post('/api/auth/totp/recovery-codes', { code: '999999' })).statusCode).toBe(400);
    const fresh = await client.post('/api/auth/totp/recovery-codes', { code: await nextTotp(secret) });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().recoveryCodes).not.toContain(recoveryCodes[0]);
  });
});
