import { z } from 'zod';
import { Id } from './common';

/** 违规用语 categories of banned claims. */
export const BANNED_TERM_CATEGORIES = ['false_promise', 'absolute_term'] as const;
export const BannedTermCategory = z.enum(BANNED_TERM_CATEGORIES);

export const BannedTerm = z.object({
  id: Id,
  term: z.string(),
  category: BannedTermCategory,
  /** why it is banned, e.g. 《广告法》第九条 */
  basis: z.string(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export const BannedTermList = z.object({ items: z.array(BannedTerm) });
export const BannedTermParams = z.object({ termId: Id });
export const CreateBannedTermBody = z.object({
  term: z.string().trim().min(2).max(20),
  category: BannedTermCategory,
  basis: z.string().trim().min(2).max(200),
});
export const UpdateBannedTermBody = z.object({ active: z.boolean() });

export const ComplianceCheckBody = z.object({ texts: z.record(z.string().max(40), z.string().max(5000)) });
/** A banned term found in one field, at [start, end) in UTF-16 code units. */
export const ComplianceHit = z.object({
  field: z.string(),
  term: z.string(),
  category: BannedTermCategory,
  basis: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type ComplianceHit = z.infer<typeof ComplianceHit>;
export const ComplianceCheckResult = z.object({ ok: z.boolean(), hits: z.array(ComplianceHit) });

export const TAKEDOWN_SUBJECTS = ['merchant_profile', 'listing', 'community_post', 'community_reply'] as const;
export const TakedownSubject = z.enum(TAKEDOWN_SUBJECTS);
export const CreateTakedownBody = z.object({
  subjectKind: TakedownSubject,
  orgId: Id,
  subjectId: Id,
  reason: z.string().trim().min(4).max(500),
});
export const TakedownRecord = z.object({
  id: Id,
  subjectKind: TakedownSubject,
  orgId: Id,
  orgName: z.string(),
  subjectId: Id,
  reason: z.string(),
  takenDownBy: z.string(),
  takenDownAt: z.iso.datetime(),
  liftedAt: z.iso.datetime().nullable(),
  liftedBy: z.string().nullable(),
});
export const TakedownList = z.object({ items: z.array(TakedownRecord) });
export const TakedownParams = z.object({ takedownId: Id });
