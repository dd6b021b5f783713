/** What the settlement module publishes (see infra/events.ts). */

/**
 * 结算单签署完成 a settlement statement has been sealed by all three parties (GC, payee, supervisor): one completed
 * transaction between the GC (buyer) and the payee (supplier) for the statement's gross amount. Published in the
 * transaction that marks the settlement signed, before escrow releases the money.
 */
export interface SettlementSealed {
  settlementId: string;
  contractId: string;
  milestoneId: string;
  buyerOrgId: string;
  supplierOrgId: string;
  supervisorOrgId: string | null;
  /** the period's gross amount, fen */
  grossFen: number;
  /** ISO instant */
  sealedAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'settlement.sealed': SettlementSealed;
  }
}
