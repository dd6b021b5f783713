import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

/**
 * Content-addressed blob storage: a blob's name is its SHA-256, so the same bytes are stored once and the hash
 * that the evidence log records is the storage key. `LocalBlobStore` keeps them on disk; an S3-compatible store
 * implements the same interface (key = sha256) when files outgrow one machine.
 */
export interface BlobStore {
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.path(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(join(target, '..'), { recursive: true });
      // Write then rename, so a crash never leaves a partial blob under its final name.
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    return readFile(this.path(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.path(sha256)).then(
      () => true,
      () => false,
    );
  }
}

/** Keeps blobs in memory, for tests. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();
  async put(bytes: Buffer) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.blobs.set(sha256, Buffer.from(bytes));
    return { sha256, size: bytes.length };
  }
  async get(sha256: string) {
    const blob = this.blobs.get(sha256);
    if (!blob) throw new Error(`no blob ${sha256}`);
    return blob;
  }
  async has(sha256: string) {
    return this.blobs.has(sha256);
  }
}

export type FileKind = 'pdf' | 'image' | 'video' | 'docx' | 'xlsx' | 'csv';

const KIND_OF_MIME: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * The type of a file from its bytes, never its name: a PDF renamed to .jpg is a PDF. Plain UTF-8 text without
 * NUL bytes counts as CSV when nothing else matched (CSV has no signature).
 */
export async function detectFileType(bytes: Buffer): Promise<{ mime: string; kind: FileKind } | null> {
  // a truncated or malformed container (e.g. a broken ZIP) makes the parser throw: such a file is of no supported type
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (found) {
    const kind = KIND_OF_MIME[found.mime];
    return kind ? { mime: found.mime, kind } : null;
  }
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length > 0 && !sample.includes(0) && Buffer.from(sample.toString('utf8'), 'utf8').equals(sample)) {
    return { mime: 'text/csv', kind: 'csv' };
  }
  return null;
}
