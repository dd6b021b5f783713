import { definePermission } from '../../infra/http/access';

/** The evidence log is public by design: anyone holding a document can check it, without an account. */
export const evidencePermissions = {
  read: definePermission('evidence.read', { kind: 'public' }),
  lookup: definePermission('evidence.lookup', { kind: 'public' }),
  checkpoint: definePermission('evidence.checkpoint', { kind: 'staff', roles: ['admin', 'risk'] }),
  /** who receives checkpoints by e-mail is set by platform staff, not by the public (no mail to arbitrary addresses) */
  subscriptions: definePermission('evidence.subscriptions', { kind: 'staff', roles: ['admin', 'risk'] }),
};
