import { definePermission } from '../../infra/http/access';

const financeStaff = ['finance', 'risk', 'admin'] as const;

export const escrowPermissions = {
  /** a party's members see the contract's money view */
  readContract: definePermission('escrow.contract.read', { kind: 'org', param: 'orgId' }),
  readWallet: definePermission('escrow.wallet.read', { kind: 'org', param: 'orgId' }),
  /** money leaves only on an owner's or admin's instruction, confirmed with a fresh authenticator code */
  payout: definePermission(
    'escrow.wallet.payout',
    { kind: 'org', param: 'orgId', membership: ['owner', 'admin'] },
    { stepUp: true },
  ),
  financeRead: definePermission('escrow.finance.read', { kind: 'staff', roles: financeStaff }),
  /** 显示完整收款账号 a payout's whole beneficiary account, for finance staff only; a POST so each reveal is audited */
  revealPayoutAccount: definePermission('escrow.payout.reveal_account', { kind: 'staff', roles: ['finance', 'admin'] }),
  importStatement: definePermission('escrow.statements.import', { kind: 'staff', roles: ['finance', 'admin'] }),
  runOverdueCheck: definePermission('escrow.overdue.run', { kind: 'staff', roles: financeStaff }),
  /** 双人复核 the request; a second staff member approves through /api/staff/dual-control */
  requestUnfreeze: definePermission('escrow.unfreeze.request', { kind: 'staff', roles: financeStaff }),
};
