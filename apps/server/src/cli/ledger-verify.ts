import { join } from 'node:path';
import { loadConfigOrExit } from '../config';
import { type DatabaseHandle, openDatabase } from '../infra/db/client';
import { verifyMoney } from '../modules/escrow';

/**
 * `npm run ledger:verify`: the sum of all balances is zero, every balance equals the sum of its posted transfers,
 * holds are consistent, floors hold, and no escrow paid out more than was paid in or settled. Exit 1 on the first
 * violation of each kind, named.
 */
export async function runLedgerVerify(database: DatabaseHandle): Promise<{ exitCode: number; lines: string[] }> {
  const result = await verifyMoney(database.db);
  if (result.ok)
    return {
      exitCode: 0,
      lines: [`ledger ok: ${result.accounts} accounts, ${result.transfers} transfers; balances sum to 0`],
    };
  return {
    exitCode: 1,
    lines: [
      `ledger BROKEN (${result.accounts} accounts, ${result.transfers} transfers):`,
      ...result.violations.map((v) => `  - ${v}`),
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfigOrExit();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
  const { exitCode, lines } = await runLedgerVerify(database);
  await database.close();
  for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
  process.exit(exitCode);
}
