import { addWorkingDays, workingDaysBetween } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { notify } from '../notifications';
import * as repo from './contracts.repository';

/** FLOW-4: from the final version to the last signature within 1 working day of the official calendar. */
export const SIGNING_WORKING_DAYS = 1;
/** Parties that have not signed are reminded once half of the working window has passed. */
export const REMIND_AFTER_WORKING_DAYS = 0.5;

/** 签署时限 the deadline of a version: 1 working day after it was proposed (调休 and holidays included). */
export function signingDueAt(versionCreatedAt: Date): Date {
  return addWorkingDays(versionCreatedAt, SIGNING_WORKING_DAYS);
}

/** Time to remind: half the working window gone, the deadline not yet passed. */
export function reminderDue(versionCreatedAt: Date, now: Date): boolean {
  return now < signingDueAt(versionCreatedAt) && workingDaysBetween(versionCreatedAt, now) >= REMIND_AFTER_WORKING_DAYS;
}

/**
 * 签署提醒: each contract whose current version is due for a reminder gets one notification (in-app and e-mail
 * through the outbox) to every party that has not consented yet; the version is marked so it is reminded once.
 * Returns how many parties were reminded.
 */
export async function sendSigningReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  let reminded = 0;
  for (const { contract, version } of await repo.awaitingSignatures(ctx.db)) {
    if (!reminderDue(version.createdAt, now)) continue;
    const [parties, signatures] = await Promise.all([
      repo.partiesOf(ctx.db, contract.id),
      repo.signaturesFor(ctx.db, contract.id, version.versionNo),
    ]);
    const dueAt = signingDueAt(version.createdAt);
    const due = dueAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    await ctx.db.transaction(async (tx) => {
      for (const party of parties) {
        if (signatures.some((s) => s.orgId === party.orgId)) continue;
        await notify(
          ctx,
          {
            orgId: party.orgId,
            kind: 'contract.signing-due',
            title: `请在 ${due} 前签署《${contract.title}》`,
            body: `《${contract.title}》第 ${version.versionNo} 版待贵方签署，平台承诺定稿后 1 个工作日内完成签署，截止 ${due}。`,
            link: `/workspace/contracts/${contract.id}`,
            email: true,
          },
          tx,
        );
        reminded += 1;
      }
      await repo.markReminded(tx, contract.id, version.versionNo, now);
    });
  }
  return reminded;
}

/**
 * 签署周期 clocks for the promises board: per contract, the version it is being or was last signed on, from its
 * proposal to the last consent (the contract's seal time), due 1 working day later.
 */
export async function signingClocks(ctx: AppContext, since: Date) {
  return (await repo.signingVersionsSince(ctx.db, since)).map(({ contract, versionNo, versionAt }) => ({
    contractId: contract.id,
    title: contract.title,
    versionNo,
    startedAt: versionAt,
    dueAt: signingDueAt(versionAt),
    endedAt: contract.signedVersion === versionNo ? contract.signedAt : null,
  }));
}
