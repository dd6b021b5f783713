import { definePermission } from '../../infra/http/access';

/**
 * 承诺看板: the public summary is open to anyone, signed in or not (figures only: no cases, no organisation
 * names). The staff board with the breached cases is for the roles that answer for the promises: operations
 * (operator), risk, customer service (service, the tickets' first line), and platform admins.
 */
export const promisePermissions = {
  public: definePermission('promises.public', { kind: 'public' }),
  staff: definePermission('promises.staff', { kind: 'staff', roles: ['operator', 'risk', 'service', 'admin'] }),
};
