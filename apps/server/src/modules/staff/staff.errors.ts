import { defineErrors } from '../../infra/errors';

export const staffErrors = defineErrors({
  STAFF_REQUEST_NOT_FOUND: { kind: 'not_found', 'zh-CN': '复核请求不存在', en: 'Dual-control request not found' },
  STAFF_REQUEST_DECIDED: { kind: 'conflict', 'zh-CN': '该请求已处理', en: 'This request has already been decided' },
  STAFF_DUAL_CONTROL_SAME_PERSON: {
    kind: 'forbidden',
    'zh-CN': '双人复核：发起人不能审批自己的请求，请由另一位管理员审批',
    en: 'Dual control: the requester cannot approve their own request; another staff admin must',
  },
  STAFF_ACTION_FORBIDDEN: {
    kind: 'forbidden',
    'zh-CN': '您的平台角色不能发起或审批此操作',
    en: 'Your staff roles may not request or approve this action',
  },
  STAFF_USER_NOT_FOUND: { kind: 'not_found', 'zh-CN': '用户不存在', en: 'User not found' },
  STAFF_ROLE_ALREADY_HELD: {
    kind: 'conflict',
    'zh-CN': '该用户已拥有此平台角色',
    en: 'The user already holds this staff role',
  },
  STAFF_ROLE_NOT_HELD: {
    kind: 'conflict',
    'zh-CN': '该用户没有此平台角色',
    en: 'The user does not hold this staff role',
  },
  STAFF_LAST_ADMIN: {
    kind: 'conflict',
    'zh-CN': '平台至少需要一名超级管理员',
    en: 'The platform needs at least one admin',
  },
  STAFF_ADMIN_EXISTS: { kind: 'conflict', 'zh-CN': '平台已有超级管理员', en: 'The platform already has an admin' },
  STAFF_ACTION_UNKNOWN: { kind: 'unavailable', 'zh-CN': '未知的复核操作', en: 'Unknown dual-control action' },
});
