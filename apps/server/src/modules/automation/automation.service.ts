import {
  type DryRun,
  type FollowUpTask,
  type FollowUpTaskList,
  JOURNEY_TEMPLATE_KEYS,
  type Journey,
  JourneyBody,
  type JourneyDetail,
  type JourneyList,
  type JourneyStatus,
  JourneyTemplateKey,
  type JourneyTemplateList,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getUsers } from '../identity';
import { getOrganisations } from '../organisation';
import { pendingEntries, planPath, startCursor } from './automation.engine';
import { automationErrors } from './automation.errors';
import { assertWalkable } from './automation.graph';
import type { JourneyRow, TaskRow } from './automation.repository';
import * as repo from './automation.repository';
import { JOURNEY_TEMPLATES } from './automation.templates';

const USER_ONLY = ['withoutOrganisation'] as const;
const ORG_ONLY = ['businessRoles', 'regionPrefix', 'silentDays', 'newMerchantDays'] as const;

/** The rules a journey must keep before it is stored: a walkable step graph, a segment that fits its audience. */
export function validateJourney(input: JourneyBody): ReturnType<typeof JourneyBody.parse> {
  const body = JourneyBody.parse(input);
  assertWalkable(body.steps);
  for (const step of body.steps)
    if (step.type === 'action' && step.channel === 'task' && !step.slaHours)
      throw automationErrors.raise('JOURNEY_TASK_SLA_REQUIRED', { id: step.id });
  for (const step of body.steps)
    if (step.type === 'action' && step.channel === 'voucher' && (!step.voucherFen || body.audience !== 'organisation'))
      throw automationErrors.raise('JOURNEY_VOUCHER_INVALID', { id: step.id });
  const foreign = body.audience === 'user' ? ORG_ONLY : USER_ONLY;
  for (const field of foreign)
    if (body.segment[field] !== undefined)
      throw automationErrors.raise('JOURNEY_SEGMENT_MISMATCH', {
        field,
        audience: body.audience === 'user' ? '用户 users' : '组织 organisations',
      });
  return body;
}

/** Display names of users or organisations, by id. */
async function namesOf(ctx: AppContext, audience: string, ids: string[]): Promise<Map<string, string>> {
  if (audience === 'user') return new Map((await getUsers(ctx, ids)).map((u) => [u.id, u.displayName]));
  return new Map((await getOrganisations(ctx, ids)).map((o) => [o.id, o.name]));
}

async function present(ctx: AppContext, rows: JourneyRow[]): Promise<Journey[]> {
  const counts = await repo.journeyCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const by = (status: string) => counts.enrolments.find((c) => c.journeyId === row.id && c.status === status)?.n ?? 0;
    return {
      id: row.id,
      templateKey: row.templateKey,
      name: row.name,
      description: row.description,
      audience: row.audience as Journey['audience'],
      status: row.status as JourneyStatus,
      segment: row.segment,
      trigger: row.trigger,
      steps: row.steps,
      enrolments: { active: by('active'), completed: by('completed'), exited: by('exited') },
      sends: counts.sends.find((c) => c.journeyId === row.id)?.n ?? 0,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

async function journeyOrThrow(ctx: AppContext, id: string): Promise<JourneyRow> {
  const row = await repo.findJourney(ctx.db, id);
  if (!row) throw automationErrors.raise('JOURNEY_NOT_FOUND');
  return row;
}

/** 新建旅程 saved as a draft; a step graph with a cycle is refused and nothing is saved. */
export async function createJourney(
  ctx: AppContext,
  actor: Pick<Actor, 'userId'> | null,
  input: JourneyBody,
  templateKey: string | null = null,
): Promise<Journey> {
  const body = validateJourney(input);
  const now = ctx.clock.now();
  const row = await repo.insertJourney(ctx.db, {
    id: newId(),
    templateKey,
    name: body.name,
    description: body.description,
    audience: body.audience,
    status: 'draft',
    segment: body.segment,
    trigger: body.trigger,
    steps: body.steps,
    createdBy: actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return (await present(ctx, [row]))[0] as Journey;
}

export async function updateJourney(ctx: AppContext, id: string, input: JourneyBody): Promise<Journey> {
  const body = validateJourney(input);
  await journeyOrThrow(ctx, id);
  const row = await repo.updateJourney(ctx.db, id, { ...body, updatedAt: ctx.clock.now() });
  return (await present(ctx, [row as JourneyRow]))[0] as Journey;
}

/** 内置模板 a draft journey from a built-in template. */
export async function createFromTemplate(
  ctx: AppContext,
  actor: Pick<Actor, 'userId'> | null,
  key: string,
): Promise<Journey> {
  const parsed = JourneyTemplateKey.safeParse(key);
  if (!parsed.success) throw automationErrors.raise('JOURNEY_TEMPLATE_NOT_FOUND');
  return createJourney(ctx, actor, JOURNEY_TEMPLATES[parsed.data], parsed.data);
}

export function listTemplates(): JourneyTemplateList {
  return {
    items: JOURNEY_TEMPLATE_KEYS.map((key) => ({
      key,
      name: JOURNEY_TEMPLATES[key].name,
      description: JOURNEY_TEMPLATES[key].description ?? '',
    })),
  };
}

export async function listJourneys(ctx: AppContext): Promise<JourneyList> {
  return { items: await present(ctx, await repo.listJourneys(ctx.db)) };
}

/**
 * 启用/暂停: activating reads trigger events from now on (the journey's cursor), so switching a journey on does not
 * flood everyone who registered last year; paused members stay at their step.
 */
export async function setStatus(ctx: AppContext, id: string, status: JourneyStatus): Promise<Journey> {
  const row = await journeyOrThrow(ctx, id);
  const now = ctx.clock.now();
  const cursor =
    status === 'active' && row.status !== 'active' && row.trigger.kind === 'event' ? startCursor(now) : row.cursor;
  const updated = await repo.updateJourney(ctx.db, id, { status, cursor, updatedAt: now });
  return (await present(ctx, [updated as JourneyRow]))[0] as Journey;
}

export async function journeyDetail(ctx: AppContext, id: string): Promise<JourneyDetail> {
  const row = await journeyOrThrow(ctx, id);
  const enrolments = await repo.enrolmentsOf(ctx.db, id, 200);
  const sends = await repo.sendsOf(ctx.db, id, 200);
  const names = await namesOf(ctx, row.audience, [
    ...enrolments.map((e) => e.subjectId),
    ...sends.map((s) => s.subjectId),
  ]);
  return {
    journey: (await present(ctx, [row]))[0] as Journey,
    enrolments: enrolments.map((e) => ({
      id: e.id,
      subjectId: e.subjectId,
      subjectName: names.get(e.subjectId) ?? '—',
      status: e.status as JourneyDetail['enrolments'][number]['status'],
      stepId: e.stepId,
      nextRunAt: e.nextRunAt?.toISOString() ?? null,
      enteredAt: e.enteredAt.toISOString(),
      exitReason: e.exitReason,
    })),
    sends: sends.map((s) => ({
      id: s.id,
      enrolmentId: s.enrolmentId,
      subjectName: names.get(s.subjectId) ?? '—',
      stepId: s.stepId,
      channel: s.channel as JourneyDetail['sends'][number]['channel'],
      title: s.title,
      outcome: s.outcome as JourneyDetail['sends'][number]['outcome'],
      at: s.at.toISOString(),
    })),
  };
}

/** How far back a dry-run of an event journey looks for triggers, as if it had been active. */
const DRY_RUN_LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * 试运行 who would receive what: the members already on their way, and who the trigger would let in now (for a
 * journey not active yet, the trigger events of the last 7 days), each walked to the end with quiet hours, the
 * frequency cap and unsubscribes applied. Sends nothing, saves nothing.
 */
export async function dryRun(ctx: AppContext, id: string): Promise<DryRun> {
  const journey = await journeyOrThrow(ctx, id);
  const now = ctx.clock.now();
  const first = journey.steps[0]?.id ?? null;
  const since =
    journey.status === 'active' ? journey.cursor : new Date(startCursor(now).getTime() - DRY_RUN_LOOKBACK_MS);
  const { entries } = await pendingEntries(ctx, journey, now, journey.trigger.kind === 'schedule' ? null : since);
  const known = await repo.enrolledSubjects(
    ctx.db,
    journey.id,
    entries.map((e) => e.entryKey),
  );
  const starts = [
    ...(await repo.activeEnrolmentsOf(ctx.db, journey.id, 200)).map((e) => ({
      subjectId: e.subjectId,
      stepId: e.stepId,
      at: e.nextRunAt ?? now,
      enteredAt: e.enteredAt,
    })),
    ...entries
      .filter((e) => !known.has(e.entryKey))
      .map((e) => ({ subjectId: e.subjectId, stepId: first, at: e.enteredAt, enteredAt: e.enteredAt })),
  ].slice(0, 200);
  const planned = (await Promise.all(starts.map((s) => planPath(ctx, journey, s, now)))).flat();
  const names = await namesOf(
    ctx,
    journey.audience,
    planned.map((p) => p.subjectId),
  );
  return {
    recipients: new Set(planned.map((p) => p.subjectId)).size,
    items: planned.map((p) => ({
      ...p,
      subjectName: names.get(p.subjectId) ?? '—',
      at: p.at.toISOString(),
    })),
    at: now.toISOString(),
  };
}

async function presentTasks(ctx: AppContext, rows: TaskRow[]): Promise<FollowUpTask[]> {
  const now = ctx.clock.now();
  const journeys = new Map<string, JourneyRow>();
  for (const id of new Set(rows.map((r) => r.journeyId))) {
    const j = await repo.findJourney(ctx.db, id);
    if (j) journeys.set(id, j);
  }
  const userNames = await namesOf(
    ctx,
    'user',
    rows.filter((r) => journeys.get(r.journeyId)?.audience === 'user').map((r) => r.subjectId),
  );
  const orgNames = await namesOf(
    ctx,
    'organisation',
    rows.filter((r) => journeys.get(r.journeyId)?.audience !== 'user').map((r) => r.subjectId),
  );
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journeyId,
    journeyName: journeys.get(r.journeyId)?.name ?? '—',
    subjectId: r.subjectId,
    subjectName: userNames.get(r.subjectId) ?? orgNames.get(r.subjectId) ?? '—',
    title: r.title,
    body: r.body,
    status: r.status as FollowUpTask['status'],
    dueAt: r.dueAt.toISOString(),
    overdue: r.status === 'open' && r.dueAt < now,
    createdAt: r.createdAt.toISOString(),
    doneAt: r.doneAt?.toISOString() ?? null,
  }));
}

/** 跟进任务 open ones first, by due time. */
export async function listTasks(ctx: AppContext, status?: 'open' | 'done'): Promise<FollowUpTaskList> {
  return { items: await presentTasks(ctx, await repo.listTasks(ctx.db, status, 200)) };
}

export async function completeTask(ctx: AppContext, actor: Pick<Actor, 'userId'>, id: string): Promise<FollowUpTask> {
  const done = await repo.completeTask(ctx.db, id, ctx.clock.now(), actor.userId);
  const row = done ?? (await repo.findTask(ctx.db, id));
  if (!row) throw automationErrors.raise('FOLLOW_UP_TASK_NOT_FOUND');
  return (await presentTasks(ctx, [row]))[0] as FollowUpTask;
}
