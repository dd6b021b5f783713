import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 项目 a project a general contractor publishes in the project library (INFO-1). */
export const projects = pgTable(
  'projects',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** 工程类型 */
    engineeringType: text('engineering_type').notNull(),
    /** 投资额 in fen */
    investmentFen: bigint('investment_fen', { mode: 'number' }).notNull(),
    /** GB/T 2260 */
    regionCode: text('region_code').notNull(),
    address: text('address'),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** true when the point is the region's centre, not a picked site */
    locationDerived: boolean('location_derived').notNull(),
    tags: text('tags').array().notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    tenderDeadline: date('tender_deadline', { mode: 'string' }),
    status: text('status').notNull(),
    description: text('description').notNull(),
    visibility: text('visibility').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('projects_id_idx').on(t.id)],
);

/** The organisations invited to an invitation-only project. */
export const projectInvitations = pgTable(
  'project_invitations',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    invitedOrgId: uuid('invited_org_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.invitedOrgId] })],
);

/** 招标文件 files of the owner organisation attached to a project. */
export const projectFiles = pgTable(
  'project_files',
  {
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    fileId: uuid('file_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.fileId] })],
);

/** 答疑记录 a bidder's question on a project and the owner's answer. */
export const projectQuestions = pgTable(
  'project_questions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    askerOrgId: uuid('asker_org_id').notNull(),
    askerUserId: uuid('asker_user_id').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    askedAt: ts('asked_at').notNull().defaultNow(),
    answeredAt: ts('answered_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('project_questions_project_idx').on(t.projectId, t.askedAt)],
);
