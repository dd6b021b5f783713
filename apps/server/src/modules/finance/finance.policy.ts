import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/**
 * Lenders act as FIN (金融机构) with an owner or admin; approving moves money, so it needs a fresh TOTP (step-up).
 * Borrowers apply as GC, SUB or SUP with an owner or admin; any member reads. That an application belongs to the
 * organisation is checked by the service (404 otherwise).
 */
export const financePermissions = {
  lenderRead: definePermission('finance.lender.read', { kind: 'org', param: 'orgId', activeRole: ['FIN'] }),
  publish: definePermission('finance.products.publish', {
    kind: 'org',
    param: 'orgId',
    membership: managers,
    activeRole: ['FIN'],
  }),
  /**
   * no active-role rule here: only a FIN organisation publishes products, so only a lender has applications to
   * decide, and the service answers 404 for an application that is not this organisation's to decide
   */
  decide: definePermission(
    'finance.applications.decide',
    { kind: 'org', param: 'orgId', membership: managers },
    { stepUp: true },
  ),
  borrowerRead: definePermission('finance.borrower.read', { kind: 'org', param: 'orgId' }),
  apply: definePermission('finance.applications.apply', {
    kind: 'org',
    param: 'orgId',
    membership: managers,
    activeRole: ['GC', 'SUB', 'SUP'],
  }),
};
