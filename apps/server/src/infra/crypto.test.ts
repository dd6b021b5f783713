import { describe, expect, it } from 'vitest';
import { canonicalJson, decryptField, encryptField, lookupHash } from './crypto';
import { newId } from './ids';

const key = Buffer.alloc(32, 3);

describe('field encryption', () => {
  it('round-trips and uses a fresh nonce each time', () => {
    const a = encryptField(key, '330106199001011234');
    const b = encryptField(key, '330106199001011234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('330106');
    expect(decryptField(key, a)).toBe('330106199001011234');
  });

  it('refuses a tampered ciphertext or the wrong key', () => {
    const stored = encryptField(key, 'secret');
    const parts = stored.split('.');
    const body = Buffer.from(parts[3] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptField(key, parts.join('.'))).toThrow();
    expect(() => decryptField(Buffer.alloc(32, 4), stored)).toThrow();
  });

  it('gives a stable keyed lookup hash', () => {
    expect(lookupHash(key, 'x')).toBe(lookupHash(key, 'x'));
    expect(lookupHash(key, 'x')).not.toBe(lookupHash(Buffer.alloc(32, 4), 'x'));
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('ids', () => {
  it('are UUIDv7 and sort by creation time', () => {
    const first = newId(1_700_000_000_000);
    const second = newId(1_700_000_000_001);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < second).toBe(true);
  });
});
