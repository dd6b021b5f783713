import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/**
 * The insurer acts as FIN (金融机构) with an owner or admin; approving a claim pays money out, so it needs a fresh
 * TOTP (step-up). The contractor buys with an owner or admin and a step-up (the premium leaves its wallet); the
 * beneficiary files claims with an owner or admin. Any member reads. Whether a policy or claim is the
 * organisation's is checked by the service (404 otherwise): nobody outside the three parties sees a policy.
 */
export const insurancePermissions = {
  insurerRead: definePermission('insurance.insurer.read', { kind: 'org', param: 'orgId', activeRole: ['FIN'] }),
  publish: definePermission('insurance.products.publish', {
    kind: 'org',
    param: 'orgId',
    membership: managers,
    activeRole: ['FIN'],
  }),
  /**
   * pausing and resuming: no active-role rule, as only a FIN organisation has products; the service answers 404 for
   * a product that is not this organisation's
   */
  manage: definePermission('insurance.products.manage', { kind: 'org', param: 'orgId', membership: managers }),
  /** no active-role rule: only a FIN organisation has claims to decide; the service answers 404 to anyone else */
  decide: definePermission(
    'insurance.claims.decide',
    { kind: 'org', param: 'orgId', membership: managers },
    { stepUp: true },
  ),
  read: definePermission('insurance.policies.read', { kind: 'org', param: 'orgId' }),
  buy: definePermission(
    'insurance.policies.buy',
    { kind: 'org', param: 'orgId', membership: managers, activeRole: ['GC', 'SUB', 'SUP'] },
    { stepUp: true },
  ),
  claim: definePermission('insurance.claims.file', { kind: 'org', param: 'orgId', membership: managers }),
};
