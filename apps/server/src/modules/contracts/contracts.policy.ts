import { definePermission } from '../../infra/http/access';

const signers = ['owner', 'admin'] as const;

export const contractPermissions = {
  templates: definePermission('contracts.templates', { kind: 'user' }),
  /** 甲方 drafts: acting as general contractor or subcontractor */
  create: definePermission('contracts.create', {
    kind: 'org',
    param: 'orgId',
    membership: signers,
    activeRole: ['GC', 'SUB'],
  }),
  read: definePermission('contracts.read', { kind: 'org', param: 'orgId' }),
  propose: definePermission('contracts.versions.propose', { kind: 'org', param: 'orgId', membership: signers }),
  /** 授权签署人: an owner or admin of the party, with a fresh TOTP */
  sign: definePermission('contracts.sign', { kind: 'org', param: 'orgId', membership: signers }, { stepUp: true }),
};
