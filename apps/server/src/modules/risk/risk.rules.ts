/**
 * 风险预警规则 RISK-1: pure functions from facts to a finding (or null). No database: each rule is tested on the
 * facts that must fire it and on normal facts that must not. Thresholds live in one object, quoted in the evidence.
 */
import type { RiskSeverity, RiskWarningType } from '@zhuhe/contracts';

export const RISK_THRESHOLDS = {
  /** 频繁变更: this many signed amendments (补充协议) of one contract within the window */
  amendmentsCount: 3,
  amendmentsWindowDays: 90,
  /** 突然停工: no log for this many days after logging regularly (usual gap at most `regularGapDays`) */
  suspensionGapDays: 14,
  regularGapDays: 7,
  minLogsBeforeSuspension: 3,
  /** 节点延误 more than this many days late and not reached */
  delayDays: 7,
  /** 大额出款 to an account the organisation never paid before, in fen (¥100,000; high from ¥1,000,000) */
  largePayoutFen: 10_000_000,
  highPayoutFen: 100_000_000,
  /** 资金回流 A pays B and B pays A back within the window, amounts within the tolerance */
  roundTripWindowDays: 30,
  roundTripTolerance: 0.1,
} as const;

type Text = { 'zh-CN': string; en: string };
type Facts = Record<string, string | number | boolean | null>;

export interface Finding {
  type: RiskWarningType;
  severity: RiskSeverity;
  subject: { kind: 'contract' | 'milestone' | 'org' | 'payout' | 'wage_month'; id: string };
  contractId: string | null;
  ownerOrgId: string | null;
  partyOrgIds: string[];
  title: Text;
  summary: Text;
  facts: Facts;
  links: { label: Text; href: string }[];
}

const DAY_MS = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

const contractLinks = (contractId: string): Finding['links'] => [
  { label: { 'zh-CN': '合同', en: 'Contract' }, href: `/workspace/contracts/${contractId}` },
  { label: { 'zh-CN': '施工进度', en: 'Progress' }, href: `/workspace/progress/${contractId}` },
];

/** 频繁变更 three or more signed amendments of one contract within 90 days. */
export function frequentAmendments(
  input: {
    contractId: string;
    title: string;
    buyerOrgId: string;
    supplierOrgId: string;
    amendments: { versionNo: number; signedOn: string }[];
  },
  today: string,
): Finding | null {
  const t = RISK_THRESHOLDS;
  const recent = input.amendments.filter((a) => {
    const age = daysBetween(a.signedOn, today);
    return age >= 0 && age < t.amendmentsWindowDays;
  });
  if (recent.length < t.amendmentsCount) return null;
  const n = recent.length;
  return {
    type: 'frequent_amendments',
    severity: n >= t.amendmentsCount + 2 ? 'high' : 'medium',
    subject: { kind: 'contract', id: input.contractId },
    contractId: input.contractId,
    ownerOrgId: input.buyerOrgId,
    partyOrgIds: [input.buyerOrgId, input.supplierOrgId],
    title: { 'zh-CN': `合同频繁变更：${input.title}`, en: `Frequent amendments: ${input.title}` },
    summary: {
      'zh-CN': `${t.amendmentsWindowDays} 天内签署了 ${n} 份补充协议（阈值 ${t.amendmentsCount}）`,
      en: `${n} amendments signed within ${t.amendmentsWindowDays} days (threshold ${t.amendmentsCount})`,
    },
    facts: {
      amendmentsInWindow: n,
      windowDays: t.amendmentsWindowDays,
      threshold: t.amendmentsCount,
      versions: recent.map((a) => `v${a.versionNo} ${a.signedOn}`).join(', '),
    },
    links: contractLinks(input.contractId),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * 突然停工 a contractor that logged regularly (usual gap ≤ 7 days, at least three logs) has filed nothing for 14
 * days while the work is not complete. A contract that never logged is the weekly reminder's business, not this.
 */
export function logSuspension(input: {
  contractId: string;
  title: string;
  gcOrgId: string;
  payeeOrgId: string;
  logDates: string[];
  progressBp: number;
  today: string;
}): Finding | null {
  const t = RISK_THRESHOLDS;
  if (input.progressBp >= 10_000) return null;
  const dates = [...new Set(input.logDates.filter((d) => d <= input.today))].sort();
  if (dates.length < t.minLogsBeforeSuspension) return null;
  const gaps = dates.slice(1).map((d, i) => daysBetween(dates[i] as string, d));
  const usual = median(gaps);
  const last = dates[dates.length - 1] as string;
  const silent = daysBetween(last, input.today);
  if (usual > t.regularGapDays || silent < t.suspensionGapDays) return null;
  return {
    type: 'log_suspension',
    severity: silent >= t.suspensionGapDays + 7 ? 'high' : 'medium',
    subject: { kind: 'contract', id: input.contractId },
    contractId: input.contractId,
    ownerOrgId: input.payeeOrgId,
    partyOrgIds: [input.gcOrgId, input.payeeOrgId],
    title: { 'zh-CN': `施工日志突然中断：${input.title}`, en: `Construction logs stopped: ${input.title}` },
    summary: {
      'zh-CN': `最后一次日志 ${last}，已 ${silent} 天未提交（此前通常每 ${usual} 天一次），工程进度 ${(input.progressBp / 100).toFixed(1)}%`,
      en: `Last log on ${last}, none for ${silent} days (usually every ${usual} days before); progress ${(input.progressBp / 100).toFixed(1)}%`,
    },
    facts: {
      lastLogDate: last,
      daysSilent: silent,
      usualGapDays: usual,
      logsBefore: dates.length,
      progressPercent: Number((input.progressBp / 100).toFixed(1)),
      thresholdDays: t.suspensionGapDays,
    },
    links: contractLinks(input.contractId),
  };
}

/** 节点延误 a milestone not reached more than 7 days after its due date. */
export function milestoneDelay(input: {
  contractId: string;
  title: string;
  gcOrgId: string;
  payeeOrgId: string;
  milestone: { id: string; seq: number; title: string; dueDate: string; completedOn: string | null; delayDays: number };
}): Finding | null {
  const m = input.milestone;
  if (m.completedOn || m.delayDays <= RISK_THRESHOLDS.delayDays) return null;
  return {
    type: 'milestone_delay',
    severity: m.delayDays > 30 ? 'high' : 'medium',
    subject: { kind: 'milestone', id: m.id },
    contractId: input.contractId,
    ownerOrgId: input.payeeOrgId,
    partyOrgIds: [input.gcOrgId, input.payeeOrgId],
    title: {
      'zh-CN': `节点延误 ${m.delayDays} 天：${m.title}`,
      en: `Milestone ${m.delayDays} days late: ${m.title}`,
    },
    summary: {
      'zh-CN': `「${input.title}」第 ${m.seq} 个节点计划 ${m.dueDate} 完成，至今未达到（超过 ${RISK_THRESHOLDS.delayDays} 天）`,
      en: `Milestone ${m.seq} of "${input.title}" was due on ${m.dueDate} and is not reached (more than ${RISK_THRESHOLDS.delayDays} days)`,
    },
    facts: {
      milestoneSeq: m.seq,
      dueDate: m.dueDate,
      delayDays: m.delayDays,
      thresholdDays: RISK_THRESHOLDS.delayDays,
    },
    links: contractLinks(input.contractId),
  };
}

/** 大额出款至新账户 a large payout to a bank account the organisation has never paid before. */
export function largePayoutToNewAccount(input: {
  payoutId: string;
  orgId: string;
  orgName: string;
  amountFen: number;
  beneficiaryName: string;
  beneficiaryAccount: string;
  firstUseOfAccount: boolean;
  createdAt: string;
}): Finding | null {
  const t = RISK_THRESHOLDS;
  if (!input.firstUseOfAccount || input.amountFen < t.largePayoutFen) return null;
  const foreignName = input.beneficiaryName.trim() !== input.orgName.trim();
  const masked = `****${input.beneficiaryAccount.slice(-4)}`;
  return {
    type: 'large_payout_new_account',
    severity: input.amountFen >= t.highPayoutFen || foreignName ? 'high' : 'medium',
    subject: { kind: 'payout', id: input.payoutId },
    contractId: null,
    ownerOrgId: input.orgId,
    partyOrgIds: [input.orgId],
    title: {
      'zh-CN': `大额出款至新账户 ¥${yuan(input.amountFen)}`,
      en: `Large payout to a new account ¥${yuan(input.amountFen)}`,
    },
    summary: {
      'zh-CN': `向首次使用的账户 ${masked}（${input.beneficiaryName}）付款 ¥${yuan(input.amountFen)}${foreignName ? '，收款人不是本组织' : ''}`,
      en: `¥${yuan(input.amountFen)} paid to account ${masked} (${input.beneficiaryName}) used for the first time${foreignName ? ', beneficiary is not the organisation itself' : ''}`,
    },
    facts: {
      amountFen: input.amountFen,
      beneficiaryName: input.beneficiaryName,
      account: masked,
      firstUseOfAccount: true,
      beneficiaryIsOrganisation: !foreignName,
      thresholdFen: t.largePayoutFen,
      at: input.createdAt,
    },
    links: [{ label: { 'zh-CN': '钱包', en: 'Wallet' }, href: '/workspace/wallet' }],
  };
}

export interface Flow {
  releaseId: string;
  contractId: string;
  payerOrgId: string;
  payeeOrgId: string;
  grossFen: number;
  releasedAt: string;
}

/**
 * 资金回流 money released from A to B comes back from B to A (another contract) within 30 days and within 10% of
 * the amount: the pattern of round-tripping through fictitious work.
 */
export function roundTrip(flow: Flow, earlier: Flow[]): Finding | null {
  const t = RISK_THRESHOLDS;
  const at = Date.parse(flow.releasedAt);
  const back = earlier.find((e) => {
    if (e.releaseId === flow.releaseId) return false;
    if (e.payerOrgId !== flow.payeeOrgId || e.payeeOrgId !== flow.payerOrgId) return false;
    const gap = (at - Date.parse(e.releasedAt)) / DAY_MS;
    if (gap < 0 || gap > t.roundTripWindowDays) return false;
    return Math.abs(e.grossFen - flow.grossFen) <= t.roundTripTolerance * Math.max(e.grossFen, flow.grossFen);
  });
  if (!back) return null;
  const pair = [flow.payerOrgId, flow.payeeOrgId].sort().join(':');
  return {
    type: 'round_tripping',
    severity: 'high',
    subject: { kind: 'org', id: pair },
    contractId: flow.contractId,
    ownerOrgId: null,
    partyOrgIds: [flow.payerOrgId, flow.payeeOrgId],
    title: { 'zh-CN': '资金回流', en: 'Round-tripping of funds' },
    summary: {
      'zh-CN': `¥${yuan(back.grossFen)} 放款后 ${Math.round((at - Date.parse(back.releasedAt)) / DAY_MS)} 天内由收款方以 ¥${yuan(flow.grossFen)} 付回原付款方`,
      en: `¥${yuan(back.grossFen)} released, then ¥${yuan(flow.grossFen)} paid back to the original payer within ${Math.round((at - Date.parse(back.releasedAt)) / DAY_MS)} days`,
    },
    facts: {
      firstReleaseId: back.releaseId,
      firstContractId: back.contractId,
      firstGrossFen: back.grossFen,
      returnReleaseId: flow.releaseId,
      returnContractId: flow.contractId,
      returnGrossFen: flow.grossFen,
      windowDays: t.roundTripWindowDays,
    },
    links: [
      {
        label: { 'zh-CN': '首笔放款合同', en: 'First contract' },
        href: `/workspace/contracts/${back.contractId}/money`,
      },
      { label: { 'zh-CN': '回流合同', en: 'Return contract' }, href: `/workspace/contracts/${flow.contractId}/money` },
    ],
  };
}

/**
 * 欠薪预警 FUND-5: a closed month in which the construction logs show workers on site and nothing was paid from the
 * payee's wage account. The GC owns it (施工总承包单位对农民工工资支付负总责); both parties see it. High when more
 * than ten workers were on site at once or on more than ten days.
 */
export function unpaidWages(input: {
  contractId: string;
  title: string;
  gcOrgId: string;
  payeeOrgId: string;
  month: string;
  logDays: number;
  peakWorkers: number;
  workerDays: number;
  paid: boolean;
}): Finding | null {
  if (input.paid || input.logDays === 0) return null;
  return {
    type: 'wage_unpaid',
    severity: input.peakWorkers > 10 || input.logDays > 10 ? 'high' : 'medium',
    subject: { kind: 'wage_month', id: `${input.contractId}:${input.month}` },
    contractId: input.contractId,
    ownerOrgId: input.gcOrgId,
    partyOrgIds: [input.gcOrgId, input.payeeOrgId],
    title: {
      'zh-CN': `${input.month} 有工人在场但工资专户未发放工资：${input.title}`,
      en: `Workers on site in ${input.month} but no wages paid from the wage account: ${input.title}`,
    },
    summary: {
      'zh-CN': `${input.month} 施工日志记录 ${input.logDays} 天有工人在场（最多 ${input.peakWorkers} 人，共 ${input.workerDays} 工日），农民工工资专用账户当月没有发放记录；农民工工资应至少按月足额支付`,
      en: `The construction logs of ${input.month} show workers on site on ${input.logDays} days (up to ${input.peakWorkers}, ${input.workerDays} worker-days in all), and nothing was paid from the wage account that month; wages are due at least monthly`,
    },
    facts: {
      month: input.month,
      logDays: input.logDays,
      peakWorkers: input.peakWorkers,
      workerDays: input.workerDays,
      wagePayouts: 0,
    },
    links: [
      { label: { 'zh-CN': '施工进度', en: 'Progress' }, href: `/workspace/progress/${input.contractId}` },
      { label: { 'zh-CN': '资金监管', en: 'Escrow' }, href: `/workspace/contracts/${input.contractId}/money` },
    ],
  };
}
