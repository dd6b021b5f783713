import { defineErrors } from '../../infra/errors';

export const fileErrors = defineErrors({
  FILE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '文件不存在', en: 'File not found' },
  FILE_MISSING: { kind: 'invalid', 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  FILE_EMPTY: { kind: 'invalid', 'zh-CN': '文件为空', en: 'The file is empty' },
  FILE_TOO_LARGE: {
    kind: 'too_large',
    'zh-CN': '文件过大，单个文件不能超过 {maxMb} MB',
    en: 'The file is too large; the limit is {maxMb} MB',
  },
  FILE_TYPE_UNSUPPORTED: {
    kind: 'invalid',
    'zh-CN': '不支持的文件类型（支持 PDF、JPG/PNG/WebP 图片、MP4 视频、Word、Excel、CSV）',
    en: 'Unsupported file type (PDF, JPG/PNG/WebP images, MP4 video, Word, Excel and CSV are accepted)',
  },
  FILE_TYPE_MISMATCH: {
    kind: 'invalid',
    'zh-CN': '文件内容是 {actual}，与所需的 {expected} 不符（文件类型按内容识别，而不是文件名）',
    en: 'The file content is {actual}, not the {expected} required (the type is read from the content, not the name)',
  },
});
