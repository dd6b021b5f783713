import { appendFileSync } from 'node:fs';
import { openPostgres } from '../../infra/db/client';
import { applyOps } from './ledger.service';

/**
 * The transfer load of the crash test: posts transfers one after another and appends each client id to the
 * acknowledgement file only after its commit returned. The test kills this process with SIGKILL mid-run.
 * Usage: tsx ledger.crash-child.ts <database url> <ack file> <debit account id> <credit account id> <prefix>
 */
const [url, ackFile, debit, credit, prefix] = process.argv.slice(2) as [string, string, string, string, string];
const database = await openPostgres(url, 4);
let n = 0;
const worker = async (w: number) => {
  for (;;) {
    const clientId = `${prefix}:${w}:${n++}`;
    await applyOps(database.db, [
      { op: 'transfer', clientId, debitAccountId: debit, creditAccountId: credit, amount: 1n, code: 'crash-test' },
    ]);
    appendFileSync(ackFile, `${clientId}\n`);
  }
};
await Promise.all([0, 1, 2, 3].map(worker));
