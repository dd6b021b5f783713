import { createHmac } from 'node:crypto';
import { BackupError } from './backup-errors';

/** The key backups are encrypted under, and the version number written into every file's header. */
export interface BackupKey {
  key: Buffer;
  version: number;
  /** 8 bytes derived from the key: lets a restore name a wrong key before decrypting anything */
  fingerprint: Buffer;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9_-]{43}$/;

/**
 * Reads BACKUP_KEY (32 bytes, base64 or hex) and BACKUP_KEY_VERSION (default 1). The key is deliberately not the
 * MASTER_KEY: a backup copied off the machine must not share a key with the fields inside it.
 */
export function loadBackupKey(env: NodeJS.ProcessEnv = process.env): BackupKey {
  const raw = env.BACKUP_KEY?.trim();
  if (!raw) throw new BackupError('BACKUP_KEY_MISSING');
  let key: Buffer;
  if (HEX_KEY.test(raw)) key = Buffer.from(raw, 'hex');
  else if (BASE64_KEY.test(raw))
    key = Buffer.from(raw, raw.includes('-') || raw.includes('_') ? 'base64url' : 'base64');
  else {
    const decoded = Buffer.from(raw, 'base64');
    throw new BackupError('BACKUP_KEY_INVALID', { detail: `${decoded.length} bytes` });
  }
  const versionText = env.BACKUP_KEY_VERSION?.trim() || '1';
  const version = Number(versionText);
  if (!Number.isInteger(version) || version < 1 || version > 65_535)
    throw new BackupError('BACKUP_KEY_INVALID', { detail: `BACKUP_KEY_VERSION=${versionText}` });
  return { key, version, fingerprint: keyFingerprint(key) };
}

export function keyFingerprint(key: Buffer): Buffer {
  return createHmac('sha256', key).update('zhuhe-backup-key-fingerprint').digest().subarray(0, 8);
}
