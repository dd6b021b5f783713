import { definePermission } from '../../infra/http/access';

export const filePermissions = {
  upload: definePermission('files.upload', { kind: 'org', param: 'orgId' }),
  read: definePermission('files.read', { kind: 'org', param: 'orgId' }),
};
