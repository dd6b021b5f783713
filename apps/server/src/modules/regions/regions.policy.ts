import { definePermission } from '../../infra/http/access';

export const regionPermissions = {
  /** the administrative divisions are public reference data */
  list: definePermission('regions.list', { kind: 'public' }),
};
