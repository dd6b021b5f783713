import {
  EmailVerifyBody,
  LoginBody,
  LoginResult,
  Me,
  PasswordResetBody,
  PasswordResetRequestBody,
  PhoneVerifyBody,
  RecoveryCodes,
  RegisterBody,
  RevealedPhone,
  SessionList,
  SessionParams,
  StepUpResult,
  TotpCodeBody,
  TotpSetup,
} from '@zhuhe/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { type ActorResolver, requireActor, SESSION_COOKIE } from '../../infra/http/access';
import type { SmsSender } from '../../infra/sms/sms';
import {
  requestEmailVerification,
  requestPasswordReset,
  requestPhoneVerification,
  resetPassword,
  verifyEmail,
  verifyPhone,
} from './identity.account';
import { identityErrors } from './identity.errors';
import { identityPermissions as perm } from './identity.policy';
import { presentMe } from './identity.presenter';
import * as service from './identity.service';

const tags = ['identity'];

export function identityRoutes(ctx: AppContext, resolver: ActorResolver, sms: SmsSender): FastifyPluginAsyncZod {
  const meta = (request: FastifyRequest): service.RequestMeta => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });

  const setCookie = (reply: FastifyReply, opened: service.OpenedSession) => {
    reply.setCookie(SESSION_COOKIE, opened.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.cookieSecure,
      path: '/',
      expires: opened.session.expiresAt,
    });
  };

  /** The Me of a freshly opened session. */
  const meOf = async (request: FastifyRequest, opened: service.OpenedSession, user: service.UserRow) => {
    const actor = await resolver.resolve(opened.token, request);
    if (!actor) throw identityErrors.raise('AUTH_SESSION_NOT_FOUND');
    return presentMe(user, actor, ctx.config.stepUpMinutes);
  };

  return async (app) => {
    app.post(
      '/api/auth/register',
      {
        config: { permission: perm.register },
        schema: { tags, summary: '注册 register', body: RegisterBody, response: { 201: Me } },
      },
      async (request, reply) => {
        const result = await service.registerUser(ctx, request.body, meta(request));
        request.auditOverride = { actorUserId: result.user.id, target: `user ${result.user.id}` };
        setCookie(reply, result);
        return reply.status(201).send(await meOf(request, result, result.user));
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: {
          permission: perm.login,
          rateLimit: { max: ctx.config.rateLimit.loginMax, timeWindow: '1 minute' },
        },
        schema: { tags, summary: '登录 log in (password step)', body: LoginBody, response: { 200: LoginResult } },
      },
      async (request, reply) => {
        const outcome = await service.login(ctx, request.body, meta(request), request.actor?.sessionId ?? null);
        request.auditOverride = { actorUserId: outcome.user.id, target: `session ${outcome.session.id}` };
        setCookie(reply, outcome);
        if (outcome.status === 'totp_required')
          return { status: 'totp_required' as const, csrfToken: outcome.session.csrfToken };
        return { status: 'ok' as const, me: await meOf(request, outcome, outcome.user) };
      },
    );

    app.post(
      '/api/auth/login/totp',
      {
        config: {
          permission: perm.loginTotp,
          rateLimit: { max: ctx.config.rateLimit.loginMax, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: '登录第二步 log in (TOTP or recovery code)',
          body: TotpCodeBody,
          response: { 200: Me },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const result = await service.completeTotpLogin(ctx, actor, request.body.code, meta(request));
        request.auditOverride = {
          target: `session ${result.session.id}${result.usedRecoveryCode ? ' recovery-code' : ''}`,
        };
        setCookie(reply, result);
        return meOf(request, result, result.user);
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { permission: perm.logout }, schema: { tags, summary: '退出 log out', response: { 204: z.null() } } },
      async (request, reply) => {
        await service.logout(ctx, requireActor(request).sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      { config: { permission: perm.me }, schema: { tags, summary: '当前用户 current user', response: { 200: Me } } },
      async (request) => {
        const actor = requireActor(request);
        const user = await service.getUser(ctx, actor.userId);
        if (!user) throw identityErrors.raise('AUTH_SESSION_NOT_FOUND');
        return presentMe(user, actor, ctx.config.stepUpMinutes);
      },
    );

    app.get(
      '/api/auth/sessions',
      {
        config: { permission: perm.listSessions },
        schema: { tags, summary: '登录设备 sessions', response: { 200: SessionList } },
      },
      async (request) => {
        const actor = requireActor(request);
        const rows = await service.listSessions(ctx, actor.userId);
        return {
          items: rows.map((s) => ({
            id: s.id,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            expiresAt: s.expiresAt.toISOString(),
            ip: s.ip,
            userAgent: s.userAgent,
            current: s.id === actor.sessionId,
          })),
        };
      },
    );

    app.delete(
      '/api/auth/sessions/:sessionId',
      {
        config: { permission: perm.revokeSession },
        schema: { tags, summary: '注销会话 revoke a session', params: SessionParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.revokeSession(ctx, requireActor(request).userId, request.params.sessionId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/totp/setup',
      {
        config: { permission: perm.totpSetup },
        schema: { tags, summary: '开始设置动态口令 start TOTP set-up', response: { 200: TotpSetup } },
      },
      async (request) => service.startTotpSetup(ctx, requireActor(request).userId),
    );

    app.post(
      '/api/auth/totp/enable',
      {
        config: { permission: perm.totpEnable },
        schema: { tags, summary: '启用动态口令 enable TOTP', body: TotpCodeBody, response: { 200: RecoveryCodes } },
      },
      async (request) => {
        const actor = requireActor(request);
        return { recoveryCodes: await service.enableTotp(ctx, actor.userId, actor.sessionId, request.body.code) };
      },
    );

    app.post(
      '/api/auth/totp/recovery-codes',
      {
        config: { permission: perm.recoveryCodes },
        schema: {
          tags,
          summary: '重新生成恢复码 regenerate recovery codes',
          body: TotpCodeBody,
          response: { 200: RecoveryCodes },
        },
      },
      async (request) => ({
        recoveryCodes: await service.regenerateRecoveryCodes(ctx, requireActor(request).userId, request.body.code),
      }),
    );

    app.post(
      '/api/auth/step-up',
      {
        config: { permission: perm.stepUp, rateLimit: { max: ctx.config.rateLimit.loginMax, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '二次验证 step-up with a fresh TOTP',
          body: TotpCodeBody,
          response: { 200: StepUpResult },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const until = await service.stepUp(ctx, actor.userId, actor.sessionId, request.body.code);
        return { stepUpUntil: until.toISOString() };
      },
    );

    // Account basics: password reset by link, e-mail and mobile verification. Sending routes are rate-limited
    // per address like login, and each user gets at most a few links or codes an hour.
    const limited = { max: ctx.config.rateLimit.loginMax, timeWindow: '1 minute' };
    const Accepted = z.object({ ok: z.literal(true) });

    app.post(
      '/api/auth/password-reset',
      {
        config: { permission: perm.passwordReset, rateLimit: limited },
        schema: {
          tags,
          summary: '忘记密码 send a reset link (same answer whether or not the account exists)',
          body: PasswordResetRequestBody,
          response: { 202: Accepted },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(ctx, sms, request.body.identifier);
        request.auditOverride = { actorUserId: null, target: 'password-reset' };
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/api/auth/password-reset/confirm',
      {
        config: { permission: perm.passwordReset, rateLimit: limited },
        schema: {
          tags,
          summary: '重置密码 set a new password with the link',
          body: PasswordResetBody,
          response: { 200: Accepted },
        },
      },
      async (request) => {
        await resetPassword(ctx, request.body.token, request.body.password);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/email/verification',
      {
        config: { permission: perm.requestVerification, rateLimit: limited },
        schema: { tags, summary: '发送邮箱验证链接', response: { 202: Accepted } },
      },
      async (request, reply) => {
        await requestEmailVerification(ctx, requireActor(request).userId);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/api/auth/email/verify',
      {
        config: { permission: perm.verifyEmail, rateLimit: limited },
        schema: { tags, summary: '打开邮箱验证链接', body: EmailVerifyBody, response: { 200: Accepted } },
      },
      async (request) => {
        await verifyEmail(ctx, request.body.token);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/phone/verification',
      {
        config: { permission: perm.requestVerification, rateLimit: limited },
        schema: { tags, summary: '发送手机验证码（短信适配器）', response: { 202: Accepted } },
      },
      async (request, reply) => {
        await requestPhoneVerification(ctx, sms, requireActor(request).userId);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/api/auth/phone/verify',
      {
        config: { permission: perm.verifyPhone, rateLimit: limited },
        schema: { tags, summary: '校验手机验证码', body: PhoneVerifyBody, response: { 200: Accepted } },
      },
      async (request) => {
        await verifyPhone(ctx, requireActor(request).userId, request.body.code);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/phone/reveal',
      {
        config: { permission: perm.revealPhone },
        schema: {
          tags,
          summary: '显示完整手机号（本人，记审计） reveal my mobile number',
          response: { 200: RevealedPhone },
        },
      },
      async (request) => {
        const userId = requireActor(request).userId;
        const phone = await service.revealOwnPhone(ctx, userId);
        request.auditOverride = { target: `user ${userId} phone` };
        return { phone };
      },
    );
  };
}
