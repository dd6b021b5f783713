import type { DbOrTx } from '../../infra/db/client';
import { verifyLedger } from '../ledger';
import * as repo from './escrow.repository';

/** Everything `ledger:verify` checks: the ledger's invariants, and no escrow paid out more than funded or settled. */
export async function verifyMoney(db: DbOrTx) {
  const ledger = await verifyLedger(db);
  const escrow = await repo.firstEscrowViolation(db);
  const violations = [...ledger.violations];
  if (escrow.overpaid)
    violations.push(
      `escrow of contract ${escrow.overpaid.contract_id}: paid out ${escrow.overpaid.outflow} fen, more than the ${escrow.overpaid.inflow} fen paid in`,
    );
  if (escrow.unsettled)
    violations.push(
      `escrow of contract ${escrow.unsettled.contract_id}: released ${escrow.unsettled.released} fen, settled ${escrow.unsettled.settled} fen`,
    );
  return { ...ledger, ok: violations.length === 0, violations };
}
