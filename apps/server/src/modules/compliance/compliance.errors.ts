import { defineErrors } from '../../infra/errors';

export const complianceErrors = defineErrors({
  COMPLIANCE_BANNED_CLAIMS: {
    kind: 'invalid',
    'zh-CN': '内容含有违规宣传用语：{terms}。根据《广告法》及平台规范，请删除或改写后再提交',
    en: 'The text contains banned claims: {terms}. Under the Advertising Law and platform rules, remove or rephrase them',
  },
  COMPLIANCE_TERM_EXISTS: { kind: 'conflict', 'zh-CN': '该用语已在列表中', en: 'This term is already listed' },
  COMPLIANCE_TERM_NOT_FOUND: { kind: 'not_found', 'zh-CN': '用语不存在', en: 'Term not found' },
  COMPLIANCE_SUBJECT_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '要下架的内容不存在',
    en: 'The content to take down was not found',
  },
  COMPLIANCE_ALREADY_TAKEN_DOWN: {
    kind: 'conflict',
    'zh-CN': '该内容已下架',
    en: 'This content is already taken down',
  },
  COMPLIANCE_TAKEDOWN_NOT_FOUND: { kind: 'not_found', 'zh-CN': '下架记录不存在', en: 'Takedown not found' },
  COMPLIANCE_TAKEDOWN_LIFTED: { kind: 'conflict', 'zh-CN': '该下架已撤销', en: 'This takedown was already lifted' },
});
