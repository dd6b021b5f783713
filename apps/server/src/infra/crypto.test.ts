import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import {
  canonicalJson,
  createKeyring,
  decryptField,
  encryptField,
  fieldKeyIdOf,
  isCurrentField,
  keyId,
  lookupHash,
} from './crypto';
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
    for (const i of [2, 5]) {
      // 2: the wrapped data key, 5: the ciphertext
      const copy = [...parts];
      const body = Buffer.from(copy[i] as string, 'base64url');
      body[0] = (body[0] as number) ^ 1;
      copy[i] = body.toString('base64url');
      expect(() => decryptField(key, copy.join('.'))).toThrow();
    }
    expect(() => decryptField(Buffer.alloc(32, 4), stored)).toThrow();
  });

  it('gives a stable keyed lookup hash', () => {
    expect(lookupHash(key, 'x')).toBe(lookupHash(key, 'x'));
    expect(lookupHash(key, 'x')).not.toBe(lookupHash(Buffer.alloc(32, 4), 'x'));
  });
});

/** A value as the v1 format stored it before ADR 0114: `v1.<nonce>.<tag>.<ct>` directly under the master key. */
function legacyV1(master: Buffer, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

describe('field keyring and envelope (ADR 0114)', () => {
  const oldKey = Buffer.alloc(32, 1);
  const newKey = Buffer.alloc(32, 2);

  it('writes v2 envelopes naming the current key and reads v1 values of any key of the ring', () => {
    const ring = createKeyring(newKey, [oldKey]);
    const v1 = legacyV1(oldKey, '13912345678');
    expect(decryptField(ring, v1)).toBe('13912345678');
    const v2 = encryptField(ring, decryptField(ring, v1));
    expect(v2.split('.')).toHaveLength(6);
    expect(fieldKeyIdOf(v2)).toBe(keyId(newKey));
    expect(isCurrentField(ring, v2)).toBe(true);
    expect(isCurrentField(ring, v1)).toBe(false);
    expect(decryptField(createKeyring(newKey), v2)).toBe('13912345678');
  });

  it('keeps old values readable while the old key is in the previous list, not after it is dropped', () => {
    const before = encryptField(createKeyring(oldKey), '6222020200112233');
    expect(fieldKeyIdOf(before)).toBe(keyId(oldKey));
    expect(decryptField(createKeyring(newKey, [oldKey]), before)).toBe('6222020200112233');
    expect(() => decryptField(createKeyring(newKey), before)).toThrow(/not in the keyring/);
    expect(() => decryptField(createKeyring(newKey), legacyV1(oldKey, 'x'))).toThrow();
  });

  it('refuses an unknown format and a wrong-length key', () => {
    expect(() => decryptField(createKeyring(newKey), 'v3.a.b')).toThrow(/unknown field encryption format/);
    expect(() => createKeyring(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('keeps the look-up hash independent of the encryption key', () => {
    const lookupKey = oldKey;
    const beforeRotation = lookupHash(lookupKey, 'phone:13912345678');
    // the rotation changes MASTER_KEY; LOOKUP_KEY stays the first master key
    expect(lookupHash(lookupKey, 'phone:13912345678')).toBe(beforeRotation);
    expect(lookupHash(newKey, 'phone:13912345678')).not.toBe(beforeRotation);
  });
});

describe('keys from the environment', () => {
  const b64 = (k: Buffer) => k.toString('base64');
  const env = { NODE_ENV: 'test', MASTER_KEY: b64(Buffer.alloc(32, 2)) };

  it('builds the keyring from MASTER_KEY and MASTER_KEY_PREVIOUS, with a stable LOOKUP_KEY', () => {
    const config = loadConfig({
      ...env,
      MASTER_KEY_PREVIOUS: `${b64(Buffer.alloc(32, 1))}, ${b64(Buffer.alloc(32, 5))}`,
      LOOKUP_KEY: b64(Buffer.alloc(32, 1)),
    });
    expect(config.fieldKeys.current.id).toBe(keyId(Buffer.alloc(32, 2)));
    expect(config.fieldKeys.all.map((k) => k.id)).toEqual([2, 1, 5].map((n) => keyId(Buffer.alloc(32, n))));
    expect(config.lookupKey.equals(Buffer.alloc(32, 1))).toBe(true);
    // without a rotation the look-up key is the master key, as it always was (existing hashes stay valid)
    expect(loadConfig(env).lookupKey.equals(Buffer.alloc(32, 2))).toBe(true);
  });

  it('refuses previous keys without a pinned LOOKUP_KEY, and keys of the wrong length', () => {
    expect(() => loadConfig({ ...env, MASTER_KEY_PREVIOUS: b64(Buffer.alloc(32, 1)) })).toThrow(/LOOKUP_KEY/);
    expect(() =>
      loadConfig({ ...env, MASTER_KEY_PREVIOUS: b64(Buffer.alloc(16, 1)), LOOKUP_KEY: env.MASTER_KEY }),
    ).toThrow(/32 bytes/);
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
