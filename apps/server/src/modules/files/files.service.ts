import type { FileKind } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { detectFileType } from '../../infra/files/blob-store';
import { newId } from '../../infra/ids';
import { fileErrors } from './files.errors';
import * as repo from './files.repository';

export type { StoredFileRow } from './files.repository';

const KIND_NAMES: Record<FileKind, string> = {
  pdf: 'PDF',
  image: '图片 image',
  video: '视频 video',
  docx: 'Word',
  xlsx: 'Excel',
  csv: 'CSV',
};

const EXTENSION_KIND: Record<string, FileKind> = {
  pdf: 'pdf',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  webp: 'image',
  mp4: 'video',
  mov: 'video',
  webm: 'video',
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
  txt: 'csv',
};

export interface StoreFileInput {
  orgId: string;
  userId: string | null;
  name: string;
  bytes: Buffer;
  /** the kinds the caller accepts; by default any supported kind that agrees with the file name's extension */
  accept?: readonly FileKind[];
}

/**
 * Stores a file for an organisation. The type comes from the bytes; a file whose content disagrees with what
 * was asked for (or with its own extension) is refused, so a PDF renamed .jpg never passes as a photo.
 */
export async function storeFile(ctx: AppContext, input: StoreFileInput, tx?: DbOrTx): Promise<repo.StoredFileRow> {
  if (input.bytes.length === 0) throw fileErrors.raise('FILE_EMPTY');
  if (input.bytes.length > ctx.config.fileMaxBytes)
    throw fileErrors.raise('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.fileMaxBytes / 1_048_576) });
  const detected = await detectFileType(input.bytes);
  if (!detected) throw fileErrors.raise('FILE_TYPE_UNSUPPORTED');
  const extension = input.name.split('.').pop()?.toLowerCase() ?? '';
  const expected: readonly FileKind[] =
    input.accept ?? (EXTENSION_KIND[extension] ? [EXTENSION_KIND[extension] as FileKind] : []);
  if (expected.length > 0 && !expected.includes(detected.kind)) {
    throw fileErrors.raise('FILE_TYPE_MISMATCH', {
      actual: KIND_NAMES[detected.kind],
      expected: expected.map((k) => KIND_NAMES[k]).join(' / '),
    });
  }
  const { sha256, size } = await ctx.blobs.put(input.bytes);
  return repo.insertFile(tx ?? ctx.db, {
    orgId: input.orgId,
    id: newId(),
    sha256,
    name: input.name.slice(0, 200),
    mime: detected.mime,
    kind: detected.kind,
    size,
    uploadedBy: input.userId,
  });
}

/** A file of this organisation, or FILE_NOT_FOUND: another organisation's file id finds nothing. */
export async function getFile(ctx: AppContext, orgId: string, fileId: string): Promise<repo.StoredFileRow> {
  const row = await repo.findFile(ctx.db, orgId, fileId);
  if (!row) throw fileErrors.raise('FILE_NOT_FOUND');
  return row;
}

export async function readFileContent(ctx: AppContext, file: repo.StoredFileRow): Promise<Buffer> {
  return ctx.blobs.get(file.sha256);
}
