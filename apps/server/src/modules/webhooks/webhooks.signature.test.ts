import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhooks.signature';

const secret = 'whsec_test_3q2+7w==';
const body = JSON.stringify({ id: '0193a0b0-0000-7000-8000-000000000001', type: 'ping', data: {} });
const sentAt = new Date('2026-12-06T08:00:00Z');
const t = Math.floor(sentAt.getTime() / 1000);

describe('webhook signature ZhuHe-Signature', () => {
  it('verifies with the documented recipe: hex HMAC-SHA256 of "<t>.<raw body>"', () => {
    // the recipe of docs/webhooks.md, computed independently of signWebhook
    const recipe = `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
    expect(signWebhook(body, secret, t)).toBe(recipe);
    expect(verifyWebhookSignature(body, recipe, secret, 300, new Date(sentAt.getTime() + 30_000))).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it('fails for a tampered body, another secret or a forged header', () => {
    const header = signWebhook(body, secret, t);
    expect(verifyWebhookSignature(body.replace('ping', 'pong'), header, secret, 300, sentAt)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyWebhookSignature(body, header, 'whsec_other', 300, sentAt).ok).toBe(false);
    // the timestamp is signed too: moving it forward breaks the signature
    expect(verifyWebhookSignature(body, header.replace(`t=${t}`, `t=${t + 600}`), secret, 300, sentAt).ok).toBe(false);
    expect(verifyWebhookSignature(body, undefined, secret, 300, sentAt)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature(body, 'v1=abc', secret, 300, sentAt)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('fails for a replayed request whose timestamp is older than the tolerance', () => {
    const header = signWebhook(body, secret, t);
    const later = new Date(sentAt.getTime() + 301_000);
    expect(verifyWebhookSignature(body, header, secret, 300, later)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhookSignature(body, header, secret, 600, later).ok).toBe(true);
  });

  it('accepts any of several v1 values (the header format allows more than one)', () => {
    const header = `${signWebhook(body, 'whsec_old', t)},v1=${signWebhook(body, secret, t).split('v1=')[1]}`;
    expect(verifyWebhookSignature(body, header, secret, 300, sentAt).ok).toBe(true);
  });
});
