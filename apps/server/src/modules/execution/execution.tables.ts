import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 施工计划 the execution plan of a signed contract, set by the paying party (甲方, GC or buyer). */
export const executionPlans = pgTable(
  'execution_plans',
  {
    contractId: uuid('contract_id').primaryKey(),
    /** 甲方 the paying party that sets the plan and reviews the logs */
    orgId: uuid('org_id').notNull(),
    /** 乙方 the subcontractor or supplier that files the logs and is paid */
    payeeOrgId: uuid('payee_org_id').notNull(),
    /** 监理 the supervisor organisation invited for acceptance */
    supervisorOrgId: uuid('supervisor_org_id'),
    contractTitle: text('contract_title').notNull(),
    startDate: text('start_date').notNull(),
    contractAmountFen: bigint('contract_amount_fen', { mode: 'number' }).notNull(),
    retentionBp: integer('retention_bp').notNull(),
    advanceBp: integer('advance_bp').notNull(),
    labourShareBp: integer('labour_share_bp').notNull(),
    bondBp: integer('bond_bp'),
    plannedCurve: jsonb('planned_curve').$type<{ date: string; percentBp: number }[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('execution_plans_org_idx').on(t.orgId, t.contractId),
    index('execution_plans_payee_idx').on(t.payeeOrgId),
    index('execution_plans_supervisor_idx').on(t.supervisorOrgId),
  ],
);

/** 付款节点 a milestone: due date, deliverables and its share of the contract amount. */
export const executionMilestones = pgTable(
  'execution_milestones',
  {
    contractId: uuid('contract_id').notNull(),
    id: uuid('id').notNull(),
    orgId: uuid('org_id').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    deliverables: text('deliverables').notNull(),
    dueDate: text('due_date').notNull(),
    shareBp: integer('share_bp').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.id] }),
    uniqueIndex('execution_milestones_org_idx').on(t.orgId, t.id),
    // the payee's milestones due (the monthly credit rating), read from the index alone
    index('execution_milestones_due_idx').on(t.contractId, t.dueDate, t.id),
  ],
);

/** 工程量清单 a bill-of-quantities line: planned quantity (thousandths of the unit) and unit price. */
export const executionBoqLines = pgTable(
  'execution_boq_lines',
  {
    contractId: uuid('contract_id').notNull(),
    id: uuid('id').notNull(),
    orgId: uuid('org_id').notNull(),
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.id] }), uniqueIndex('execution_boq_org_idx').on(t.orgId, t.id)],
);

/** 施工日志 a construction log filed by the payee; revisions are new rows pointing at the log they revise. */
export const executionLogs = pgTable(
  'execution_logs',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull(),
    /** the author organisation (乙方) */
    orgId: uuid('org_id').notNull(),
    logDate: text('log_date').notNull(),
    workersOnSite: integer('workers_on_site').notNull(),
    weather: text('weather').notNull(),
    issues: text('issues').notNull(),
    work: jsonb('work').$type<{ lineId: string; quantityMilli: number; note: string }[]>().notNull(),
    status: text('status').notNull(),
    revisesLogId: uuid('revises_log_id'),
    sha256: text('sha256').notNull(),
    evidenceIndex: bigint('evidence_index', { mode: 'number' }),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('execution_logs_org_idx').on(t.orgId, t.id),
    index('execution_logs_contract_idx').on(t.contractId, t.logDate),
  ],
);

/** 现场照片 a photo of a log, with the time and place its EXIF data gives. */
export const executionPhotos = pgTable(
  'execution_photos',
  {
    id: uuid('id').primaryKey(),
    logId: uuid('log_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    orgId: uuid('org_id').notNull(),
    fileId: uuid('file_id').notNull(),
    name: text('name').notNull(),
    sha256: text('sha256').notNull(),
    takenAt: ts('taken_at'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('execution_photos_org_idx').on(t.orgId, t.id), index('execution_photos_log_idx').on(t.logId)],
);

/** 审阅意见 the paying party's comment, change request or acceptance of a log. */
export const executionLogReviews = pgTable(
  'execution_log_reviews',
  {
    id: uuid('id').primaryKey(),
    logId: uuid('log_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    orgId: uuid('org_id').notNull(),
    decision: text('decision').notNull(),
    comment: text('comment').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('execution_reviews_org_idx').on(t.orgId, t.id),
    index('execution_reviews_log_idx').on(t.logId),
    // the payee's track record (the monthly credit rating): reviews by contract, read from the index alone
    index('execution_reviews_contract_idx').on(t.contractId, t.createdAt, t.decision),
  ],
);
