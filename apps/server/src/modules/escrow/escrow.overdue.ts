import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { getUsers } from '../identity';
import { defineSensitiveAction, requestSensitiveAction, staffRolesByUser } from '../staff';
import { escrowErrors } from './escrow.errors';
import { event, requireEscrow } from './escrow.lifecycle';
import * as repo from './escrow.repository';

/** FUND-3: a scheduled payment more than this many days overdue freezes the escrow. */
export const OVERDUE_FREEZE_DAYS = 15;

async function financeStaffEmails(ctx: AppContext): Promise<{ id: string; email: string }[]> {
  const roles = await staffRolesByUser(ctx);
  const ids = [...roles].filter(([, r]) => r.includes('finance') || r.includes('risk')).map(([id]) => id);
  return (await getUsers(ctx, ids)).flatMap((u) => (u.email ? [{ id: u.id, email: u.email }] : []));
}

/**
 * FUND-3, the daily overdue watch: a scheduled payment more than 15 days past its due date (Asia/Shanghai)
 * freezes the contract's escrow, opens a risk case and tells finance and risk staff by e-mail. A milestone
 * freezes its escrow once: after staff unfreeze it, the same overdue item does not freeze it again.
 */
export async function freezeOverdueEscrows(ctx: AppContext, now = new Date()): Promise<string[]> {
  const cutoff = new Date(Date.parse(shanghaiDate(now)) - OVERDUE_FREEZE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const frozen: string[] = [];
  const staff = await financeStaffEmails(ctx);
  for (const item of await repo.overdueItems(ctx.db, cutoff)) {
    if (frozen.includes(item.contractId)) continue;
    const done = await ctx.db.transaction(async (tx) => {
      if (await repo.riskCaseExists(tx, item.contractId, 'overdue_payment', item.milestoneId)) return false;
      const reason = `节点「${item.title}」付款逾期超过 ${OVERDUE_FREEZE_DAYS} 天（应付日 ${item.dueDate}）`;
      if (!(await repo.setFrozen(tx, item.contractId, true, reason, now))) return false;
      const caseId = newId();
      await repo.insertRiskCase(tx, {
        id: caseId,
        contractId: item.contractId,
        kind: 'overdue_payment',
        milestoneId: item.milestoneId,
        detail: reason,
        status: 'open',
        openedAt: now,
        closedAt: null,
        closedBy: null,
      });
      await event(tx, item.contractId, 'frozen', null, {
        milestoneId: item.milestoneId,
        dueDate: item.dueDate,
        reason,
      });
      for (const r of staff)
        await queueMail(
          ctx.jobs,
          {
            to: r.email,
            subject: `【筑合】监管资金已冻结 / Escrow frozen: ${item.title}`,
            text:
              `${reason}。合同 ${item.contractId} 的监管资金已自动冻结，并已立案（风险案件 ${caseId}），请在财务控制台处理；解冻需双人复核。\n\n` +
              `A payment for “${item.title}” (due ${item.dueDate}) is more than ${OVERDUE_FREEZE_DAYS} days overdue. ` +
              `The escrow of contract ${item.contractId} is frozen and risk case ${caseId} is open in the finance console; ` +
              'unfreezing needs two staff members.',
          },
          { tx, dedupeKey: `escrow-frozen:${caseId}:${r.id}` },
        );
      return true;
    });
    if (done) frozen.push(item.contractId);
  }
  return frozen;
}

export function registerEscrowJobs(ctx: AppContext): void {
  // 01:00 Asia/Shanghai, every day
  ctx.jobs.schedule('escrow.overdue-freeze', '0 1 * * *', async () => {
    await freezeOverdueEscrows(ctx);
  });
}

type UnfreezePayload = { contractId: string; reason: string; requestedBy: string };

/** 解冻 unfreezing an escrow is a sensitive action: a second finance, risk or admin staff member approves. */
export const unfreezeEscrow = defineSensitiveAction<UnfreezePayload>({
  name: 'escrow.unfreeze',
  roles: ['finance', 'risk', 'admin'],
  summary: (p) => ({
    'zh-CN': `解冻合同 ${p.contractId} 的监管资金：${p.reason}`,
    en: `Unfreeze the escrow of contract ${p.contractId}: ${p.reason}`,
  }),
  async validate(ctx, p) {
    const escrow = await requireEscrow(ctx.db, p.contractId);
    if (!escrow.frozen) throw escrowErrors.raise('ESCROW_NOT_FROZEN');
  },
  async execute(tx, p, meta) {
    const now = new Date();
    if (!(await repo.setFrozen(tx, p.contractId, false, null, null))) throw escrowErrors.raise('ESCROW_NOT_FROZEN');
    await repo.closeRiskCases(tx, p.contractId, meta.approvedBy, now);
    await event(tx, p.contractId, 'unfrozen', null, {
      reason: p.reason,
      requestedBy: p.requestedBy,
      approvedBy: meta.approvedBy,
      requestId: meta.requestId,
    });
  },
});

export async function requestUnfreeze(ctx: AppContext, actor: Actor, input: { contractId: string; reason: string }) {
  const payload: UnfreezePayload = { ...input, requestedBy: actor.userId };
  const request = await requestSensitiveAction(ctx, actor, unfreezeEscrow.name, payload);
  return { requestId: request.id, status: 'pending' as const, summary: unfreezeEscrow.summary(payload) };
}
