import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, loadConfigOrExit } from '../config';
import type { BackupHeader } from '../infra/backup/backup-cipher';
import { BackupError } from '../infra/backup/backup-errors';
import { newestBackup, verifyBackupFile } from '../infra/backup/backup-files';
import { type BackupKey, loadBackupKey } from '../infra/backup/backup-key';
import { restorePglite } from '../infra/backup/backup-pglite';
import { createScratchDatabase, dropScratchDatabase, restorePostgres } from '../infra/backup/backup-postgres';
import { type CountComparison, compareCounts, countRows, handleQuery } from '../infra/backup/row-counts';
import { type DatabaseHandle, openPostgres } from '../infra/db/client';
import { runAuditVerify } from './audit-verify';
import { runEvidenceVerify } from './evidence-verify';
import { runLedgerVerify } from './ledger-verify';

export interface RehearsalInput {
  file: string;
  key: BackupKey;
  /** the MASTER_KEY and evidence settings the verifiers check with: the production ones */
  config: Config;
  /** a PostgreSQL server to create the scratch database on (any database URL on it); PostgreSQL backups only */
  serverUrl: string | undefined;
  /** leave the restored database (and say where) instead of dropping it */
  keep: boolean;
}

export interface RehearsalResult {
  exitCode: number;
  lines: string[];
  counts: CountComparison[];
  /** the scratch database's name or the PGlite directory */
  restoredInto: string;
}

/**
 * `npm run backup:restore-rehearsal`: proves a backup restores. Authenticates the whole file, restores it into a
 * fresh database (PostgreSQL: a new zhuhe_restore_<random> database; PGlite: a new temporary directory), runs
 * audit:verify, evidence:verify and ledger:verify on it and compares every table's row count with the counts the
 * backup recorded from its snapshot. Exit 1 on any refusal, verifier failure or count mismatch.
 */
/** audit:verify, evidence:verify and ledger:verify on a restored database, their lines indented; ok when all pass. */
export async function runVerifiers(
  database: DatabaseHandle,
  config: Config,
): Promise<{ ok: boolean; lines: string[] }> {
  const verifiers = [
    await runAuditVerify(database).then((r) => ({ exitCode: r.exitCode, lines: [r.message] })),
    await runEvidenceVerify(database, config),
    await runLedgerVerify(database),
  ];
  return {
    ok: verifiers.every((v) => v.exitCode === 0),
    lines: verifiers.flatMap((v) => v.lines.map((line) => `  ${line}`)),
  };
}

export async function runRestoreRehearsal(input: RehearsalInput): Promise<RehearsalResult> {
  const started = performance.now();
  const header = await verifyBackupFile(input.file, input.key);
  // A base backup is a tar of the cluster's files: pg_restore would only say it is not a dump.
  if (header.metadata.kind !== 'full')
    throw new BackupError('BACKUP_WRONG_KIND', {
      file: input.file,
      kind: header.metadata.kind,
      command: 'backup:pitr-rehearsal',
    });
  const { size } = await stat(input.file);
  const meta = header.metadata;
  const lines = [
    `restore rehearsal of ${basename(input.file)}: ${meta.driver}, taken ${meta.takenAt}, ${meta.producer}`,
    `  file authenticated: ${size} bytes, key version ${header.keyVersion}`,
  ];
  const target = await restoreIntoScratch(input, header);
  lines.push(`  restored into ${target.name} in ${seconds(started)} s`);
  try {
    const verified = await runVerifiers(target.database, input.config);
    lines.push(...verified.lines);
    const counts = compareCounts(meta.rowCounts, await countRows(handleQuery(target.database)));
    const mismatches = counts.filter((c) => !c.ok);
    const rows = counts.reduce((sum, c) => sum + (c.actual ?? 0), 0);
    if (mismatches.length === 0)
      lines.push(`  row counts: ${counts.length} tables, ${rows} rows, every table equal to the backup's snapshot`);
    for (const c of mismatches)
      lines.push(`  row count MISMATCH ${c.table}: backup ${c.expected ?? 'absent'}, restored ${c.actual ?? 'absent'}`);
    const failed = !verified.ok || mismatches.length > 0 || counts.length === 0;
    lines.push(
      `${failed ? 'REHEARSAL FAILED' : 'rehearsal passed'} in ${seconds(started)} s; ` +
        (input.keep ? `kept ${target.name}` : `${target.name} removed`),
    );
    return { exitCode: failed ? 1 : 0, lines, counts, restoredInto: target.name };
  } finally {
    await target.database.close();
    if (!input.keep) await target.remove();
  }
}

interface ScratchTarget {
  name: string;
  database: DatabaseHandle;
  remove(): Promise<void>;
}

async function restoreIntoScratch(input: RehearsalInput, header: BackupHeader): Promise<ScratchTarget> {
  if (header.metadata.driver === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'zhuhe-restore-'));
    const remove = () => rm(dir, { recursive: true, force: true });
    try {
      const { database } = await restorePglite(input.file, input.key, join(dir, 'pglite'));
      return { name: dir, database, remove };
    } catch (error) {
      await remove();
      throw error;
    }
  }
  const serverUrl = input.serverUrl;
  if (!serverUrl) throw new BackupError('BACKUP_NO_SERVER');
  const scratch = await createScratchDatabase(serverUrl);
  const remove = () => dropScratchDatabase(serverUrl, scratch.name);
  try {
    await restorePostgres(input.file, input.key, scratch.url);
    return { name: scratch.name, database: await openPostgres(scratch.url, 2), remove };
  } catch (error) {
    if (!input.keep) await remove();
    throw error;
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({
      options: { file: { type: 'string' }, dir: { type: 'string' }, keep: { type: 'boolean', default: false } },
    });
    const config = loadConfigOrExit();
    const key = loadBackupKey();
    const file =
      values.file ?? (await newestBackup(values.dir ?? process.env.BACKUP_DIR ?? join(config.dataDir, 'backups')));
    const result = await runRestoreRehearsal({ file, key, config, serverUrl: config.databaseUrl, keep: values.keep });
    for (const line of result.lines) (result.exitCode === 0 ? console.log : console.error)(line);
    process.exit(result.exitCode);
  } catch (error) {
    console.error(error instanceof BackupError ? error.bilingual() : error);
    process.exit(1);
  }
}
