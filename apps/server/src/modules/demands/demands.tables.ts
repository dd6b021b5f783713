import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface DemandItemRow {
  name: string;
  spec: string;
  unit: string;
  quantity: number;
}

/** 需求 a subcontracting or procurement demand of a general contractor (INFO-3). */
export const demands = pgTable(
  'demands',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    projectName: text('project_name').notNull(),
    category: text('category').notNull(),
    items: jsonb('items').$type<DemandItemRow[]>().notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    qualificationKind: text('qualification_kind').notNull(),
    qualificationGrade: text('qualification_grade').notNull(),
    regionCode: text('region_code').notNull(),
    siteAddress: text('site_address').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    locationDerived: boolean('location_derived').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    tags: text('tags').array().notNull(),
    status: text('status').notNull(),
    /** 可行性报告, 资金证明 and the imported 招标文件: files of the same organisation */
    feasibilityFileId: uuid('feasibility_file_id').notNull(),
    fundsProofFileId: uuid('funds_proof_file_id').notNull(),
    sourceFileId: uuid('source_file_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('demands_id_idx').on(t.id)],
);

/** 需求审核 one submission of a demand to staff review, due 2 working days after submission. */
export const demandReviews = pgTable(
  'demand_reviews',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    demandId: uuid('demand_id').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    dueAt: ts('due_at').notNull(),
    decidedAt: ts('decided_at'),
    decision: text('decision'),
    reason: text('reason'),
    reviewerId: uuid('reviewer_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('demand_reviews_id_idx').on(t.id),
    index('demand_reviews_due_idx').on(t.decidedAt, t.dueAt),
    index('demand_reviews_demand_idx').on(t.demandId),
  ],
);
