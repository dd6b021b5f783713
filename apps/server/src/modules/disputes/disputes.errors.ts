import { defineErrors } from '../../infra/errors';

export const disputeErrors = defineErrors({
  DISPUTE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '纠纷案件不存在或无权访问', en: 'Dispute not found' },
  DISPUTE_SUBJECT_NOT_PARTY: {
    kind: 'not_found',
    'zh-CN': '只能就本组织作为当事方的已签署合同提起纠纷',
    en: 'You can only file a dispute about a signed contract your organisation is party to',
  },
  DISPUTE_AMOUNT_ABOVE_CONTRACT: {
    kind: 'invalid',
    'zh-CN': '争议金额（{amount} 元）不能超过合同金额（{contract} 元）',
    en: 'The amount in dispute (¥{amount}) cannot exceed the contract amount (¥{contract})',
  },
  DISPUTE_AMOUNT_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '款项纠纷须填写争议金额',
    en: 'A payment dispute needs the amount in dispute',
  },
  DISPUTE_EVIDENCE_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '证据文件不存在或不属于本组织，请重新上传',
    en: 'An evidence file does not exist or does not belong to your organisation; upload it again',
  },
  DISPUTE_EVIDENCE_TYPE: {
    kind: 'invalid',
    'zh-CN': '证据只接受 PDF 或图片（JPG、PNG），当前文件为 {actual}',
    en: 'Evidence must be a PDF or an image (JPG, PNG); this file is {actual}',
  },
  DISPUTE_HOLD_NEEDS_AMOUNT: {
    kind: 'invalid',
    'zh-CN': '只有涉及金额的纠纷才能申请冻结监管资金',
    en: 'Only a dispute about an amount can hold escrow money',
  },
  DISPUTE_CLOSED: { kind: 'conflict', 'zh-CN': '案件已结案', en: 'The case is closed' },
  DISPUTE_WRONG_STAGE: {
    kind: 'conflict',
    'zh-CN': '案件当前阶段不能执行此操作',
    en: 'The case is not at a stage where this can be done',
  },
  DISPUTE_NOT_CASE_TEAM: {
    kind: 'forbidden',
    'zh-CN': '只有本案的客服负责人或专员可以执行此操作',
    en: 'Only this case’s customer-service owner or specialist can do this',
  },
  DISPUTE_NOT_ARBITRATOR: {
    kind: 'forbidden',
    'zh-CN': '您不是本案的仲裁员',
    en: 'You are not an arbitrator of this case',
  },
  DISPUTE_ALREADY_VOTED: { kind: 'conflict', 'zh-CN': '您已对本案表决', en: 'You have already voted on this case' },
  DISPUTE_ARBITRATORS_UNAVAILABLE: {
    kind: 'conflict',
    'zh-CN': '无利益冲突的仲裁员不足三名（可用 {count} 名），请先增补仲裁员',
    en: 'Fewer than three arbitrators without a conflict of interest ({count} available); appoint more first',
  },
  DISPUTE_AWARD_INVALID: {
    kind: 'invalid',
    'zh-CN': '裁决金额须在 0 与争议金额（{amount} 元）之间，并与裁决结果一致',
    en: 'The award must be between 0 and the amount in dispute (¥{amount}) and agree with the outcome',
  },
  DISPUTE_ALREADY_OPEN: {
    kind: 'conflict',
    'zh-CN': '本合同已有一件未结的本组织纠纷案件',
    en: 'Your organisation already has an open dispute about this contract',
  },
  DISPUTE_ESCROW_SHORT: {
    kind: 'conflict',
    'zh-CN': '合同监管账户可用余额不足以冻结争议金额',
    en: 'The contract’s escrow does not hold enough to freeze the amount in dispute',
  },
});
