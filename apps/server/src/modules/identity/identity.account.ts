import { randomInt } from 'node:crypto';
import type { AppContext } from '../../infra/context';
import { lookupHash, randomToken, sha256Hex } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import type { SmsSender } from '../../infra/sms/sms';
import { recordProductEvent } from '../analytics';
import { identityErrors } from './identity.errors';
import { assertStrongPassword } from './identity.password';
import * as repo from './identity.repository';
import { hashPassword, normaliseIdentifier } from './identity.service';

const RESET_MINUTES = 30;
const EMAIL_VERIFY_HOURS = 24;
const SMS_CODE_MINUTES = 10;
const SMS_CODE_ATTEMPTS = 5;
/** at most this many links or codes of one kind per user and hour (against mail and SMS bombing) */
const SENDS_PER_HOUR = 5;

function baseUrl(ctx: AppContext): string {
  return (ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/$/, '');
}

async function underSendCap(ctx: AppContext, userId: string, purpose: repo.AccountTokenPurpose, now: Date) {
  return (await repo.tokensSentSince(ctx.db, userId, purpose, new Date(now.getTime() - 3_600_000))) < SENDS_PER_HOUR;
}

/**
 * 忘记密码 sends a reset link to the account's e-mail address. The answer is the same whether or not the account
 * exists, so the form cannot be used to find out who has one; an account without e-mail gets the link by SMS.
 */
export async function requestPasswordReset(ctx: AppContext, sms: SmsSender, identifier: string): Promise<void> {
  const user = await repo.findUserByIdentifier(ctx.db, ctx.config, normaliseIdentifier(identifier));
  const now = new Date();
  if (!user || !(await underSendCap(ctx, user.id, 'password_reset', now))) return;
  const token = randomToken();
  const target = user.email ?? user.phone ?? '';
  const link = `${baseUrl(ctx)}/reset-password?token=${token}`;
  await ctx.db.transaction(async (tx) => {
    await repo.retireTokens(tx, user.id, 'password_reset', now);
    await repo.insertAccountToken(tx, {
      id: newId(),
      userId: user.id,
      purpose: 'password_reset',
      tokenHash: sha256Hex(token),
      target,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
      createdAt: now,
    });
    if (user.email)
      await queueMail(
        ctx.jobs,
        {
          to: user.email,
          subject: '筑合：重置密码 / Reset your password',
          text:
            `${user.displayName}，您好：\n\n请在 ${RESET_MINUTES} 分钟内打开以下链接设置新密码（仅可使用一次）：\n${link}\n\n` +
            '如非本人操作，请忽略本邮件，您的密码不会改变。\n\n' +
            `Open this link within ${RESET_MINUTES} minutes to set a new password (it works once):\n${link}\n` +
            'If you did not ask for this, ignore this message; your password stays as it is.',
        },
        { tx },
      );
  });
  if (!user.email && user.phone)
    await sms.send({ to: user.phone, text: `【筑合】重置密码链接（${RESET_MINUTES}分钟内有效）：${link}` });
  await recordProductEvent(ctx, { name: 'user.password_reset_requested', userId: user.id, properties: {} });
}

/** 重置密码 sets a new password with a reset link: once, before it expires; every session of the account ends. */
export async function resetPassword(ctx: AppContext, token: string, password: string): Promise<void> {
  const now = new Date();
  const row = await repo.liveTokenByHash(ctx.db, 'password_reset', sha256Hex(token), now);
  const user = row ? await repo.findUserById(ctx.db, ctx.config, row.userId) : undefined;
  if (!row || !user) throw identityErrors.raise('AUTH_TOKEN_INVALID');
  assertStrongPassword(password, [user.email ?? '', user.phone ?? '', user.displayName]);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.useToken(tx, row.id, now))) throw identityErrors.raise('AUTH_TOKEN_INVALID');
    await repo.updateUser(tx, user.id, {
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      // opening the link proved the address it was sent to
      ...(user.email && row.target === user.email && !user.emailVerifiedAt ? { emailVerifiedAt: now } : {}),
    });
    await repo.revokeAllSessions(tx, user.id, now);
  });
  await recordProductEvent(ctx, { name: 'user.password_reset', userId: user.id, properties: {} });
}

/** 邮箱验证 sends a verification link to the user's e-mail address. */
export async function requestEmailVerification(ctx: AppContext, userId: string): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.config, userId);
  if (!user?.email) throw identityErrors.raise('AUTH_VERIFICATION_UNAVAILABLE');
  if (user.emailVerifiedAt) throw identityErrors.raise('AUTH_ALREADY_VERIFIED');
  const now = new Date();
  if (!(await underSendCap(ctx, user.id, 'email_verification', now))) throw identityErrors.raise('AUTH_TOO_MANY_SENDS');
  const token = randomToken();
  const link = `${baseUrl(ctx)}/verify-email?token=${token}`;
  const email = user.email;
  await ctx.db.transaction(async (tx) => {
    await repo.retireTokens(tx, user.id, 'email_verification', now);
    await repo.insertAccountToken(tx, {
      id: newId(),
      userId: user.id,
      purpose: 'email_verification',
      tokenHash: sha256Hex(token),
      target: email,
      expiresAt: new Date(now.getTime() + EMAIL_VERIFY_HOURS * 3_600_000),
      createdAt: now,
    });
    await queueMail(
      ctx.jobs,
      {
        to: email,
        subject: '筑合：验证邮箱 / Verify your e-mail address',
        text:
          `${user.displayName}，您好：\n\n请在 ${EMAIL_VERIFY_HOURS} 小时内打开以下链接验证邮箱：\n${link}\n\n` +
          `Open this link within ${EMAIL_VERIFY_HOURS} hours to verify your e-mail address:\n${link}\n`,
      },
      { tx },
    );
  });
}

/** Opens a verification link: the address is verified if it is still the account's address. */
export async function verifyEmail(ctx: AppContext, token: string): Promise<void> {
  const now = new Date();
  const row = await repo.liveTokenByHash(ctx.db, 'email_verification', sha256Hex(token), now);
  const user = row ? await repo.findUserById(ctx.db, ctx.config, row.userId) : undefined;
  if (!row || !user || user.email !== row.target) throw identityErrors.raise('AUTH_TOKEN_INVALID');
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.useToken(tx, row.id, now))) throw identityErrors.raise('AUTH_TOKEN_INVALID');
    await repo.updateUser(tx, user.id, { emailVerifiedAt: now });
  });
}

function smsCodeHash(ctx: AppContext, userId: string, code: string): string {
  return lookupHash(ctx.config.lookupKey, `sms-code:${userId}:${code}`);
}

/** 手机验证 sends a 6-digit code by SMS (through the SMS adapter) to the user's mobile number. */
export async function requestPhoneVerification(ctx: AppContext, sms: SmsSender, userId: string): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.config, userId);
  if (!user?.phone) throw identityErrors.raise('AUTH_VERIFICATION_UNAVAILABLE');
  if (user.phoneVerifiedAt) throw identityErrors.raise('AUTH_ALREADY_VERIFIED');
  const now = new Date();
  if (!(await underSendCap(ctx, user.id, 'phone_verification', now))) throw identityErrors.raise('AUTH_TOO_MANY_SENDS');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.transaction(async (tx) => {
    await repo.retireTokens(tx, user.id, 'phone_verification', now);
    await repo.insertAccountToken(tx, {
      id: newId(),
      userId: user.id,
      purpose: 'phone_verification',
      tokenHash: smsCodeHash(ctx, user.id, code),
      // the number's look-up hash, not the number: account_tokens holds no plaintext phone (PLAT-2)
      target: repo.phoneHash(ctx.config, user.phone as string),
      expiresAt: new Date(now.getTime() + SMS_CODE_MINUTES * 60_000),
      createdAt: now,
    });
  });
  await sms.send({ to: user.phone, text: `【筑合】您的手机验证码为 ${code}，${SMS_CODE_MINUTES} 分钟内有效。` });
}

/** Checks the SMS code: five wrong tries end it; the number is verified if it is still the account's. */
export async function verifyPhone(ctx: AppContext, userId: string, code: string): Promise<void> {
  const now = new Date();
  const row = await repo.latestLiveToken(ctx.db, userId, 'phone_verification', now);
  const user = await repo.findUserById(ctx.db, ctx.config, userId);
  if (
    !row ||
    !user ||
    !user.phone ||
    repo.phoneHash(ctx.config, user.phone) !== row.target ||
    row.attempts >= SMS_CODE_ATTEMPTS
  )
    throw identityErrors.raise('AUTH_TOKEN_INVALID');
  if (row.tokenHash !== smsCodeHash(ctx, userId, code.trim())) {
    if ((await repo.countTokenAttempt(ctx.db, row.id)) >= SMS_CODE_ATTEMPTS) await repo.useToken(ctx.db, row.id, now);
    throw identityErrors.raise('AUTH_TOKEN_INVALID');
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.useToken(tx, row.id, now))) throw identityErrors.raise('AUTH_TOKEN_INVALID');
    await repo.updateUser(tx, user.id, { phoneVerifiedAt: now });
  });
}
