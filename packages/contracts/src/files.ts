import { z } from 'zod';
import { Id } from './common';

export const FILE_KINDS = ['pdf', 'image', 'video', 'docx', 'xlsx', 'csv'] as const;
export const FileKind = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof FileKind>;

/** A stored file: its type is what its bytes are, and `sha256` is the hash the evidence log records. */
export const FileMeta = z.object({
  id: Id,
  orgId: Id,
  name: z.string(),
  mime: z.string(),
  kind: FileKind,
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.iso.datetime(),
});
export type FileMeta = z.infer<typeof FileMeta>;

export const FileParams = z.object({ orgId: Id, fileId: Id });
/** what the uploader means to upload; refused when the content is something else */
export const UploadQuery = z.object({ kind: FileKind.optional() });
