import { z } from 'zod';
import { BusinessRole, Id } from './common';

/**
 * 待办 what a home page (工作台) asks its user to do, with the deadline it has. Each kind is answered by the
 * module that owns the subject (tendering, execution, settlement, escrow, matching, risk, verification, insurance).
 */
export const WORKSPACE_TODO_KINDS = [
  /** 待开标: the deadline of the buyer's tender passed and the bids wait to be opened */
  'bids_to_open',
  /** 招标截止: the buyer's open tender closes */
  'tender_closing',
  /** 投标截止: a tender the organisation was invited to or bid on closes */
  'bid_due',
  /** 待审日志: a construction log filed by the payee waits for the payer's review */
  'log_review',
  /** 应报日志: the weekly construction log of a running contract is due */
  'log_due',
  /** 日志退回: a log was sent back for changes */
  'log_changes',
  /** 待签结算单: a settlement statement waits for the organisation's signature */
  'statement_to_sign',
  /** 待付款: money the payer must pay into escrow by a date */
  'payment_due',
  /** 待答复推送: a demand pushed to the supplier waits for its answer */
  'push_to_answer',
  /** 风险预警: an open warning about one of the organisation's contracts or tenders */
  'warning',
  /** 实名核验: the organisation is not verified yet */
  'verification_missing',
  /** 证照到期: a credential of the organisation expires soon */
  'credential_expiring',
  /** 理赔待审: a claim on a 履约保证险 policy the FIN organisation issued waits for its decision */
  'claim_to_decide',
  /** (staff) 待审核: verifications waiting for a reviewer */
  'verification_review',
  /** (staff) 待处理预警: warnings nobody has acknowledged */
  'warning_triage',
  /** (staff) 资金风险案件: escrow payouts held for review */
  'payout_review',
] as const;
export const WorkspaceTodoKind = z.enum(WORKSPACE_TODO_KINDS);
export type WorkspaceTodoKind = z.infer<typeof WorkspaceTodoKind>;

export const WorkspaceSeverity = z.enum(['normal', 'warning', 'danger']);
export type WorkspaceSeverity = z.infer<typeof WorkspaceSeverity>;

export const WorkspaceTodo = z.object({
  kind: WorkspaceTodoKind,
  /** the subject's own words (a tender's or contract's title, a count for staff queues) */
  subject: z.string(),
  /** the subject in English where the data has it (a warning's title) */
  subjectEn: z.string().optional(),
  /** Shanghai date (YYYY-MM-DD) or an instant (ISO 8601); null when the to-do has no deadline */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  amountFen: z.number().int().nullable(),
  severity: WorkspaceSeverity,
  /** the page where it is done */
  href: z.string(),
});
export type WorkspaceTodo = z.infer<typeof WorkspaceTodo>;

/** 关键指标 a key figure of the organisation (or of the platform, for staff). */
export const WORKSPACE_FIGURE_KEYS = [
  'contracts_running',
  'contract_amount_fen',
  'tenders_open',
  'bids_submitted',
  'escrow_due_fen',
  'pushes_30d',
  'warnings_open',
  'credentials_valid',
  'verifications_pending',
  'warnings_untriaged',
  'payouts_held',
] as const;
export const WorkspaceFigureKey = z.enum(WORKSPACE_FIGURE_KEYS);
export type WorkspaceFigureKey = z.infer<typeof WorkspaceFigureKey>;

export const WorkspaceFigure = z.object({
  key: WorkspaceFigureKey,
  value: z.number(),
  unit: z.enum(['count', 'fen']),
  href: z.string().nullable(),
});
export type WorkspaceFigure = z.infer<typeof WorkspaceFigure>;

/** 最近动态 one recent thing that happened (an in-app notification of the organisation or the user). */
export const WorkspaceActivity = z.object({
  id: Id,
  title: z.string(),
  at: z.iso.datetime(),
  href: z.string().nullable(),
});
export type WorkspaceActivity = z.infer<typeof WorkspaceActivity>;

/** What one module contributes to a home page. */
export interface WorkspacePart {
  todos: WorkspaceTodo[];
  figures: WorkspaceFigure[];
}

export const WorkspaceHomeQuery = z.object({ role: BusinessRole });

export const WorkspaceHome = z.object({
  /** the role the page is for (null for staff) */
  role: BusinessRole.nullable(),
  /** to-dos, overdue first, then by deadline */
  todos: z.array(WorkspaceTodo),
  figures: z.array(WorkspaceFigure),
  activity: z.array(WorkspaceActivity),
});
export type WorkspaceHome = z.infer<typeof WorkspaceHome>;
