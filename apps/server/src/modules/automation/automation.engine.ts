import type { AutomationChannel, JourneySegment, JourneyStep, SendOutcome } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { lastActivity, productEventsSince, silentOrganisations } from '../analytics';
import { getUsers } from '../identity';
import { categoryOf, effectivePreferences, isQuiet, notify, type QuietHours, quietUntil } from '../notifications';
import { getOrganisations, managersOf, membershipsOfUser } from '../organisation';
import { grantVoucher } from '../rewards';
import { staffRolesOf } from '../staff';
import type { EnrolmentRow, JourneyRow } from './automation.repository';
import * as repo from './automation.repository';
import { AUTOMATION_NOTIFICATION_KIND, DAY_MS, FREQUENCY_CAP, HOUR_MS, PLATFORM_QUIET_HOURS } from './automation.rules';

export const AUTOMATION_SMS_JOB = 'automation.sms';

/** A subject that would enter a journey now: who, why (the entry key) and from when. */
export interface Entry {
  subjectId: string;
  entryKey: string;
  enteredAt: Date;
}

/** The recipient's side of a send: who can be reached on which channel, and their own quiet hours. */
interface Reach {
  /** users an outside message goes to (the user; an organisation's owners and admins) */
  userIds: string[];
  enabled: (channel: AutomationChannel) => boolean;
  hasContact: (channel: AutomationChannel) => boolean;
  quiet: QuietHours | null;
}

const CATEGORY = categoryOf(AUTOMATION_NOTIFICATION_KIND);

/** The later end of the platform's quiet hours and the recipient's own. */
function sendableAt(at: Date, own: QuietHours | null): { at: Date; held: boolean } {
  let t = at;
  for (let i = 0; i < 3; i += 1) {
    const next = quietUntil(quietUntil(t, PLATFORM_QUIET_HOURS), own);
    if (next.getTime() === t.getTime()) break;
    t = next;
  }
  return { at: t, held: t.getTime() !== at.getTime() };
}

function quietNow(at: Date, own: QuietHours | null): boolean {
  return isQuiet(at, PLATFORM_QUIET_HOURS) || isQuiet(at, own);
}

async function reachOf(ctx: AppContext, audience: string, subjectId: string): Promise<Reach> {
  const userIds = audience === 'user' ? [subjectId] : await managersOf(ctx, subjectId);
  const users = await getUsers(ctx, userIds);
  const prefs = await Promise.all(users.map((u) => effectivePreferences(ctx.db, u.id)));
  return {
    userIds: users.map((u) => u.id),
    // 退订 honoured through the notifications preferences: a channel the recipient(s) switched off is not used
    enabled: (channel) =>
      channel === 'task' ||
      channel === 'voucher' ||
      (channel === 'inApp' && audience === 'organisation') ||
      prefs.some((p) => p.enabled(CATEGORY, channel)),
    hasContact: (channel) =>
      channel === 'voucher'
        ? audience === 'organisation'
        : channel === 'email'
          ? users.some((u) => !!u.email)
          : channel === 'sms'
            ? users.some((u) => !!u.phone)
            : true,
    quiet: audience === 'user' ? (prefs[0]?.quietHours ?? null) : null,
  };
}

/** Whether the subject fits the segment now. */
export async function inSegment(
  ctx: AppContext,
  journey: JourneyRow,
  subjectIds: string[],
  now: Date,
): Promise<Set<string>> {
  const segment: JourneySegment = journey.segment;
  let ids = [...new Set(subjectIds)];
  if (ids.length === 0) return new Set();
  if (journey.audience === 'user') {
    // platform staff are no one's audience (they have no organisation, so they would look like leads)
    const staff = await Promise.all(ids.map(async (id) => (await staffRolesOf(ctx, id)).length > 0));
    ids = ids.filter((_, i) => !staff[i]);
    if (segment.withoutOrganisation) {
      const withOrg = await Promise.all(ids.map(async (id) => (await membershipsOfUser(ctx, id)).length > 0));
      ids = ids.filter((_, i) => !withOrg[i]);
    }
    return new Set(ids);
  }
  if (segment.businessRoles?.length || segment.regionPrefix) {
    const orgs = await getOrganisations(ctx, ids);
    ids = orgs
      .filter(
        (o) =>
          (!segment.businessRoles?.length || o.businessRoles.some((r) => segment.businessRoles?.includes(r))) &&
          (!segment.regionPrefix || (o.regionCode ?? '').startsWith(segment.regionPrefix)),
      )
      .map((o) => o.id);
  }
  if (segment.silentDays) {
    const last = await lastActivity(ctx, 'org', ids);
    const cutoff = now.getTime() - segment.silentDays * DAY_MS;
    ids = ids.filter((id) => (last.get(id)?.getTime() ?? 0) < cutoff);
  }
  if (segment.newMerchantDays) {
    const since = new Date(now.getTime() - segment.newMerchantDays * DAY_MS);
    const activated = new Set(
      (await productEventsSince(ctx, 'merchant.activated', since, now, 5000)).map((e) => e.orgId),
    );
    ids = ids.filter((id) => activated.has(id));
  }
  return new Set(ids);
}

/**
 * Who the trigger lets in now. Events: the product events after the journey's cursor (subject = the event's user
 * or organisation, entry key = the event id). Schedule: the segment's candidates, once per `reentryDays` period.
 * Returns the entries and where the cursor moves to; reads only, so the dry-run uses it too.
 */
export async function pendingEntries(
  ctx: AppContext,
  journey: JourneyRow,
  now: Date,
  since: Date | null = journey.cursor,
): Promise<{ entries: Entry[]; cursor: Date | null }> {
  const trigger = journey.trigger;
  if (trigger.kind === 'event') {
    const events = await productEventsSince(ctx, trigger.event, since ?? journey.createdAt, now, 500);
    const raw = events.flatMap((e) => {
      const subjectId = journey.audience === 'user' ? e.userId : e.orgId;
      return subjectId ? [{ subjectId, entryKey: e.id, enteredAt: e.occurredAt }] : [];
    });
    const fit = await inSegment(
      ctx,
      journey,
      raw.map((r) => r.subjectId),
      now,
    );
    return { entries: raw.filter((r) => fit.has(r.subjectId)), cursor: events.at(-1)?.occurredAt ?? since };
  }
  // a schedule scans at most once a day
  if (since && now.getTime() - since.getTime() < DAY_MS) return { entries: [], cursor: since };
  const segment = journey.segment;
  let candidates: string[] = [];
  if (journey.audience === 'organisation' && segment.silentDays)
    candidates = await silentOrganisations(ctx, new Date(now.getTime() - segment.silentDays * DAY_MS));
  else if (journey.audience === 'organisation' && segment.newMerchantDays)
    candidates = (
      await productEventsSince(
        ctx,
        'merchant.activated',
        new Date(now.getTime() - segment.newMerchantDays * DAY_MS),
        now,
      )
    ).flatMap((e) => (e.orgId ? [e.orgId] : []));
  const fit = await inSegment(ctx, journey, candidates, now);
  const period = `p${Math.floor(now.getTime() / (trigger.reentryDays * DAY_MS))}`;
  return { entries: [...fit].map((subjectId) => ({ subjectId, entryKey: period, enteredAt: now })), cursor: now };
}

/** Reads product events stamped with the system time: never start after it, or events would be skipped. */
export function startCursor(now: Date): Date {
  return new Date(Math.min(now.getTime(), Date.now()));
}

/** Enrols who the active journeys' triggers let in; returns how many entered. */
export async function enrolDue(ctx: AppContext, now: Date): Promise<number> {
  let entered = 0;
  for (const journey of await repo.activeJourneys(ctx.db)) {
    const first = journey.steps[0]?.id ?? null;
    const { entries, cursor } = await pendingEntries(ctx, journey, now);
    await ctx.db.transaction(async (tx) => {
      entered += await repo.insertEnrolments(
        tx,
        entries.map((e) => ({
          id: newId(),
          journeyId: journey.id,
          subjectId: e.subjectId,
          entryKey: e.entryKey,
          status: 'active',
          stepId: first,
          nextRunAt: e.enteredAt,
          enteredAt: e.enteredAt,
        })),
      );
      if (cursor && cursor.getTime() !== journey.cursor?.getTime())
        await repo.updateJourney(tx, journey.id, { cursor });
    });
  }
  return entered;
}

async function checkCondition(
  ctx: AppContext,
  journey: JourneyRow,
  enrolment: Pick<EnrolmentRow, 'subjectId' | 'enteredAt'>,
  check: Extract<JourneyStep, { type: 'condition' }>['check'],
): Promise<boolean> {
  if (check === 'hasOrganisation')
    return journey.audience === 'organisation' || (await membershipsOfUser(ctx, enrolment.subjectId)).length > 0;
  // 有互动: any product event by the subject after it entered (the trigger event itself is at the entry instant)
  const last = await lastActivity(ctx, journey.audience === 'user' ? 'user' : 'org', [enrolment.subjectId]);
  return (last.get(enrolment.subjectId)?.getTime() ?? 0) > enrolment.enteredAt.getTime();
}

function outcomeOf(reach: Reach, channel: AutomationChannel, sentInWindow: number): SendOutcome {
  if (!reach.enabled(channel)) return 'unsubscribed';
  if (!reach.hasContact(channel)) return 'no_contact';
  if (channel !== 'task' && sentInWindow >= FREQUENCY_CAP.max) return 'capped';
  return 'sent';
}

/** What an automation voucher may pay for: the value-added services (as referral rewards). */
const VOUCHER_ITEMS = ['premium_report', 'featured_placement', 'escrow_service'];

/** One action's effect, inside the transaction that logs it. */
async function act(
  ctx: AppContext,
  tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0],
  journey: JourneyRow,
  enrolment: EnrolmentRow,
  step: Extract<JourneyStep, { type: 'action' }>,
  reach: Reach,
  now: Date,
): Promise<void> {
  const link = journey.audience === 'organisation' ? '/workspace' : '/orgs/new';
  const recipient = journey.audience === 'user' ? { userId: enrolment.subjectId } : { orgId: enrolment.subjectId };
  switch (step.channel) {
    case 'task':
      await repo.insertTask(tx, {
        id: newId(),
        journeyId: journey.id,
        enrolmentId: enrolment.id,
        subjectId: enrolment.subjectId,
        title: step.title,
        body: step.body,
        status: 'open',
        dueAt: new Date(now.getTime() + (step.slaHours ?? 24) * HOUR_MS),
        createdAt: now,
      });
      return;
    case 'inApp':
    case 'email':
      await notify(
        ctx,
        {
          ...recipient,
          kind: AUTOMATION_NOTIFICATION_KIND,
          title: step.title,
          body: step.body,
          link,
          email: step.channel === 'email',
        },
        tx,
      );
      return;
    case 'sms':
      for (const userId of reach.userIds)
        await ctx.jobs.enqueue(
          AUTOMATION_SMS_JOB,
          // the user, not the number: read at send time (PLAT-2)
          { userId, text: `【筑合】${step.title}` },
          { dedupeKey: `automation-sms-${enrolment.id}-${step.id}-${userId}`, maxAttempts: 8 },
          tx,
        );
      return;
    case 'voucher':
      // 优惠券 against the organisation's value-added fees, granted once per member and step (the source key)
      await grantVoucher(
        tx,
        {
          holderOrgId: enrolment.subjectId,
          title: { 'zh-CN': step.title, en: step.title },
          kind: 'amount',
          valueFen: step.voucherFen ?? 0,
          eligibleItems: VOUCHER_ITEMS,
          validFrom: now,
          validUntil: new Date(now.getTime() + (step.voucherDays ?? 30) * DAY_MS),
          source: 'automation',
          sourceRef: `${enrolment.id}:${step.id}`,
        },
        now,
      );
      return;
  }
}

/**
 * Moves one due enrolment through its steps until it waits, is held by quiet hours, or ends. Waits count from
 * the instant the enrolment reached them (its due time), so a late tick does not stretch them. Each action is
 * logged once (unique per enrolment and step) in the same transaction as its effect.
 */
export async function advanceEnrolment(
  ctx: AppContext,
  journey: JourneyRow,
  enrolment: EnrolmentRow,
  now: Date,
): Promise<void> {
  const byId = new Map(journey.steps.map((s) => [s.id, s]));
  let stepId = enrolment.stepId;
  let at = enrolment.nextRunAt ?? now;
  for (let guard = 0; guard < journey.steps.length + 1; guard += 1) {
    const step = stepId ? byId.get(stepId) : undefined;
    if (!step) {
      await repo.updateEnrolment(ctx.db, enrolment.id, {
        status: 'completed',
        stepId: null,
        nextRunAt: null,
        updatedAt: now,
      });
      return;
    }
    if (step.type === 'wait') {
      at = new Date(at.getTime() + step.hours * HOUR_MS);
      stepId = step.next;
      if (at > now) {
        await repo.updateEnrolment(ctx.db, enrolment.id, { stepId, nextRunAt: at, updatedAt: now });
        return;
      }
      continue;
    }
    if (step.type === 'condition') {
      stepId = (await checkCondition(ctx, journey, enrolment, step.check)) ? step.onTrue : step.onFalse;
      if (stepId === null) {
        await repo.updateEnrolment(ctx.db, enrolment.id, {
          status: 'exited',
          stepId: null,
          nextRunAt: null,
          exitReason: step.check,
          updatedAt: now,
        });
        return;
      }
      continue;
    }
    const reach = await reachOf(ctx, journey.audience, enrolment.subjectId);
    if (quietNow(now, reach.quiet)) {
      await repo.updateEnrolment(ctx.db, enrolment.id, {
        stepId: step.id,
        nextRunAt: sendableAt(now, reach.quiet).at,
        updatedAt: now,
      });
      return;
    }
    const sent = await repo.countSentSince(
      ctx.db,
      [enrolment.subjectId],
      new Date(now.getTime() - FREQUENCY_CAP.days * DAY_MS),
    );
    const outcome = outcomeOf(reach, step.channel, sent.get(enrolment.subjectId) ?? 0);
    await ctx.db.transaction(async (tx) => {
      const first = await repo.insertSend(tx, {
        id: newId(),
        journeyId: journey.id,
        enrolmentId: enrolment.id,
        subjectId: enrolment.subjectId,
        stepId: step.id,
        channel: step.channel,
        title: step.title,
        outcome,
        at: now,
      });
      if (first && outcome === 'sent') await act(ctx, tx, journey, enrolment, step, reach, now);
    });
    at = now > at ? now : at;
    stepId = step.next;
  }
}

/** 执行 one pass: enrol who the triggers let in, then advance every due enrolment. Returns what was done. */
export async function tick(ctx: AppContext): Promise<{ entered: number; advanced: number }> {
  const now = ctx.clock.now();
  const entered = await enrolDue(ctx, now);
  const due = await repo.dueEnrolments(ctx.db, now, 500);
  const journeys = new Map<string, JourneyRow>();
  for (const enrolment of due) {
    let journey = journeys.get(enrolment.journeyId);
    if (!journey) {
      journey = await repo.findJourney(ctx.db, enrolment.journeyId);
      if (!journey) continue;
      journeys.set(journey.id, journey);
    }
    // a paused journey keeps its members where they are
    if (journey.status !== 'active') continue;
    await advanceEnrolment(ctx, journey, enrolment, now);
  }
  return { entered, advanced: due.length };
}

/** A planned send of the dry-run. */
export interface PlannedSend {
  subjectId: string;
  stepId: string;
  channel: AutomationChannel;
  title: string;
  at: Date;
  outcome: SendOutcome;
  heldForQuietHours: boolean;
}

/**
 * 试运行 the path one subject would take from a step, assuming nothing else happens: waits elapse, conditions
 * read today's facts, quiet hours and the frequency cap apply. Reads only; sends and saves nothing.
 */
export async function planPath(
  ctx: AppContext,
  journey: JourneyRow,
  start: { subjectId: string; stepId: string | null; at: Date; enteredAt: Date },
  now: Date,
): Promise<PlannedSend[]> {
  const byId = new Map(journey.steps.map((s) => [s.id, s]));
  const planned: PlannedSend[] = [];
  const reach = await reachOf(ctx, journey.audience, start.subjectId);
  const windowStart = new Date(now.getTime() - FREQUENCY_CAP.days * DAY_MS);
  let sent = (await repo.countSentSince(ctx.db, [start.subjectId], windowStart)).get(start.subjectId) ?? 0;
  let stepId = start.stepId;
  let at = start.at > now ? start.at : now;
  let virtual = start.at;
  for (let guard = 0; guard < journey.steps.length + 1; guard += 1) {
    const step = stepId ? byId.get(stepId) : undefined;
    if (!step) break;
    if (step.type === 'wait') {
      virtual = new Date(virtual.getTime() + step.hours * HOUR_MS);
      at = virtual > at ? virtual : at;
      stepId = step.next;
    } else if (step.type === 'condition') {
      stepId = (await checkCondition(
        ctx,
        journey,
        { subjectId: start.subjectId, enteredAt: start.enteredAt },
        step.check,
      ))
        ? step.onTrue
        : step.onFalse;
    } else {
      const when = sendableAt(at, reach.quiet);
      const outcome = outcomeOf(reach, step.channel, sent);
      if (outcome === 'sent' && step.channel !== 'task') sent += 1;
      planned.push({
        subjectId: start.subjectId,
        stepId: step.id,
        channel: step.channel,
        title: step.title,
        at: when.at,
        outcome,
        heldForQuietHours: when.held,
      });
      at = when.at;
      virtual = when.at;
      stepId = step.next;
    }
  }
  return planned;
}
