import { defineErrors } from '../../infra/errors';

export const tenderErrors = defineErrors({
  TENDER_NOT_FOUND: { kind: 'not_found', 'zh-CN': '招标项目不存在', en: 'Tender not found' },
  TENDER_DEMAND_INVALID: {
    kind: 'invalid',
    'zh-CN': '只能对本组织已发布的需求发起招标',
    en: 'A tender can only be opened on a published demand of your organisation',
  },
  TENDER_ITEMS_EMPTY: {
    kind: 'invalid',
    'zh-CN': '需求没有工程量清单，无法报价',
    en: 'The demand has no bill of quantities to price',
  },
  TENDER_INVITEES_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '邀请招标须邀请至少一家其他组织',
    en: 'An invited tender needs at least one other organisation invited',
  },
  TENDER_DEADLINE_TOO_SOON: {
    kind: 'invalid',
    'zh-CN': '投标截止时间须不早于 {earliest}（最短投标期 {window}）',
    en: 'The bid deadline must be at or after {earliest} (minimum bidding window {window})',
  },
  TENDER_DEADLINE_EARLIER: {
    kind: 'invalid',
    'zh-CN': '投标截止时间只能推迟，不能提前',
    en: 'The bid deadline can only move later, never earlier',
  },
  TENDER_NOT_DRAFT: { kind: 'conflict', 'zh-CN': '招标已发布，不能再修改', en: 'The tender is already published' },
  TENDER_NOT_OPEN: {
    kind: 'conflict',
    'zh-CN': '投标已截止或招标未发布（截止时间 {deadline}）',
    en: 'Bidding is closed or the tender is not published (deadline {deadline})',
  },
  TENDER_RECORD_RESTRICTED: {
    kind: 'forbidden',
    'zh-CN': '评标报告仅招标人可查阅；投标人可在招标详情中查看本单位的评分',
    en: 'Only the buyer may read the evaluation report; a bidder sees its own scores on the tender page',
  },
  TENDER_SEALED: {
    kind: 'conflict',
    'zh-CN': '投标截止前，任何人（含平台人员）都不能开启投标文件',
    en: 'Nobody, platform staff included, can open the bids before the deadline',
  },
  TENDER_NOT_OPENED: { kind: 'conflict', 'zh-CN': '尚未开标', en: 'The bids have not been opened yet' },
  TENDER_VERSION_STALE: {
    kind: 'conflict',
    'zh-CN': '招标文件已有补遗（当前第 {current} 版），请阅读补遗后再确认',
    en: 'The tender has an addendum (now version {current}); read it before confirming',
  },
  TENDER_PRICES_MISMATCH: {
    kind: 'invalid',
    'zh-CN': '报价行数（{given}）与工程量清单行数（{expected}）不符',
    en: 'Priced lines ({given}) do not match the bill of quantities ({expected})',
  },
  TENDER_BID_NOT_FOUND: { kind: 'not_found', 'zh-CN': '投标不存在', en: 'Bid not found' },
  TENDER_NOT_INVITED: {
    kind: 'forbidden',
    'zh-CN': '本项目为邀请招标，贵单位未受邀',
    en: 'This is an invited tender and your organisation is not invited',
  },
  TENDER_OWN_TENDER: { kind: 'forbidden', 'zh-CN': '不能对本组织的招标投标', en: 'You cannot bid on your own tender' },
  TENDER_BIDDER_REFUSED: {
    kind: 'forbidden',
    'zh-CN': '资格预审未通过，不能投标：{reasons}',
    en: 'Prequalification failed, you cannot bid: {reasonsEn}',
  },
  TENDER_EVALUATOR_INVALID: {
    kind: 'invalid',
    'zh-CN': '评标专家须为本组织成员',
    en: 'An evaluator must be a member of your organisation',
  },
  TENDER_NOT_EVALUATOR: {
    kind: 'forbidden',
    'zh-CN': '您不是本项目的评标专家',
    en: 'You are not an evaluator of this tender',
  },
  TENDER_NOT_EVALUATING: { kind: 'conflict', 'zh-CN': '当前不在评标阶段', en: 'The tender is not being evaluated' },
  TENDER_SCORES_MISSING: {
    kind: 'conflict',
    'zh-CN': '还有技术分未录入（{missing} 项），不能定稿',
    en: 'Technical scores are missing ({missing}); the table cannot be finalised',
  },
  TENDER_NO_EVALUATORS: {
    kind: 'conflict',
    'zh-CN': '请先指定评标专家',
    en: 'Name at least one evaluator first',
  },
  TENDER_AWARD_NOT_OFFERED: {
    kind: 'conflict',
    'zh-CN': '没有待贵单位答复的中标通知',
    en: 'There is no award waiting for your answer',
  },
  TENDER_NOT_AWARDED: {
    kind: 'conflict',
    'zh-CN': '中标人尚未接受中标，不能生成合同',
    en: 'The winner has not accepted the award; no contract yet',
  },
  TENDER_CONTRACT_EXISTS: {
    kind: 'conflict',
    'zh-CN': '本项目已生成合同',
    en: 'A contract was already generated for this tender',
  },
});
