import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../infra/db/client';
import { newId } from '../infra/ids';
import { buildReleasedEscrow } from '../test/builders';
import { createTestApp, type TestApp } from '../test/test-app';
import { runLedgerVerify } from './ledger-verify';

let t: TestApp;
const contractId = newId();
beforeAll(async () => {
  t = await createTestApp();
  await buildReleasedEscrow(t.ctx, contractId);
});
afterAll(async () => {
  await t?.close();
});

describe('ledger:verify', () => {
  it('is clean on a ledger the application wrote', async () => {
    const result = await runLedgerVerify(t.database);
    expect(result.exitCode).toBe(0);
    expect(result.lines[0]).toMatch(/^ledger ok: \d+ accounts, 6 transfers; balances sum to 0$/);
  });

  it('names a balance changed behind the application’s back, and exits non-zero', async () => {
    await t.database.db.execute(
      sql`update ledger_accounts set posted = posted + 100 where code = ${`contract:${contractId}:retention`}`,
    );
    const result = await runLedgerVerify(t.database);
    expect(result.exitCode).toBe(1);
    expect(result.lines.join('\n')).toContain('sum of all balances is 100 fen, not 0');
    expect(result.lines.join('\n')).toContain(`account contract:${contractId}:retention: balance`);
    await t.database.db.execute(
      sql`update ledger_accounts set posted = posted - 100 where code = ${`contract:${contractId}:retention`}`,
    );
    expect((await runLedgerVerify(t.database)).exitCode).toBe(0);
  });

  it('catches money taken out of an escrow without a settlement, even when the balances were kept consistent', async () => {
    const [escrow] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from ledger_accounts where code = ${`contract:${contractId}:escrow`}`,
    );
    const [bank] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from ledger_accounts where code = 'bank:clearing'`,
    );
    await t.database.db.execute(sql`insert into ledger_transfers
      (id, client_id, kind, debit_account_id, credit_account_id, amount, code, contract_id, memo, created_at)
      values (${newId()}, 'rogue', 'single', ${escrow?.id}, ${bank?.id}, 1000, 'escrow.release.net', ${contractId}, '{}', now())`);
    await t.database.db.execute(sql`update ledger_accounts set posted = posted - 1000 where id = ${escrow?.id}`);
    await t.database.db.execute(sql`update ledger_accounts set posted = posted + 1000 where id = ${bank?.id}`);
    const result = await runLedgerVerify(t.database);
    expect(result.exitCode).toBe(1);
    expect(result.lines.join('\n')).toContain(
      `escrow of contract ${contractId}: released 5051000 fen, settled 5050000 fen`,
    );
  });
});
