import { defineErrors } from '../../infra/errors';

export const policyErrors = defineErrors({
  POLICY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '政策不存在', en: 'Policy not found' },
  POLICY_VERSION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '该政策没有这个版本', en: 'This policy has no such version' },
  POLICY_SUBSCRIPTION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '订阅不存在', en: 'Subscription not found' },
  POLICY_FILE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '该政策没有 PDF 原文', en: 'This policy has no PDF' },
  POLICY_REGION_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '地区代码 {code} 不存在，请从地区列表中选择',
    en: 'Region code {code} does not exist; choose one from the list',
  },
  POLICY_PDF_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': 'PDF 文件不存在，请重新上传',
    en: 'The PDF does not exist; upload it again',
  },
  POLICY_STALE: {
    kind: 'conflict',
    'zh-CN': '该政策已被他人修改（当前为第 {revision} 次保存、第 {versionNo} 版），请刷新后在最新内容上修改',
    en: 'Someone else changed this policy (now save {revision}, version {versionNo}); reload and edit the latest',
  },
  POLICY_NOT_DRAFT: {
    kind: 'conflict',
    'zh-CN': '只有草稿可以发布，该政策已发布或已废止',
    en: 'Only a draft can be published; this policy is already published or withdrawn',
  },
  POLICY_WITHDRAWN: {
    kind: 'conflict',
    'zh-CN': '该政策已废止，不能再修改或废止',
    en: 'This policy has been withdrawn and can no longer be changed',
  },
  POLICY_NOT_PUBLISHED: {
    kind: 'conflict',
    'zh-CN': '只有已发布的政策可以废止',
    en: 'Only a published policy can be withdrawn',
  },
  POLICY_SUBSCRIPTION_LIMIT: {
    kind: 'conflict',
    'zh-CN': '每人最多订阅 {max} 条',
    en: 'At most {max} subscriptions per person',
  },
});
