import { customType, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** 专家 one profile per user: applied (pending), verified by a reviewer, or refused with a reason. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    /** pending → verified | rejected; a changed profile goes back to pending */
    status: text('status').notNull(),
    name: text('name').notNull(),
    /** 职称 */
    title: text('title').notNull(),
    employer: text('employer').notNull(),
    years: integer('years').notNull(),
    specialities: text('specialities').array().notNull(),
    regions: text('regions').array().notNull(),
    /** 咨询费 per private consultation, in fen; null: free */
    feeFen: integer('fee_fen'),
    bio: text('bio').notNull(),
    certificateFileIds: uuid('certificate_file_ids').array().notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    submittedAt: ts('submitted_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('experts_user_idx').on(t.userId), index('experts_status_idx').on(t.status, t.submittedAt)],
);

/**
 * 提问 a question of an enterprise member: public (anyone signed in reads and searches it) or private to one
 * expert (a consultation, free or at the fee agreed when asked). `tokens`/`trgm_text` are its own index, cut by
 * the search module's segmenter, as the policy library's.
 */
export const expertQuestions = pgTable(
  'expert_questions',
  {
    id: uuid('id').primaryKey(),
    askerUserId: uuid('asker_user_id').notNull(),
    askerOrgId: uuid('asker_org_id').notNull(),
    visibility: text('visibility').notNull(),
    /** the chosen expert of a private consultation */
    expertId: uuid('expert_id'),
    /** the fee agreed when asked (the expert's fee then), in fen; null: free or public */
    feeFen: integer('fee_fen'),
    speciality: text('speciality').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** open → answered → accepted */
    status: text('status').notNull(),
    acceptedAnswerId: uuid('accepted_answer_id'),
    tokens: tsvector('tokens').notNull(),
    trgmText: text('trgm_text').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('expert_questions_visibility_idx').on(t.visibility, t.createdAt),
    index('expert_questions_org_idx').on(t.askerOrgId, t.createdAt),
    index('expert_questions_expert_idx').on(t.expertId, t.createdAt),
    index('expert_questions_asker_idx').on(t.askerUserId, t.createdAt),
  ],
);

/** 回答 by a verified expert; one question may have several (a public one from several experts). */
export const expertAnswers = pgTable(
  'expert_answers',
  {
    id: uuid('id').primaryKey(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => expertQuestions.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('expert_answers_question_idx').on(t.questionId, t.createdAt),
    index('expert_answers_expert_idx').on(t.expertId),
  ],
);

/** 评价 the asker's stars for one answer, once per answer (the unique index refuses a second). */
export const expertRatings = pgTable(
  'expert_ratings',
  {
    id: uuid('id').primaryKey(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => expertAnswers.id),
    expertId: uuid('expert_id').notNull(),
    raterUserId: uuid('rater_user_id').notNull(),
    stars: smallint('stars').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('expert_ratings_answer_rater_idx').on(t.answerId, t.raterUserId),
    index('expert_ratings_expert_idx').on(t.expertId),
  ],
);
