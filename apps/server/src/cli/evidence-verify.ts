import { join } from 'node:path';
import { type Config, loadConfigOrExit } from '../config';
import { type DatabaseHandle, openDatabase } from '../infra/db/client';
import { verifyLog } from '../modules/evidence';

/** Verifies the whole evidence log; returns the exit code and the lines to print. */
export async function runEvidenceVerify(
  database: DatabaseHandle,
  config: Config,
): Promise<{ exitCode: number; lines: string[] }> {
  const result = await verifyLog({ db: database.db, config });
  if (result.ok)
    return {
      exitCode: 0,
      lines: [`evidence log ok: ${result.entries} entries, ${result.checkpoints} signed checkpoints verified`],
    };
  return {
    exitCode: 1,
    lines: [`evidence log BROKEN (${result.entries} entries read):`, ...result.problems.map((p) => `  - ${p}`)],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfigOrExit();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
  const { exitCode, lines } = await runEvidenceVerify(database, config);
  await database.close();
  for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
  process.exit(exitCode);
}
