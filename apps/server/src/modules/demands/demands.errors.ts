import { defineErrors } from '../../infra/errors';

export const demandErrors = defineErrors({
  DEMAND_NOT_FOUND: { kind: 'not_found', 'zh-CN': '需求不存在或无权查看', en: 'Demand not found' },
  DEMAND_REVIEW_NOT_FOUND: { kind: 'not_found', 'zh-CN': '审核任务不存在', en: 'Review not found' },
  DEMAND_REVIEW_DECIDED: {
    kind: 'conflict',
    'zh-CN': '该需求已审核，不能重复审核',
    en: 'This demand has already been reviewed',
  },
  DEMAND_ATTACHMENT_MISSING: {
    kind: 'invalid',
    'zh-CN': '{what}不存在，请先上传到本组织',
    en: 'The {what} file does not exist; upload it to your organisation first',
  },
  DEMAND_ATTACHMENT_NOT_PDF: {
    kind: 'invalid',
    'zh-CN': '{what}应为 PDF 或图片',
    en: 'The {what} must be a PDF or an image',
  },
  DEMAND_DEADLINE_PAST: { kind: 'invalid', 'zh-CN': '截止日期不能早于今天', en: 'The deadline is in the past' },
  DEMAND_IMPORT_TYPE: {
    kind: 'invalid',
    'zh-CN': '请上传 PDF 或 Word（.docx）格式的招标文件',
    en: 'Upload the tender file as PDF or Word (.docx)',
  },
  DEMAND_IMPORT_UNREADABLE: {
    kind: 'unprocessable',
    'zh-CN': '文件已损坏或已加密，无法读取内容',
    en: 'The file is damaged or encrypted and cannot be read',
  },
  DEMAND_IMPORT_NO_TEXT: {
    kind: 'unprocessable',
    'zh-CN': '未能从文件中读取文字（可能是扫描件），请手动填写',
    en: 'No text could be read from the file (it may be a scan); fill in the form by hand',
  },
  DEMAND_NOT_EDITABLE: { kind: 'conflict', 'zh-CN': '当前状态下不能执行此操作', en: 'Not possible in this state' },
});
