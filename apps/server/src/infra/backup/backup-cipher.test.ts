import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_SIZE } from './backup-cipher';
import { BackupError } from './backup-errors';
import {
  decryptBackupFile,
  decryptBackupToBuffer,
  listBackups,
  verifyBackupFile,
  writeBackupFile,
} from './backup-files';
import { type BackupKey, loadBackupKey } from './backup-key';

const KEY_HEX = 'a1'.repeat(32);
const key = loadBackupKey({ BACKUP_KEY: KEY_HEX });
const metadata = {
  kind: 'full',
  driver: 'postgres',
  takenAt: '2026-12-06T12:00:00.000Z',
  rowCounts: { 'public.users': 3 },
  producer: 'test',
} as const;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zhuhe-backup-cipher-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Fed in uneven pieces, so records straddle the writes. */
function piecewise(data: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0, step = 1; at < data.length; at += step, step = (step * 7 + 3) % 50_000 || 1)
    pieces.push(data.subarray(at, at + step));
  return Readable.from(pieces);
}

async function decrypt(path: string, withKey: BackupKey = key): Promise<{ plaintext: Buffer; rowCounts: unknown }> {
  const { header, plaintext } = await decryptBackupToBuffer(path, withKey);
  return { plaintext, rowCounts: header.metadata.rowCounts };
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

describe('backup encryption (AES-256-GCM records)', () => {
  const payload = randomBytes(3 * RECORD_SIZE + 12_345);
  let path: string;
  beforeAll(async () => {
    path = await writeBackupFile(join(dir, 'a'), piecewise(payload), key, metadata);
  });

  it('round-trips a multi-record payload and its metadata, and names the file by its time', async () => {
    const { plaintext, rowCounts } = await decrypt(path);
    expect(plaintext.equals(payload)).toBe(true);
    expect(rowCounts).toEqual({ 'public.users': 3 });
    expect((await listBackups(join(dir, 'a'))).map((e) => e.name)).toEqual(['zhuhe-full-20261206T120000000Z.zhbk']);
  });

  it('does not contain the plaintext', async () => {
    const file = await readFile(path);
    expect(file.includes(payload.subarray(1000, 1064))).toBe(false);
    expect(file.length).toBeGreaterThan(payload.length);
  });

  it('round-trips an empty payload (one empty final record)', async () => {
    const empty = await writeBackupFile(join(dir, 'empty'), Readable.from([]), key, metadata);
    expect((await decrypt(empty)).plaintext.length).toBe(0);
  });

  it('refuses a file with one flipped byte, in a record or in the header', async () => {
    const file = await readFile(path);
    for (const offset of [file.length - 1, Math.floor(file.length / 2), 40]) {
      const tampered = Buffer.from(file);
      tampered[offset] = (tampered[offset] as number) ^ 0x01;
      const target = join(dir, `tampered-${offset}.zhbk`);
      await writeFile(target, tampered);
      const error = await refusal(verifyBackupFile(target, key));
      expect(['BACKUP_TAMPERED', 'BACKUP_NOT_A_BACKUP']).toContain(error.code);
    }
  });

  it('passes on no plaintext from a record that fails authentication', async () => {
    const file = await readFile(path);
    const tampered = Buffer.from(file);
    tampered[file.length - 20] = (tampered[file.length - 20] as number) ^ 0x80; // inside the last record
    const target = join(dir, 'tampered-last.zhbk');
    await writeFile(target, tampered);
    const received: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk);
        callback();
      },
    });
    expect((await refusal(decryptBackupFile(target, key, sink))).code).toBe('BACKUP_TAMPERED');
    // the three full records before it were authentic; the altered one never reached the sink
    expect(Buffer.concat(received).equals(payload.subarray(0, 3 * RECORD_SIZE))).toBe(true);
  });

  it('refuses a truncated file and one with bytes appended', async () => {
    const file = await readFile(path);
    const cut = join(dir, 'cut.zhbk');
    await writeFile(cut, file.subarray(0, file.length - (12_345 + 21)));
    expect((await refusal(verifyBackupFile(cut, key))).code).toBe('BACKUP_TRUNCATED');
    const longer = join(dir, 'longer.zhbk');
    await writeFile(longer, Buffer.concat([file, Buffer.from('x')]));
    expect((await refusal(verifyBackupFile(longer, key))).code).toBe('BACKUP_TAMPERED');
  });

  it('refuses a wrong key by name, before decrypting', async () => {
    const other = loadBackupKey({ BACKUP_KEY: randomBytes(32).toString('base64'), BACKUP_KEY_VERSION: '2' });
    const error = await refusal(decrypt(path, other));
    expect(error.code).toBe('BACKUP_KEY_MISMATCH');
    expect(error.bilingual()).toContain('密钥版本 1');
    expect(error.bilingual()).toContain('key version 1');
  });

  it('refuses a file that is not a backup', async () => {
    const target = join(dir, 'not-a-backup');
    await writeFile(target, 'PGDMP not encrypted');
    expect((await refusal(verifyBackupFile(target, key))).code).toBe('BACKUP_NOT_A_BACKUP');
  });
});

describe('BACKUP_KEY', () => {
  it('accepts 32 bytes as hex, base64 or base64url, with version 1 by default', () => {
    const bytes = randomBytes(32);
    for (const text of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')]) {
      const parsed = loadBackupKey({ BACKUP_KEY: text });
      expect(parsed.key.equals(bytes)).toBe(true);
      expect(parsed.version).toBe(1);
    }
    expect(loadBackupKey({ BACKUP_KEY: KEY_HEX, BACKUP_KEY_VERSION: '7' }).version).toBe(7);
  });

  it('refuses a missing key and a key of the wrong length, in both languages', () => {
    const missing = (() => {
      try {
        loadBackupKey({});
      } catch (e) {
        return e as BackupError;
      }
    })();
    expect(missing?.code).toBe('BACKUP_KEY_MISSING');
    expect(missing?.bilingual()).toMatch(/未设置 BACKUP_KEY[\s\S]*BACKUP_KEY is not set/);
    expect(() => loadBackupKey({ BACKUP_KEY: randomBytes(16).toString('base64') })).toThrow(/16 bytes/);
    expect(() => loadBackupKey({ BACKUP_KEY: 'ab'.repeat(31) })).toThrow(/BACKUP_KEY_INVALID/);
    expect(() => loadBackupKey({ BACKUP_KEY: KEY_HEX, BACKUP_KEY_VERSION: '0' })).toThrow(/BACKUP_KEY_VERSION=0/);
  });
});
