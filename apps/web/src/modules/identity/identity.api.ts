import {
  type LoginBody,
  LoginResult,
  Me,
  RecoveryCodes,
  type RegisterBody,
  RevealedPhone,
  SessionList,
  StepUpResult,
  TotpSetup,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { ApiError, apiRequest, apiRequestVoid } from '../../app/api-client';

export type MeData = z.infer<typeof Me>;
export type LoginResultData = z.infer<typeof LoginResult>;
export type SessionInfoData = z.infer<typeof SessionList>['items'][number];
export type TotpSetupData = z.infer<typeof TotpSetup>;
export type RecoveryCodesData = z.infer<typeof RecoveryCodes>;
export type StepUpResultData = z.infer<typeof StepUpResult>;
export type RegisterInput = z.input<typeof RegisterBody>;
export type LoginInput = z.input<typeof LoginBody>;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<MeData | null> {
  try {
    return await apiRequest('GET', '/api/auth/me', Me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function register(body: RegisterInput): Promise<MeData> {
  return apiRequest('POST', '/api/auth/register', Me, { body });
}

export function login(body: LoginInput): Promise<LoginResultData> {
  return apiRequest('POST', '/api/auth/login', LoginResult, { body });
}

export function loginWithTotp(code: string): Promise<MeData> {
  return apiRequest('POST', '/api/auth/login/totp', Me, { body: { code } });
}

export function logout(): Promise<void> {
  return apiRequestVoid('POST', '/api/auth/logout');
}

export async function fetchSessions(): Promise<SessionInfoData[]> {
  const list = await apiRequest('GET', '/api/auth/sessions', SessionList);
  return list.items;
}

export function revokeSession(sessionId: string): Promise<void> {
  return apiRequestVoid('DELETE', `/api/auth/sessions/${encodeURIComponent(sessionId)}`);
}

export function setupTotp(): Promise<TotpSetupData> {
  return apiRequest('POST', '/api/auth/totp/setup', TotpSetup);
}

export function enableTotp(code: string): Promise<RecoveryCodesData> {
  return apiRequest('POST', '/api/auth/totp/enable', RecoveryCodes, { body: { code } });
}

export function regenerateRecoveryCodes(code: string): Promise<RecoveryCodesData> {
  return apiRequest('POST', '/api/auth/totp/recovery-codes', RecoveryCodes, { body: { code } });
}

export function stepUp(code: string): Promise<StepUpResultData> {
  return apiRequest('POST', '/api/auth/step-up', StepUpResult, { body: { code } });
}

/** 忘记密码: the server answers the same whether or not the account exists. */
export function requestPasswordReset(identifier: string): Promise<void> {
  return apiRequestVoid('POST', '/api/auth/password-reset', { body: { identifier } });
}

/** 重置密码 with the token from the mailed link; every session of the account ends. */
export function confirmPasswordReset(token: string, password: string): Promise<void> {
  return apiRequestVoid('POST', '/api/auth/password-reset/confirm', { body: { token, password } });
}

/** 邮箱验证 with the token from the mailed link (no session needed). */
export function verifyEmail(token: string): Promise<void> {
  return apiRequestVoid('POST', '/api/auth/email/verify', { body: { token } });
}

/** 显示完整手机号 the signed-in user's own number in full (the server audits every call). */
export async function revealMyPhone(): Promise<string> {
  return (await apiRequest('POST', '/api/auth/phone/reveal', RevealedPhone)).phone;
}
