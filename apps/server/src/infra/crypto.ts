import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * Field encryption keyring (PLAT-2, ADR 0114): the current master key encrypts, every key of the ring decrypts.
 * A key's id is the first 8 hex digits of its SHA-256, so a stored value names the key that wrapped it without
 * revealing anything about the key.
 */
export interface FieldKeyring {
  current: { id: string; key: Buffer };
  /** every key that may still decrypt, the current one first */
  all: { id: string; key: Buffer }[];
}

export function keyId(key: Buffer): string {
  return sha256Hex(key).slice(0, 8);
}

export function createKeyring(current: Buffer, previous: Buffer[] = []): FieldKeyring {
  for (const k of [current, ...previous]) if (k.length !== 32) throw new Error('field keys must be 32 bytes');
  const all = [current, ...previous]
    .map((key) => ({ id: keyId(key), key }))
    .filter((entry, i, list) => list.findIndex((e) => e.id === entry.id) === i);
  return { current: all[0] as { id: string; key: Buffer }, all };
}

function asKeyring(keys: FieldKeyring | Buffer): FieldKeyring {
  return Buffer.isBuffer(keys) ? createKeyring(keys) : keys;
}

function seal(key: Buffer, plaintext: Buffer): [Buffer, Buffer, Buffer] {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [nonce, cipher.getAuthTag(), body];
}

function open(key: Buffer, nonce: Buffer, tag: Buffer, body: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

/**
 * Envelope encryption of one field: a fresh 256-bit data key encrypts the value (AES-256-GCM), and the current
 * master key wraps the data key (AES-256-GCM, nonce‖tag‖wrapped). Stored as
 * `v2.<keyId>.<wrapped data key>.<nonce>.<tag>.<ciphertext>` in base64url. Rotation re-wraps under the new key.
 */
export function encryptField(keys: FieldKeyring | Buffer, plaintext: string): string {
  const ring = asKeyring(keys);
  const dataKey = randomBytes(32);
  const [wNonce, wTag, wrapped] = seal(ring.current.key, dataKey);
  const [nonce, tag, body] = seal(dataKey, Buffer.from(plaintext, 'utf8'));
  return ['v2', ring.current.id, b64(Buffer.concat([wNonce, wTag, wrapped])), b64(nonce), b64(tag), b64(body)].join(
    '.',
  );
}

/** Reads `v2` (by key id) and the older `v1.<nonce>.<tag>.<ct>` (direct under a master key: any key of the ring). */
export function decryptField(keys: FieldKeyring | Buffer, stored: string): string {
  const ring = asKeyring(keys);
  const parts = stored.split('.');
  if (parts[0] === 'v2' && parts.length === 6) {
    const [, id, wrappedAll, nonce, tag, body] = parts as [string, string, string, string, string, string];
    const entry = ring.all.find((k) => k.id === id);
    if (!entry) throw new Error(`field key ${id} is not in the keyring`);
    const w = unb64(wrappedAll);
    const dataKey = open(entry.key, w.subarray(0, 12), w.subarray(12, 28), w.subarray(28));
    return open(dataKey, unb64(nonce), unb64(tag), unb64(body)).toString('utf8');
  }
  if (parts[0] === 'v1' && parts.length === 4) {
    const [, nonce, tag, body] = parts as [string, string, string, string];
    let lastError: unknown;
    for (const { key } of ring.all) {
      try {
        return open(key, unb64(nonce), unb64(tag), unb64(body)).toString('utf8');
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError instanceof Error ? lastError : new Error('field decryption failed');
  }
  throw new Error('unknown field encryption format');
}

/** The key id a stored value was encrypted under (`null` for v1, which does not name its key). */
export function fieldKeyIdOf(stored: string): string | null {
  const parts = stored.split('.');
  return parts[0] === 'v2' ? (parts[1] ?? null) : null;
}

/** True when the value is already a v2 envelope wrapped by the ring's current key (rotation skips it). */
export function isCurrentField(keys: FieldKeyring, stored: string): boolean {
  return fieldKeyIdOf(stored) === keys.current.id;
}

/**
 * Keyed hash for looking up an encrypted value without decrypting every row. It uses the stable look-up key
 * (`config.lookupKey`, ADR 0114), never the rotating encryption key, so hashes survive a rotation.
 */
export function lookupHash(lookupKey: Buffer, value: string): string {
  return createHmac('sha256', lookupKey).update(value).digest('hex');
}

/** Canonical JSON: object keys sorted, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
