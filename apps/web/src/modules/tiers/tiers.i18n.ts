export const tiersZhCN = {
  title: '用户等级',
  tiers: { new: '新用户', normal: '普通用户', certified: '认证用户', vip: 'VIP 用户' },
  since: '自 {{date}} 起',
  rules:
    '规则：完成 3 笔交易升为普通用户；近 12 个月交易额超 500 万元升为认证用户；信用评分 ≥ 90 升为 VIP；连续两个季度无交易降一级。每季度初评定。',
  pending: '以下规则的数据尚未上线：',
  history: '等级变更记录',
  overview: '用户分级概览',
  run: '立即执行季度评定',
  ran: '{{quarter}}：评定 {{evaluated}} 家，变更 {{changed}} 家',
  organisation: '组织',
  quarter: '季度',
  change: '变更',
  reasons: '原因',
};
export const tiersEn: typeof tiersZhCN = {
  title: 'Tier',
  tiers: { new: 'New', normal: 'Normal', certified: 'Certified', vip: 'VIP' },
  since: 'since {{date}}',
  rules:
    'Rules: 3 completed transactions → normal; trailing 12-month volume over ¥5M → certified; credit score ≥ 90 → VIP; two quarters without a transaction → down one tier. Evaluated each quarter.',
  pending: 'Data for these rules is not on the platform yet:',
  history: 'Tier history',
  overview: 'Tier overview',
  run: 'Run the quarterly evaluation now',
  ran: '{{quarter}}: {{evaluated}} evaluated, {{changed}} changed',
  organisation: 'Organisation',
  quarter: 'Quarter',
  change: 'Change',
  reasons: 'Reasons',
};
