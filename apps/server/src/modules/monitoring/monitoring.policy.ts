import { definePermission } from '../../infra/http/access';

/** 运行状态 is for the people who keep the platform running: admins and second-line technical support. */
export const monitoringPermissions = {
  read: definePermission('monitoring.status.read', { kind: 'staff', roles: ['admin', 'support_technical'] }),
  /** 服务延迟提示: every signed-in user is told which services are delayed */
  notices: definePermission('monitoring.notices.read', { kind: 'user' }),
};

/** Who is e-mailed when an alert opens. */
export const ALERT_ROLES = ['admin', 'support_technical'] as const;
