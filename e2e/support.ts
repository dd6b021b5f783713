import { createHmac, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { creditCodeCheckChar } from '../packages/contracts/src/credit-code.ts';

export const E2E_PASSWORD = 'Zhuhe-e2e-2025!';
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now()}-${randomInt(1_000_000)}@example.com`;
}

/** A valid 统一社会信用代码: 91 (enterprise), a region, random characters, GB 32100 check character. */
export function generateCreditCode(region = '330100'): string {
  let body = `91${region}`;
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckChar(body);
}

function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of input.toUpperCase().replace(/[\s=]/g, '')) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (HMAC-SHA-1, 30 s, 6 digits) for the time step `stepOffset` steps from now. */
export function totp(secret: string, stepOffset = 0): string {
  return totpAt(secret, Math.floor(Date.now() / 30_000) + stepOffset);
}

function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (hmac[hmac.length - 1] as number) & 0x0f;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * The demo accounts' secrets are shared by several journeys, and the server refuses any step at or before the last
 * one it accepted for that user. The last step each secret was used for is kept in a file, so a journey in another
 * file (or another worker) never sends a step that an earlier one used.
 */
const USED_STEPS = join(tmpdir(), 'zhuhe-e2e-totp-steps');

function lastUsedStep(secret: string): number {
  try {
    return Number(readFileSync(join(USED_STEPS, secret), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/**
 * A code for a step no journey has used yet for `secret`: the current step, or the next one (the server accepts one
 * step of drift) when the current one was used or is about to end; waits when even that is taken.
 */
export async function unusedTotp(secret: string): Promise<string> {
  const current = () => Math.floor(Date.now() / 30_000);
  const endingSoon = () => 30_000 - (Date.now() % 30_000) < 5_000;
  const candidate = () => Math.max(current() + (endingSoon() ? 1 : 0), lastUsedStep(secret) + 1);
  let step = candidate();
  while (step > current() + 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    step = candidate();
  }
  mkdirSync(USED_STEPS, { recursive: true });
  writeFileSync(join(USED_STEPS, secret), String(step));
  return totpAt(secret, step);
}

/** Waits when the current step is about to end, so a code does not expire between typing and sending. */
export async function awaitFreshStep(): Promise<void> {
  const remaining = 30_000 - (Date.now() % 30_000);
  if (remaining < 5_000) await new Promise((resolve) => setTimeout(resolve, remaining + 250));
}

export interface Party {
  email: string;
  secret: string;
  orgId: string;
  creditCode: string;
  orgName: string;
}

/**
 * Registers a user with 2FA and an organisation through the API. 2FA is enabled with the previous step's code,
 * so the current and next steps stay free for the log-in and a step-up.
 */
export async function createParty(request: APIRequestContext, orgName: string, roles: string[]): Promise<Party> {
  const email = uniqueEmail();
  const registered = await request.post('/api/auth/register', {
    data: { identifier: email, password: E2E_PASSWORD, displayName: `${orgName.slice(0, 4)}负责人` },
  });
  const headers = { 'x-csrf-token': ((await registered.json()) as { csrfToken: string }).csrfToken };
  const { secret } = (await (await request.post('/api/auth/totp/setup', { headers })).json()) as { secret: string };
  await awaitFreshStep();
  const enabled = await request.post('/api/auth/totp/enable', { headers, data: { code: totp(secret, -1) } });
  if (!enabled.ok()) throw new Error(`enable 2FA failed: ${await enabled.text()}`);
  const creditCode = generateCreditCode();
  const org = await request.post('/api/orgs', { headers, data: { name: orgName, creditCode, businessRoles: roles } });
  if (!org.ok()) throw new Error(`create org failed: ${await org.text()}`);
  await request.post('/api/auth/logout', { headers });
  return { email, secret, orgId: ((await org.json()) as { id: string }).id, creditCode, orgName };
}

/** Logs in through the pages, with the TOTP step. */
export async function loginWithTotp(page: Page, party: Party): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(party.email);
  await page.getByLabel('密码', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByLabel('动态口令或恢复码').fill(await unusedTotp(party.secret));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await page.waitForURL(/\/workspace/);
}

/** The password of every demo account (README). */
export const DEMO_PASSWORD = 'Zhuhe@2026';

/**
 * Signs a demo account in through the page; staff accounts (with `secret`) also answer the one-time code of their
 * fixed demo secret, in a step no journey has used yet.
 */
export async function demoLogin(page: Page, email: string, secret?: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  if (secret) {
    await page.getByLabel('动态口令或恢复码').fill(await unusedTotp(secret));
    await page.getByRole('button', { name: '验证并登录' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The WCAG 2.1 A and AA rules of axe: what issue 25 (WCAG 2.1 AA, GB/T 37668-2019) asks of every page. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The violations of the WCAG 2.1 A and AA rules on the page as it is now. Finite animations (a toast fading in, a
 * drawer sliding) are let finish first: half-way through, axe measures the contrast of half-transparent text.
 */
export async function axeViolations(page: Page) {
  // a string, because this file is compiled without the DOM's types
  await page.evaluate(`Promise.all(
    document.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => undefined)),
  )`);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations;
}

/**
 * Fails when axe finds a violation of the WCAG 2.1 A or AA rules on the page; the message lists each rule with its
 * impact and the selectors of the elements, so the failure says what to fix.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`,
  );
  throw new Error(`${label}: ${violations.length} accessibility rule(s) violated\n${lines.join('\n')}`);
}

/** The JSON of a response that must succeed; otherwise an error that says which request failed and why. */
export async function json<T>(response: Promise<APIResponse>): Promise<T> {
  const r = await response;
  if (!r.ok()) throw new Error(`${r.url()} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The organisation the signed-in page acts for. */
export async function activeOrgId(page: Page): Promise<string> {
  return (await json<{ activeOrgId: string }>(page.request.get('/api/auth/me'))).activeOrgId;
}

/** The balance of the organisation's wallet, in fen. */
export async function walletFen(page: Page, orgId: string): Promise<number> {
  const wallet = await json<{ accounts: { kind: string; balanceFen: number }[] }>(
    page.request.get(`/api/orgs/${orgId}/wallet`),
  );
  return wallet.accounts.find((a) => a.kind === 'org_wallet')?.balanceFen ?? 0;
}

/**
 * How many of the page's user's in-app notifications mention `text`, read through the API with the page's own
 * session: notices are written by after-commit jobs, and the bell fetches its list only when opened, so a journey
 * waits on this before it opens the bell.
 */
export async function notificationsAbout(page: Page, text: string): Promise<number> {
  const body = (await (await page.request.get('/api/notifications')).json()) as {
    items?: { title?: string; body?: string }[];
  };
  return (body.items ?? []).filter((n) => `${n.title ?? ''} ${n.body ?? ''}`.includes(text)).length;
}
