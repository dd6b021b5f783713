/** What the risk module publishes (see infra/events.ts). */

/** 风险预警 a warning was opened (published in the transaction that stores it). */
export interface RiskWarningOpened {
  warningId: string;
  type: string;
  severity: 'low' | 'medium' | 'high';
  subject: { kind: string; id: string };
  contractId: string | null;
  partyOrgIds: string[];
  title: { 'zh-CN': string; en: string };
  summary: { 'zh-CN': string; en: string };
}

/** A warning moved to acknowledged, resolved or false_alarm. */
export interface RiskWarningChanged {
  warningId: string;
  from: string;
  to: string;
  by: 'party' | 'staff' | 'system';
}

declare module '../../infra/events' {
  interface DomainEvents {
    'risk.warning_opened': RiskWarningOpened;
    'risk.warning_changed': RiskWarningChanged;
  }
}
