import { definePermission } from '../../infra/http/access';

export const cooperationPermissions = {
  /** 导入合作历史: operators load historical award records */
  import: definePermission('cooperation.import', { kind: 'staff', roles: ['operator', 'admin'] }),
};
