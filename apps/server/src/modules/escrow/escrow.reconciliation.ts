import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { ledgerTransaction } from '../ledger';
import { parseStatementCsv } from './escrow.bank';
import { escrowErrors } from './escrow.errors';
import { deposit } from './escrow.lifecycle';
import { presentImport } from './escrow.presenter';
import * as repo from './escrow.repository';

class DuplicateLine extends Error {}

/**
 * 银行流水对账 imports a bank statement (CSV) and reconciles each credit against the expected deposits: a line whose
 * memo carries an escrow's reference (ZH…, or ZB… for a bond) and whose amount equals an open expected deposit is
 * matched and funds that account; other lines are reported unmatched; a bank transaction number seen before (in
 * this file or an earlier import) is a duplicate and moves no money, so importing the same file twice is harmless.
 */
export async function importStatement(ctx: AppContext, actor: Actor | null, input: { filename: string; csv: string }) {
  let parsed: ReturnType<typeof parseStatementCsv>;
  try {
    parsed = parseStatementCsv(input.csv);
  } catch (error) {
    throw escrowErrors.raise('ESCROW_STATEMENT_INVALID', { detail: (error as Error).message });
  }
  const report: repo.ReconciliationLine[] = parsed.invalid.map((i) => ({
    lineNo: i.lineNo,
    bankTxnId: '',
    valueDate: '',
    amountFen: 0,
    payerName: '',
    memo: '',
    outcome: 'invalid',
    reason: i.reason,
    contractId: null,
    purpose: null,
  }));
  const known = new Set(
    (
      await repo.linesByTxnIds(
        ctx.db,
        parsed.lines.map((l) => l.bankTxnId),
      )
    ).map((l) => l.bankTxnId),
  );
  const seen = new Set<string>();
  const importId = newId();
  for (const line of parsed.lines) {
    const base = {
      lineNo: line.lineNo,
      bankTxnId: line.bankTxnId,
      valueDate: line.valueDate,
      amountFen: Number(line.amountFen),
      payerName: line.payerName,
      memo: line.memo,
    };
    if (known.has(line.bankTxnId) || seen.has(line.bankTxnId)) {
      report.push({
        ...base,
        outcome: 'duplicate',
        reason: 'bank transaction already imported',
        contractId: null,
        purpose: null,
      });
      continue;
    }
    seen.add(line.bankTxnId);
    try {
      const outcome = await ledgerTransaction(ctx.db, async (tx) => {
        const refs = line.memo.toUpperCase().match(/Z[HB][A-Z0-9]{8}/g) ?? [];
        let escrow: repo.EscrowRow | undefined;
        let purpose: 'escrow' | 'bond' = 'escrow';
        for (const ref of refs) {
          escrow = await repo.escrowByReference(tx, `ZH${ref.slice(2)}`);
          if (escrow) {
            purpose = ref.startsWith('ZB') ? 'bond' : 'escrow';
            break;
          }
        }
        const lineId = newId();
        const store = async (status: 'matched' | 'unmatched', transferId: string | null) => {
          const inserted = await repo.insertLine(tx, {
            id: lineId,
            importId,
            bankTxnId: line.bankTxnId,
            valueDate: line.valueDate,
            amountFen: line.amountFen,
            payerName: line.payerName,
            memo: line.memo,
            status,
            contractId: escrow?.contractId ?? null,
            transferId,
            createdAt: new Date(),
          });
          if (!inserted) throw new DuplicateLine();
        };
        if (!escrow) {
          await store('unmatched', null);
          return { outcome: 'unmatched' as const, reason: 'no escrow reference in the memo', escrow, purpose: null };
        }
        const expected = (await repo.expectedOf(tx, escrow.contractId)).find(
          (e) => e.status === 'open' && e.purpose === purpose && e.amountFen === line.amountFen,
        );
        if (!expected) {
          await store('unmatched', null);
          return { outcome: 'unmatched' as const, reason: 'no open expected deposit of this amount', escrow, purpose };
        }
        if (!(await repo.matchExpected(tx, expected.id, lineId))) throw new DuplicateLine();
        const row = await deposit(ctx, tx, escrow, purpose, {
          amountFen: line.amountFen,
          reference: line.bankTxnId,
          clientId: `bank:${line.bankTxnId}`,
        });
        await store('matched', row?.id ?? null);
        return { outcome: 'matched' as const, reason: null, escrow, purpose };
      });
      report.push({
        ...base,
        outcome: outcome.outcome,
        reason: outcome.reason,
        contractId: outcome.escrow?.contractId ?? null,
        purpose: outcome.purpose,
      });
    } catch (error) {
      if (!(error instanceof DuplicateLine)) throw error;
      report.push({
        ...base,
        outcome: 'duplicate',
        reason: 'bank transaction already imported',
        contractId: null,
        purpose: null,
      });
    }
  }
  report.sort((a, b) => a.lineNo - b.lineNo);
  const count = (o: repo.ReconciliationLine['outcome']) => report.filter((r) => r.outcome === o).length;
  const row: repo.ImportRow = {
    id: importId,
    filename: input.filename,
    importedBy: actor?.userId ?? null,
    lineCount: report.length,
    matched: count('matched'),
    unmatched: count('unmatched'),
    duplicate: count('duplicate'),
    invalid: count('invalid'),
    report,
    createdAt: new Date(),
  };
  await repo.insertImport(ctx.db, row);
  return presentImport(row);
}

export async function getImport(ctx: AppContext, id: string) {
  const row = await repo.findImport(ctx.db, id);
  if (!row) throw escrowErrors.raise('ESCROW_STATEMENT_NOT_FOUND');
  return presentImport(row);
}
