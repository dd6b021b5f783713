/** What the escrow module publishes (see infra/events.ts). */

/**
 * 节点放款 a milestone's money left escrow (net to the payee's wallet, retention and labour share to their
 * accounts). Published in the release's transaction; `dueDate` is the payment schedule's date, so subscribers can
 * judge payment timeliness (the credit rating, supply-chain finance).
 */
export interface MilestoneReleased {
  releaseId: string;
  contractId: string;
  milestoneId: string;
  settlementId: string;
  payerOrgId: string;
  payeeOrgId: string;
  grossFen: number;
  netFen: number;
  retentionFen: number;
  labourFen: number;
  /**
   * 平台服务费 taken from this release at the rate of the platform_fee policy version `feePolicy` (`id@version`);
   * absent in events queued before the fee was published
   */
  feeFen?: number;
  feePolicy?: string;
  /** YYYY-MM-DD, the scheduled payment date */
  dueDate: string;
  /** ISO instant */
  releasedAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'escrow.milestone_released': MilestoneReleased;
  }
}
