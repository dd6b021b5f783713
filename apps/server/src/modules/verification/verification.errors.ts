import { defineErrors } from '../../infra/errors';

export const verificationErrors = defineErrors({
  VERIFICATION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '核验申请不存在', en: 'Verification not found' },
  VERIFICATION_DOCUMENT_EXPIRED: {
    kind: 'invalid',
    'zh-CN': '{document}已于 {date} 过期，请提交有效期内的证件',
    en: 'The {documentEn} expired on {date}; submit one that is still valid',
  },
  VERIFICATION_DATE_RANGE_INVALID: {
    kind: 'invalid',
    'zh-CN': '{document}的有效期起始日期晚于截止日期',
    en: 'The {documentEn} is valid from a date after its end date',
  },
  VERIFICATION_NOT_YET_VALID: {
    kind: 'invalid',
    'zh-CN': '{document}的有效期起始日期 {date} 晚于今天',
    en: 'The {documentEn} only becomes valid on {date}',
  },
  VERIFICATION_FILE_KIND: {
    kind: 'invalid',
    'zh-CN': '{document}须上传 PDF 或图片',
    en: 'The {documentEn} must be a PDF or an image',
  },
  VERIFICATION_NOT_PENDING: {
    kind: 'conflict',
    'zh-CN': '该核验申请当前不在待审核状态',
    en: 'This verification is not waiting for a decision',
  },
  VERIFICATION_DECIDED_WITH_MERCHANT: {
    kind: 'conflict',
    'zh-CN': '该核验属于商家入驻申请，请在入驻审核中处理',
    en: 'This verification belongs to a merchant application; decide it there',
  },
  VERIFICATION_FILE_NOT_IN_SUBMISSION: {
    kind: 'not_found',
    'zh-CN': '该文件不属于此核验申请',
    en: 'This file is not part of the verification',
  },
});
