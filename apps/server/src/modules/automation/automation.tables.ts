import type { JourneySegment, JourneyStep, JourneyTrigger } from '@zhuhe/contracts';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 旅程 a journey: segment, trigger and its step graph (validated acyclic before it is stored). */
export const automationJourneys = pgTable('automation_journeys', {
  id: uuid('id').primaryKey(),
  /** the built-in template it was made from (recall_silent_30d, lead_follow_up_24h, merchant_welcome) */
  templateKey: text('template_key'),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** 'user' | 'organisation' */
  audience: text('audience').notNull(),
  /** 'draft' | 'active' | 'paused' */
  status: text('status').notNull(),
  segment: jsonb('segment').$type<JourneySegment>().notNull(),
  trigger: jsonb('trigger').$type<JourneyTrigger>().notNull(),
  steps: jsonb('steps').$type<JourneyStep[]>().notNull(),
  /** product events after this instant have not been read for the trigger yet */
  cursor: ts('cursor'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 旅程成员 one user or organisation going through a journey, at one step, due again at `next_run_at`. */
export const automationEnrolments = pgTable(
  'automation_enrolments',
  {
    id: uuid('id').primaryKey(),
    journeyId: uuid('journey_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** what made this entry unique: the trigger event's id, or the schedule's period */
    entryKey: text('entry_key').notNull(),
    /** 'active' | 'completed' | 'exited' */
    status: text('status').notNull(),
    stepId: text('step_id'),
    nextRunAt: ts('next_run_at'),
    enteredAt: ts('entered_at').notNull(),
    exitReason: text('exit_reason'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // the same trigger enrols a subject once, however often the scan runs
    uniqueIndex('automation_enrolments_entry_idx').on(t.journeyId, t.subjectId, t.entryKey),
    index('automation_enrolments_due_idx').on(t.status, t.nextRunAt),
  ],
);

/** 发送记录 every action step's outcome per enrolment: sent, or why not (capped, unsubscribed, no contact). */
export const automationSends = pgTable(
  'automation_sends',
  {
    id: uuid('id').primaryKey(),
    journeyId: uuid('journey_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    stepId: text('step_id').notNull(),
    /** 'inApp' | 'email' | 'sms' | 'task' */
    channel: text('channel').notNull(),
    title: text('title').notNull(),
    /** 'sent' | 'capped' | 'unsubscribed' | 'no_contact' */
    outcome: text('outcome').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    // a step acts once per enrolment, even when a tick is retried
    uniqueIndex('automation_sends_once_idx').on(t.enrolmentId, t.stepId),
    index('automation_sends_subject_idx').on(t.subjectId, t.at),
    index('automation_sends_journey_idx').on(t.journeyId, t.at),
  ],
);

/** 跟进任务 a sales follow-up task, due within its SLA; any operator may take it. */
export const automationTasks = pgTable(
  'automation_tasks',
  {
    id: uuid('id').primaryKey(),
    journeyId: uuid('journey_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** 'open' | 'done' */
    status: text('status').notNull(),
    dueAt: ts('due_at').notNull(),
    createdAt: ts('created_at').notNull(),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
  },
  (t) => [index('automation_tasks_status_idx').on(t.status, t.dueAt)],
);
