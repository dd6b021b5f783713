import type { ComplianceHit } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { getUser } from '../identity';
import { complianceErrors } from './compliance.errors';
import { findBannedTerms, type TermRule } from './compliance.matcher';
import * as repo from './compliance.repository';

export type { BannedTermRow, TakedownRow } from './compliance.repository';

async function rules(ctx: AppContext): Promise<TermRule[]> {
  return (await repo.activeTerms(ctx.db)).map((t) => ({
    term: t.term,
    category: t.category as TermRule['category'],
    basis: t.basis,
  }));
}

/** 内容合规检查 the banned claims in each field, for live highlighting while the merchant types. */
export async function checkTexts(ctx: AppContext, texts: Record<string, string>): Promise<ComplianceHit[]> {
  return findBannedTerms(texts, await rules(ctx));
}

/**
 * Refuses texts with banned claims at submission: the error names every term, and its issues say which field
 * holds which term (the page highlights them). Nothing is stored when this throws.
 */
export async function assertCompliant(ctx: AppContext, texts: Record<string, string>): Promise<void> {
  const hits = await checkTexts(ctx, texts);
  if (hits.length === 0) return;
  const terms = [...new Set(hits.map((h) => h.term))].map((t) => `「${t}」`).join('');
  throw complianceErrors.raise(
    'COMPLIANCE_BANNED_CLAIMS',
    { terms },
    hits.map((h) => ({
      path: h.field,
      code: 'COMPLIANCE_BANNED_CLAIM',
      message: {
        'zh-CN': `「${h.term}」属违规用语（${h.basis}），位置 ${h.start + 1}–${h.end}`,
        en: `“${h.term}” is a banned claim (${h.basis}), characters ${h.start + 1}–${h.end}`,
      },
    })),
  );
}

/**
 * The same check for a submitted object's public fields (INFO: every public text is checked at submission —
 * merchant profiles, resource listings, demands, projects). Arrays are checked item by item (`tags.2`,
 * `items.0.name`), so the page can point at the field; missing fields are skipped.
 */
export async function assertCompliantFields(
  ctx: AppContext,
  fields: Record<string, string | readonly string[] | null | undefined>,
): Promise<void> {
  const texts: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string') texts[field] = value;
    else if (value) for (const [i, item] of value.entries()) texts[`${field}.${i}`] = item;
  }
  await assertCompliant(ctx, texts);
}

export async function listTerms(ctx: AppContext) {
  return repo.allTerms(ctx.db);
}

export async function addTerm(
  ctx: AppContext,
  actor: { userId: string },
  input: { term: string; category: string; basis: string },
) {
  const row = await repo.insertTerm(ctx.db, { id: newId(), ...input, createdBy: actor.userId });
  if (!row) throw complianceErrors.raise('COMPLIANCE_TERM_EXISTS');
  return row;
}

export async function setTermActive(ctx: AppContext, termId: string, active: boolean) {
  const row = await repo.setTermActive(ctx.db, termId, active);
  if (!row) throw complianceErrors.raise('COMPLIANCE_TERM_NOT_FOUND');
  return row;
}

/** A module whose content can be taken down says how to find it: the title, or null when it does not exist. */
export type TakedownSubjectResolver = (orgId: string, subjectId: string) => Promise<string | null>;
/** What can be taken down, by kind (e.g. `merchant_profile`), given by the composition root. */
export type TakedownSubjects = Readonly<Record<string, TakedownSubjectResolver>>;

/** 下架 takes content down with a reason the merchant sees; the listing or profile stops showing publicly. */
export async function takeDown(
  ctx: AppContext,
  subjects: TakedownSubjects,
  actor: StaffActor,
  input: { subjectKind: string; orgId: string; subjectId: string; reason: string },
  tx?: DbOrTx,
) {
  const db = tx ?? ctx.db;
  const resolver = Object.hasOwn(subjects, input.subjectKind) ? subjects[input.subjectKind] : undefined;
  if (!resolver || !(await resolver(input.orgId, input.subjectId)))
    throw complianceErrors.raise('COMPLIANCE_SUBJECT_NOT_FOUND');
  if (await repo.activeTakedown(db, input.subjectKind, input.subjectId))
    throw complianceErrors.raise('COMPLIANCE_ALREADY_TAKEN_DOWN');
  const staffName = await nameOf(ctx, actor);
  return repo.insertTakedown(db, {
    orgId: input.orgId,
    id: newId(),
    subjectKind: input.subjectKind,
    subjectId: input.subjectId,
    reason: input.reason,
    takenDownBy: actor.userId,
    takenDownByName: staffName,
  });
}

/**
 * 解除下架: lifts the takedown and publishes `compliance.takedown_lifted` in the same transaction, so the content's
 * owner shows it again whichever page the takedown was lifted from. Pass `tx` to lift as part of the caller's change.
 */
export async function liftTakedown(ctx: AppContext, actor: StaffActor, takedownId: string, tx?: DbOrTx) {
  const existing = await repo.findTakedown(tx ?? ctx.db, takedownId);
  if (!existing) throw complianceErrors.raise('COMPLIANCE_TAKEDOWN_NOT_FOUND');
  const staffName = await nameOf(ctx, actor);
  const lift = async (db: DbOrTx) => {
    const row = await repo.liftTakedown(db, takedownId, actor.userId, staffName, new Date());
    if (!row) throw complianceErrors.raise('COMPLIANCE_TAKEDOWN_LIFTED');
    await ctx.events.publish(db, 'compliance.takedown_lifted', {
      takedownId,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      orgId: row.orgId,
    });
    return row;
  };
  return tx ? lift(tx) : ctx.db.transaction(lift);
}

/**
 * The staff member acting. A caller that passes its own transaction names them (`name`): the look-up would need a
 * second connection, which PGlite's single one cannot give while the transaction holds it.
 */
export interface StaffActor {
  userId: string;
  name?: string;
}

async function nameOf(ctx: AppContext, actor: StaffActor): Promise<string> {
  return actor.name ?? (await getUser(ctx, actor.userId))?.displayName ?? '—';
}

export async function activeTakedown(ctx: AppContext, kind: string, subjectId: string) {
  return repo.activeTakedown(ctx.db, kind, subjectId);
}

export async function listTakedowns(ctx: AppContext, limit = 200) {
  return repo.listTakedowns(ctx.db, limit);
}
