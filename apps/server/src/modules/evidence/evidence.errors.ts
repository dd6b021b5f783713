import { defineErrors } from '../../infra/errors';

export const evidenceErrors = defineErrors({
  EVIDENCE_ENTRY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '存证记录不存在', en: 'Evidence entry not found' },
  EVIDENCE_TREE_SIZE_INVALID: {
    kind: 'invalid',
    'zh-CN': '树大小无效：应在 1 到当前日志大小 {size} 之间',
    en: 'Invalid tree size: it must be between 1 and the current log size {size}',
  },
  EVIDENCE_NO_CHECKPOINT: { kind: 'not_found', 'zh-CN': '尚无已签名的检查点', en: 'No signed checkpoint yet' },
  EVIDENCE_WITNESS_REFUSED: {
    kind: 'conflict',
    'zh-CN': '见证方拒绝联署该检查点：{reason}',
    en: 'The witness refused to cosign the checkpoint: {reason}',
  },
  EVIDENCE_SUBSCRIPTION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '订阅不存在', en: 'Subscription not found' },
});
