import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BackupError } from './backup-errors';
import type { BackupKey } from './backup-key';

/**
 * The encrypted backup file (format 1), AES-256-GCM in records (ADR 0105):
 *
 *   header   "ZHBK" | format u8 = 1 | key version u16 | key fingerprint 8 | nonce prefix 8 | metadata length u32 |
 *            metadata (JSON, UTF-8)
 *   records  flags u8 (1 = final) | plaintext length u32 | ciphertext | GCM tag 16
 *
 * Record i is sealed with nonce = nonce prefix ‖ i (u32, big-endian) and the whole header plus its own flags byte
 * as additional data, so a changed header, a reordered, dropped or altered record and a missing end all fail.
 * Records rather than one tag at the end: a restore never reads plaintext that has not been authenticated.
 */
const MAGIC = Buffer.from('ZHBK');
const FORMAT = 1;
const FIXED_HEADER = 4 + 1 + 2 + 8 + 8 + 4;
const RECORD_HEAD = 1 + 4;
const TAG = 16;
const FINAL = 1;
/** plaintext bytes per record */
export const RECORD_SIZE = 64 * 1024;
const MAX_METADATA = 1024 * 1024;

/** What a backup says about itself; authenticated with every record, readable before decrypting. */
export interface BackupMetadata {
  /** full: pg_dump or PGlite dump; base: pg_basebackup of the cluster; wal: one archived WAL file */
  kind: 'full' | 'base' | 'wal';
  driver: 'postgres' | 'pglite';
  /** ISO time the snapshot was taken */
  takenAt: string;
  /** rows per table (schema.table) in the snapshot the backup holds */
  rowCounts: Record<string, number>;
  /** what produced the payload, e.g. "pg_dump (PostgreSQL) 15.20" or "pglite dumpDataDir 0.5.16" */
  producer: string;
  /** base backups: where WAL replay must start, from the backup_label pg_basebackup wrote */
  startWal?: { segment: string; lsn: string; timeline: number };
  /** WAL files: the name PostgreSQL archived the file under, so a renamed file is not replayed as another */
  wal?: { name: string; sha256: string };
}

export interface BackupHeader {
  keyVersion: number;
  fingerprint: Buffer;
  metadata: BackupMetadata;
  /** the header's bytes, the additional data of every record */
  bytes: Buffer;
  noncePrefix: Buffer;
}

function encodeHeader(key: BackupKey, noncePrefix: Buffer, metadata: BackupMetadata): Buffer {
  const json = Buffer.from(JSON.stringify(metadata), 'utf8');
  const fixed = Buffer.alloc(FIXED_HEADER);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt8(FORMAT, 4);
  fixed.writeUInt16BE(key.version, 5);
  key.fingerprint.copy(fixed, 7);
  noncePrefix.copy(fixed, 15);
  fixed.writeUInt32BE(json.length, 23);
  return Buffer.concat([fixed, json]);
}

/** Parses a header from the start of `buffer`; null when more bytes are needed. */
export function decodeHeader(buffer: Buffer): BackupHeader | null {
  if (buffer.length < FIXED_HEADER) {
    if (!MAGIC.subarray(0, buffer.length).equals(buffer.subarray(0, MAGIC.length))) throw notABackup();
    return null;
  }
  if (!buffer.subarray(0, 4).equals(MAGIC) || buffer.readUInt8(4) !== FORMAT) throw notABackup();
  const length = buffer.readUInt32BE(23);
  if (length > MAX_METADATA) throw notABackup();
  if (buffer.length < FIXED_HEADER + length) return null;
  const bytes = Buffer.from(buffer.subarray(0, FIXED_HEADER + length));
  let metadata: BackupMetadata;
  try {
    metadata = JSON.parse(bytes.subarray(FIXED_HEADER).toString('utf8')) as BackupMetadata;
  } catch {
    throw notABackup();
  }
  return {
    keyVersion: bytes.readUInt16BE(5),
    fingerprint: bytes.subarray(7, 15),
    noncePrefix: bytes.subarray(15, 23),
    metadata,
    bytes,
  };
}

function notABackup(): BackupError {
  return new BackupError('BACKUP_NOT_A_BACKUP');
}

function nonceFor(prefix: Buffer, record: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(record, 8);
  return nonce;
}

/** Encrypts a byte stream into the backup format; pipe the payload in and the file out. */
export class BackupEncryptor extends Transform {
  private readonly header: Buffer;
  private readonly noncePrefix = randomBytes(8);
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private record = 0;

  constructor(
    private readonly key: BackupKey,
    metadata: BackupMetadata,
  ) {
    super();
    this.header = encodeHeader(key, this.noncePrefix, metadata);
    this.push(this.header);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= RECORD_SIZE) {
      let buffered = Buffer.concat(this.pending);
      while (buffered.length >= RECORD_SIZE) {
        this.push(this.seal(buffered.subarray(0, RECORD_SIZE), false));
        buffered = buffered.subarray(RECORD_SIZE);
      }
      this.pending = [buffered];
      this.pendingBytes = buffered.length;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    // The final record may be empty; it is what tells a reader the file is complete.
    this.push(this.seal(Buffer.concat(this.pending), true));
    callback();
  }

  private seal(plaintext: Buffer, final: boolean): Buffer {
    const flags = final ? FINAL : 0;
    const cipher = createCipheriv('aes-256-gcm', this.key.key, nonceFor(this.noncePrefix, this.record++));
    cipher.setAAD(Buffer.concat([this.header, Buffer.of(flags)]));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const head = Buffer.alloc(RECORD_HEAD);
    head.writeUInt8(flags, 0);
    head.writeUInt32BE(plaintext.length, 1);
    return Buffer.concat([head, body, cipher.getAuthTag()]);
  }
}

/**
 * Decrypts a backup stream, passing on only authenticated plaintext. Errors (as BackupError): another key,
 * not a backup, a record that fails authentication, a file without its final record, bytes after it.
 */
export class BackupDecryptor extends Transform {
  private buffered: Buffer = Buffer.alloc(0);
  private parsed: BackupHeader | null = null;
  private record = 0;
  private finished = false;
  /** resolves with the header once it is read (and the key checked); rejects if the stream fails first */
  readonly header: Promise<BackupHeader>;
  private resolveHeader!: (header: BackupHeader) => void;
  private rejectHeader!: (error: Error) => void;

  constructor(private readonly key: BackupKey) {
    super();
    this.header = new Promise((resolve, reject) => {
      this.resolveHeader = resolve;
      this.rejectHeader = reject;
    });
    // Callers that only pipe the stream need not await the header; its failure is reported by the stream.
    this.header.catch(() => {});
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
      this.drain();
      callback();
    } catch (error) {
      this.rejectHeader(error as Error);
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (!this.finished) {
      const error = this.parsed ? new BackupError('BACKUP_TRUNCATED') : notABackup();
      this.rejectHeader(error);
      callback(error);
      return;
    }
    callback();
  }

  private drain(): void {
    if (!this.parsed) {
      const header = decodeHeader(this.buffered);
      if (!header) return;
      if (
        header.fingerprint.length !== this.key.fingerprint.length ||
        !timingSafeEqual(header.fingerprint, this.key.fingerprint)
      )
        throw new BackupError('BACKUP_KEY_MISMATCH', { fileVersion: header.keyVersion, keyVersion: this.key.version });
      this.parsed = header;
      this.buffered = this.buffered.subarray(header.bytes.length);
      this.resolveHeader(header);
    }
    while (!this.finished && this.buffered.length >= RECORD_HEAD) {
      const flags = this.buffered.readUInt8(0);
      const length = this.buffered.readUInt32BE(1);
      if (flags > FINAL || length > RECORD_SIZE) throw new BackupError('BACKUP_TAMPERED', { record: this.record });
      const total = RECORD_HEAD + length + TAG;
      if (this.buffered.length < total) return;
      this.push(
        this.open(
          flags,
          this.buffered.subarray(RECORD_HEAD, RECORD_HEAD + length),
          this.buffered.subarray(RECORD_HEAD + length, total),
        ),
      );
      this.buffered = this.buffered.subarray(total);
      if (flags === FINAL) this.finished = true;
    }
    // Bytes after the final record were appended by someone else.
    if (this.finished && this.buffered.length > 0) throw new BackupError('BACKUP_TAMPERED', { record: this.record });
  }

  private open(flags: number, body: Buffer, tag: Buffer): Buffer {
    const header = this.parsed as BackupHeader;
    const record = this.record++;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key.key, nonceFor(header.noncePrefix, record));
      decipher.setAAD(Buffer.concat([header.bytes, Buffer.of(flags)]));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new BackupError('BACKUP_TAMPERED', { record });
    }
  }
}
