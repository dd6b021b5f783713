import { defineErrors } from '../../infra/errors';

export const merchantErrors = defineErrors({
  MERCHANT_APPLICATION_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '入驻申请不存在',
    en: 'Merchant application not found',
  },
  MERCHANT_CATEGORY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '类目不存在', en: 'Category not found' },
  MERCHANT_CATEGORY_UNKNOWN: { kind: 'invalid', 'zh-CN': '经营类目不存在', en: 'Unknown merchant category' },
  MERCHANT_ROLE_REQUIRED: {
    kind: 'forbidden',
    'zh-CN': '只有材料供应商、分包商、设计或监理单位可以申请入驻商家',
    en: 'Only suppliers, subcontractors, design institutes and supervisors can apply as merchants',
  },
  MERCHANT_APPLICATION_OPEN: {
    kind: 'conflict',
    'zh-CN': '已有进行中的入驻申请（{stage}），请等待处理结果',
    en: 'An application is already in progress ({stage}); wait for its result',
  },
  MERCHANT_WRONG_STAGE: {
    kind: 'conflict',
    'zh-CN': '申请当前处于「{stage}」阶段，不能执行此操作',
    en: 'The application is at stage {stage}; this cannot be done now',
  },
  MERCHANT_INSPECTION_NOT_SCHEDULED: {
    kind: 'conflict',
    'zh-CN': '请先安排实地考察（日期与考察人）',
    en: 'Schedule the on-site inspection (date and inspector) first',
  },
  MERCHANT_INSPECTION_VIDEO_REQUIRED: {
    kind: 'conflict',
    'zh-CN': '请先上传实地考察视频',
    en: 'Upload the on-site inspection video first',
  },
  MERCHANT_SECOND_REVIEWER_REQUIRED: {
    kind: 'forbidden',
    'zh-CN': '重点类目实行双审：考察结论须由另一名审核员作出',
    en: 'Key categories are reviewed twice: another reviewer must record the inspection result',
  },
  MERCHANT_AGREEMENT_OUTDATED: {
    kind: 'conflict',
    'zh-CN': '协议已更新为 {version} 版，请阅读最新版本后再签署',
    en: 'The agreement is now version {version}; read the current text and accept again',
  },
  MERCHANT_FILE_NOT_IN_APPLICATION: {
    kind: 'not_found',
    'zh-CN': '该文件不属于此入驻申请',
    en: 'This file is not part of the application',
  },
  MERCHANT_NOT_ACTIVE: { kind: 'conflict', 'zh-CN': '商家尚未开通', en: 'The merchant is not active' },
});
