import { join } from 'node:path';
import { loadConfigOrExit } from '../config';
import { verifyAuditChain } from '../infra/audit/audit-chain';
import { type DatabaseHandle, openDatabase } from '../infra/db/client';

/** Checks the whole audit chain; returns the process exit code and the line to print. */
export async function runAuditVerify(database: DatabaseHandle): Promise<{ exitCode: number; message: string }> {
  const result = await verifyAuditChain(database.db);
  if (result.ok) return { exitCode: 0, message: `audit chain ok: ${result.checked} entries verified` };
  const broken = result.firstBroken;
  return {
    exitCode: 1,
    message: `audit chain BROKEN at entry seq=${broken?.seq}: ${broken?.reason} (${result.checked} entries before it verified)`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfigOrExit();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
  const { exitCode, message } = await runAuditVerify(database);
  await database.close();
  (exitCode === 0 ? console.log : console.error)(message);
  process.exit(exitCode);
}
