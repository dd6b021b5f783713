import type { FileKind, FileMeta } from '@zhuhe/contracts';
import type { StoredFileRow } from './files.repository';

export function presentFile(row: StoredFileRow): FileMeta {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    mime: row.mime,
    kind: row.kind as FileKind,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}
