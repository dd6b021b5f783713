import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 信用等级 an organisation's current credit grade (AAA … C) and where it came from. A minimal table: the
 * five-dimension rating that computes grades is a later module; until then staff set grades from outside sources.
 */
export const orgCreditGrades = pgTable('org_credit_grades', {
  orgId: uuid('org_id').primaryKey(),
  grade: text('grade').notNull(),
  assessedAt: ts('assessed_at').notNull(),
  source: text('source').notNull(),
  setByUserId: uuid('set_by_user_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
