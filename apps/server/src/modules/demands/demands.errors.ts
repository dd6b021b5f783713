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
    'zh-CN': '请上传 PDF、Word（.docx）或图片（PNG、JPEG）格式的招标文件',
    en: 'Upload the tender file as PDF, Word (.docx) or an image (PNG, JPEG)',
  },
  DEMAND_IMPORT_UNREADABLE: {
    kind: 'unprocessable',
    'zh-CN': '文件已损坏或已加密，无法读取内容',
    en: 'The file is damaged or encrypted and cannot be read',
  },
  DEMAND_IMPORT_NO_TEXT: {
    kind: 'unprocessable',
    'zh-CN': '未能从文件中读取或识别出文字（空白页或图像过于模糊），请手动填写',
    en: 'No text could be read or recognised in the file (a blank page or too blurred an image); fill in the form by hand',
  },
  DEMAND_OCR_UNAVAILABLE: {
    kind: 'dependency_unavailable',
    'zh-CN':
      '本服务器未安装文字识别程序（tesseract-ocr、tesseract-ocr-chi-sim），无法识别扫描件或图片；请上传含文字的 PDF 或 Word 文件，或手动填写',
    en: 'Text recognition (tesseract-ocr, tesseract-ocr-chi-sim) is not installed on this server, so scans and images cannot be read; upload a PDF or Word file with text, or fill in the form by hand',
  },
  DEMAND_OCR_BUSY: {
    kind: 'rate_limited',
    'zh-CN': '文字识别正忙，请稍后再试',
    en: 'Text recognition is busy; try again in a moment',
  },
  DEMAND_OCR_TIMEOUT: {
    kind: 'unprocessable',
    'zh-CN': '文字识别超时：文件页数过多或图像过大，请只上传招标公告的前几页',
    en: 'Text recognition took too long: the file has too many pages or too large an image; upload only the first pages of the notice',
  },
  DEMAND_OCR_IMAGE_TOO_LARGE: {
    kind: 'too_large',
    'zh-CN': '图片过大（超过 {maxMegapixels} 百万像素），请缩小后再上传',
    en: 'The image is too large (over {maxMegapixels} megapixels); scale it down and upload it again',
  },
  DEMAND_NOT_EDITABLE: { kind: 'conflict', 'zh-CN': '当前状态下不能执行此操作', en: 'Not possible in this state' },
});
