import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 违规用语 a banned claim (platform-wide list maintained by operators, seeded from the Advertising Law). */
export const bannedTerms = pgTable('banned_terms', {
  id: uuid('id').primaryKey(),
  term: text('term').notNull().unique(),
  /** false_promise (高回报, 零风险 …) | absolute_term (最佳, 第一, 国家级 …) */
  category: text('category').notNull(),
  basis: text('basis').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 下架 a listing or profile taken down by staff, with the reason the merchant sees. */
export const takedowns = pgTable(
  'takedowns',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    reason: text('reason').notNull(),
    takenDownBy: uuid('taken_down_by').notNull(),
    takenDownByName: text('taken_down_by_name').notNull(),
    takenDownAt: ts('taken_down_at').notNull().defaultNow(),
    liftedAt: ts('lifted_at'),
    liftedBy: uuid('lifted_by'),
    liftedByName: text('lifted_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('takedowns_id_idx').on(t.id),
    index('takedowns_subject_idx').on(t.subjectKind, t.subjectId),
  ],
);
