import {
  date,
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

/** 区域运营中心 a regional operation centre and its territory (责任片区: GB/T 2260 codes). */
export const opsCentres = pgTable('ops_centres', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  territories: text('territories').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 中心成员 a staff member's place in a centre: its manager, a 地推专员 or a 客户成功经理 (one centre each). */
export const opsCentreMembers = pgTable(
  'ops_centre_members',
  {
    centreId: uuid('centre_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** manager | bd | success */
    role: text('role').notNull(),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index('ops_centre_members_centre_idx').on(t.centreId)],
);

/** 月度目标 new customers a person should bring in a month (YYYY-MM, Shanghai), set by the centre's manager. */
export const opsTargets = pgTable(
  'ops_targets',
  {
    userId: uuid('user_id').notNull(),
    month: text('month').notNull(),
    newCustomers: integer('new_customers').notNull(),
    setBy: uuid('set_by').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.month] })],
);

/** 线索 a company a 地推专员 works on, linked to its organisation once it registers (by the credit code). */
export const opsLeads = pgTable(
  'ops_leads',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id').notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    companyName: text('company_name').notNull(),
    creditCode: text('credit_code'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    regionCode: text('region_code').notNull(),
    source: text('source').notNull(),
    /** new → visited → intent → registered → won; lost */
    state: text('state').notNull(),
    orgId: uuid('org_id'),
    registeredAt: ts('registered_at'),
    firstDealAt: ts('first_deal_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('ops_leads_owner_idx').on(t.ownerUserId, t.state),
    index('ops_leads_centre_idx').on(t.centreId, t.state),
    index('ops_leads_credit_code_idx').on(t.creditCode),
    index('ops_leads_org_idx').on(t.orgId),
  ],
);

/** 拜访签到 a visit to a lead: when, where, what was said and the next step; the browser's position if allowed. */
export const opsVisits = pgTable(
  'ops_visits',
  {
    id: uuid('id').primaryKey(),
    leadId: uuid('lead_id').notNull(),
    userId: uuid('user_id').notNull(),
    visitedAt: ts('visited_at').notNull(),
    place: text('place').notNull(),
    notes: text('notes').notNull(),
    nextStep: text('next_step').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    accuracyM: doublePrecision('accuracy_m'),
  },
  (t) => [
    index('ops_visits_lead_idx').on(t.leadId, t.visitedAt),
    index('ops_visits_user_idx').on(t.userId, t.visitedAt),
  ],
);

/** 客户成功分配 a 客户成功经理 accompanying a new organisation until its first transaction closes it. */
export const opsAssignments = pgTable(
  'ops_assignments',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id').notNull(),
    orgId: uuid('org_id').notNull(),
    managerUserId: uuid('manager_user_id').notNull(),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
    /** the domain event that closed it (contract.signed, escrow.milestone_released) and its reference */
    closedEvent: text('closed_event'),
    closedReference: text('closed_reference'),
  },
  (t) => [
    index('ops_assignments_manager_idx').on(t.managerUserId, t.closedAt),
    index('ops_assignments_org_idx').on(t.orgId),
  ],
);

/** 协助记录 what the customer success manager did for the organisation (calls, visits, notes, training). */
export const opsAssists = pgTable(
  'ops_assists',
  {
    id: uuid('id').primaryKey(),
    assignmentId: uuid('assignment_id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    notes: text('notes').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('ops_assists_assignment_idx').on(t.assignmentId, t.at)],
);

/** 《用户体验改进报告》 one per month (YYYY-MM), regenerated on demand; the content is the report as shown. */
export const opsReports = pgTable(
  'ops_reports',
  {
    month: text('month').primaryKey(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    generatedAt: ts('generated_at').notNull(),
    /** the staff member's name, or 系统 for the monthly job */
    generatedBy: text('generated_by').notNull(),
    /** the first day of the month the report covers */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('ops_reports_period_idx').on(t.periodStart)],
);
