import { defineErrors } from '../../infra/errors';

export const organisationErrors = defineErrors({
  ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '组织不存在', en: 'Organisation not found' },
  ORG_CREDIT_CODE_TAKEN: {
    kind: 'conflict',
    'zh-CN': '该统一社会信用代码已被其他组织注册，如有疑问请联系客服',
    en: 'This unified social credit code is already registered by another organisation',
  },
  ORG_ROLE_NOT_HELD: {
    kind: 'invalid',
    'zh-CN': '该组织未开通此业务角色：{role}',
    en: 'The organisation does not hold the business role {role}',
  },
  ORG_MEMBER_NOT_FOUND: { kind: 'not_found', 'zh-CN': '成员不存在', en: 'Member not found' },
  ORG_LAST_OWNER: {
    kind: 'conflict',
    'zh-CN': '组织至少需要一名所有者',
    en: 'An organisation needs at least one owner',
  },
  ORG_OWNER_ONLY: { kind: 'forbidden', 'zh-CN': '只有所有者可以变更所有者', en: 'Only an owner can change owners' },
  ORG_ALREADY_MEMBER: { kind: 'conflict', 'zh-CN': '该用户已是本组织成员', en: 'This person is already a member' },
  ORG_INVITATION_PENDING: {
    kind: 'conflict',
    'zh-CN': '已向该账号发出邀请，等待对方处理',
    en: 'An invitation to this person is already pending',
  },
  ORG_INVITATION_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '邀请不存在或已失效',
    en: 'Invitation not found or no longer valid',
  },
});
