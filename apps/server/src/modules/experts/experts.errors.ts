import { defineErrors } from '../../infra/errors';

export const expertErrors = defineErrors({
  EXPERT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '专家不存在', en: 'Expert not found' },
  EXPERT_QUESTION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '问题不存在或无权查看', en: 'Question not found' },
  EXPERT_ANSWER_NOT_FOUND: { kind: 'not_found', 'zh-CN': '回答不存在', en: 'Answer not found' },
  EXPERT_FILE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '证书文件不存在', en: 'Certificate not found' },
  EXPERT_REGION_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '地区代码 {code} 不存在，请从地区列表中选择',
    en: 'Region code {code} does not exist; choose one from the list',
  },
  EXPERT_CERTIFICATE_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '证书文件不存在或不是您上传的，请重新上传',
    en: 'A certificate does not exist or was not uploaded by you; upload it again',
  },
  EXPERT_NOT_VERIFIED: {
    kind: 'forbidden',
    'zh-CN': '只有通过平台认证的专家才能回答问题',
    en: 'Only experts verified by the platform can answer',
  },
  EXPERT_NOT_CHOSEN: {
    kind: 'forbidden',
    'zh-CN': '这是向另一位专家的私密咨询，您不能回答',
    en: 'This private consultation was addressed to another expert',
  },
  EXPERT_NOT_AVAILABLE: {
    kind: 'invalid',
    'zh-CN': '所选专家不存在或尚未通过认证',
    en: 'The chosen expert does not exist or is not verified',
  },
  EXPERT_ASK_OWN: {
    kind: 'invalid',
    'zh-CN': '不能向自己提问',
    en: 'You cannot consult yourself',
  },
  EXPERT_ALREADY_DECIDED: {
    kind: 'conflict',
    'zh-CN': '该申请已审核，等申请人修改后重新提交',
    en: 'This application was already decided; wait for the applicant to resubmit',
  },
  EXPERT_NOT_ASKER: {
    kind: 'forbidden',
    'zh-CN': '只有提问人可以采纳和评价回答',
    en: 'Only the person who asked can accept and rate answers',
  },
  EXPERT_ALREADY_ACCEPTED: {
    kind: 'conflict',
    'zh-CN': '该问题已采纳了一个回答',
    en: 'An answer to this question was already accepted',
  },
  EXPERT_ALREADY_RATED: {
    kind: 'conflict',
    'zh-CN': '您已评价过这个回答',
    en: 'You have already rated this answer',
  },
  EXPERT_ALREADY_ANSWERED: {
    kind: 'conflict',
    'zh-CN': '您已回答过这个问题',
    en: 'You have already answered this question',
  },
  EXPERT_QUESTION_CLOSED: {
    kind: 'conflict',
    'zh-CN': '该问题已采纳回答，不再接受新的回答',
    en: 'This question has an accepted answer and takes no more answers',
  },
  EXPERT_QUESTION_LIMIT: {
    kind: 'rate_limited',
    'zh-CN': '每人每天最多提问 {max} 次，请明天再试',
    en: 'At most {max} questions per person a day; try again tomorrow',
  },
  EXPERT_ANSWER_LIMIT: {
    kind: 'rate_limited',
    'zh-CN': '每位专家每天最多回答 {max} 次',
    en: 'At most {max} answers per expert a day',
  },
});
