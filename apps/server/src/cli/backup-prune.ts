import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { BackupError } from '../infra/backup/backup-errors';
import { type BackupKey, loadBackupKey } from '../infra/backup/backup-key';
import { pruneBaseBackups } from '../infra/backup/backup-wal';

/**
 * `npm run backup:prune`: keeps the newest N base backups (BACKUP_KEEP_BASES, default 4: weekly bases for a month)
 * and the WAL from the oldest kept one on; deletes the rest and names what it deleted. `--dry-run` deletes nothing.
 */
export async function runBackupPrune(input: {
  dir: string;
  keepBases: number;
  key: BackupKey;
  dryRun: boolean;
}): Promise<{ lines: string[] }> {
  const plan = await pruneBaseBackups(input.dir, input.keepBases, input.key, input.dryRun);
  const verb = input.dryRun ? 'would delete' : 'deleted';
  if (!plan.oldestNeeded)
    return { lines: [`no base backup in ${input.dir}: nothing pruned (WAL is kept until a base backup exists)`] };
  return {
    lines: [
      `kept ${plan.keptBases.length} base backup(s); WAL kept from ${plan.oldestNeeded} on`,
      ...plan.deletedBases.map((name) => `  ${verb} ${join(input.dir, name)}`),
      ...plan.deletedWal.map((name) => `  ${verb} ${join(input.dir, 'wal', name)}`),
      `${verb} ${plan.deletedBases.length} base backup(s) and ${plan.deletedWal.length} WAL file(s)`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({
      options: {
        dir: { type: 'string' },
        'keep-bases': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
    const dir = values.dir ?? process.env.BACKUP_DIR ?? join(loadConfigOrExit().dataDir, 'backups');
    const keepBases = Number(values['keep-bases'] ?? process.env.BACKUP_KEEP_BASES ?? 4);
    const { lines } = await runBackupPrune({ dir, keepBases, key: loadBackupKey(), dryRun: values['dry-run'] });
    for (const line of lines) console.log(line);
  } catch (error) {
    console.error(error instanceof BackupError ? error.bilingual() : error);
    process.exit(1);
  }
}
