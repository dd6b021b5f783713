import { defineErrors } from '../../infra/errors';

export const projectErrors = defineErrors({
  PROJECT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '项目不存在或无权查看', en: 'Project not found' },
  PROJECT_FILE_NOT_FOUND: {
    kind: 'invalid',
    'zh-CN': '招标文件不存在，请先上传到本组织',
    en: 'A tender file does not exist; upload it to your organisation first',
  },
  PROJECT_INVITEE_NOT_FOUND: {
    kind: 'invalid',
    'zh-CN': '受邀组织不存在',
    en: 'An invited organisation does not exist',
  },
  PROJECT_QUESTION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '答疑问题不存在', en: 'Question not found' },
  PROJECT_QUESTION_OWN: {
    kind: 'invalid',
    'zh-CN': '不能对本组织发布的项目提问',
    en: 'You cannot ask questions on your own organisation’s project',
  },
  PROJECT_QUESTION_NEEDS_ORG: {
    kind: 'forbidden',
    'zh-CN': '请先选择以哪个组织的身份提问',
    en: 'Choose the organisation you ask for first',
  },
});
