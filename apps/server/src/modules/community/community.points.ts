import type { PointsReason } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { earnPoints } from '../rewards';
import * as repo from './community.repository';

/** 积分 what each participation earns. */
export const POINTS: Readonly<Record<PointsReason, number>> = {
  post: 2,
  reply: 1,
  best_answer: 10,
  like_received: 1,
};

export interface PointsEarning {
  userId: string;
  orgId: string;
  reason: PointsReason;
  points: number;
  /** what earned them: the post, the reply, or `<kind>:<target>:<liker>` for a like */
  sourceId: string;
}

/**
 * The one way points are earned (COMM-1 积分). Idempotent on (reason, sourceId, userId): recording the same event
 * again — a retried request, a like taken back and given again — adds nothing. Returns whether a row was added.
 * The community keeps its own rows for 声望 reputation; the points themselves go to the organisation's account in
 * the rewards module's ledger, in the same transaction and with the same idempotency key.
 */
export async function recordPointsEarning(ctx: AppContext, earning: PointsEarning, tx?: DbOrTx): Promise<boolean> {
  const write = async (db: DbOrTx) => {
    const added = await repo.insertPoints(db, { id: newId(), createdAt: new Date(), ...earning });
    if (added)
      await earnPoints(
        ctx,
        {
          orgId: earning.orgId,
          userId: earning.userId,
          points: earning.points,
          reason: `community.${earning.reason}`,
          sourceKey: `community:${earning.reason}:${earning.sourceId}:${earning.userId}`,
        },
        db,
      );
    return added;
  };
  return tx ? write(tx) : ctx.db.transaction(write);
}

/** 声望 reputation: the sum of a user's points, per user. */
export async function reputationOf(ctx: AppContext, userIds: string[]): Promise<Map<string, number>> {
  return repo.pointsOf(ctx.db, [...new Set(userIds)]);
}
