/** What the contracts module publishes (see infra/events.ts). */

/**
 * 合同签署完成 both parties have signed a version and the sealed PDF is stored. Published in the signing
 * transaction; `amendment` is true for a later signed version (补充协议) of a contract already in force.
 */
export interface ContractSigned {
  contractId: string;
  kind: string;
  title: string;
  /** 甲方 the initiator */
  buyer: { orgId: string; name: string };
  /** 乙方 the counterparty */
  supplier: { orgId: string; name: string };
  /** GB/T 2260 code of the place of work */
  regionCode: string;
  amountFen: number | null;
  /** YYYY-MM-DD, Shanghai */
  signedOn: string;
  versionNo: number;
  amendment: boolean;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'contract.signed': ContractSigned;
  }
}
