import { definePermission } from '../../infra/http/access';

export const pricePermissions = {
  /** any signed-in user reads price series, forecasts and their published accuracy */
  read: definePermission('prices.read', { kind: 'user' }),
  /** 数据运营 platform operators import 信息价 and index files */
  import: definePermission('prices.import', { kind: 'staff', roles: ['admin', 'operator'] }),
};
