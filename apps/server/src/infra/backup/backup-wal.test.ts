import { describe, expect, it } from 'vitest';
import { BackupError } from './backup-errors';
import { findTarEntry, parseBackupLabel } from './backup-wal';

const LABEL = `START WAL LOCATION: 0/2000028 (file 000000010000000000000002)
CHECKPOINT LOCATION: 0/2000060
BACKUP METHOD: streamed
BACKUP FROM: primary
START TIME: 2026-12-07 12:00:00 UTC
LABEL: pg_basebackup base backup
START TIMELINE: 1
`;

/** One ustar entry: a 512-byte header (name, octal size) and the contents padded to 512. */
function tarEntry(name: string, contents: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write(`${Buffer.byteLength(contents).toString(8).padStart(11, '0')}\0`, 124);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(contents) / 512) * 512);
  body.write(contents);
  return Buffer.concat([header, body]);
}

describe('base backup label', () => {
  it('reads the start segment, LSN and timeline from backup_label', () => {
    expect(parseBackupLabel(LABEL)).toEqual({ lsn: '0/2000028', segment: '000000010000000000000002', timeline: 1 });
  });

  it('refuses a label without its start location', () => {
    expect(() => parseBackupLabel('LABEL: x\n')).toThrow(BackupError);
  });

  it('finds backup_label after other entries, asks for more bytes mid-entry, and gives up at the archive end', () => {
    const tar = Buffer.concat([tarEntry('PG_VERSION', '15\n'), tarEntry('backup_label', LABEL), Buffer.alloc(1024)]);
    expect(findTarEntry(tar, 'backup_label')).toBe(LABEL);
    expect(findTarEntry(tar.subarray(0, 700), 'backup_label')).toBeNull();
    expect(findTarEntry(Buffer.concat([tarEntry('PG_VERSION', '15\n'), Buffer.alloc(1024)]), 'backup_label')).toBe(
      undefined,
    );
  });
});
