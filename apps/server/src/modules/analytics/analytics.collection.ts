import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import * as repo from './analytics.repository';

/**
 * Crawlers and scripted clients announce themselves in the user agent. Headless browsers are not on the list: the
 * platform's own journeys run in one, and a headless visitor still needs a consent click to be counted.
 */
const BOT_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|bingpreview|facebookexternalhit|python-requests|curl\/|wget|httpclient|go-http|okhttp|java\//i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT_AGENT.test(userAgent);
}

/** What the web app may send; business events (registered, contract signed …) are recorded by the server only. */
const WEB_EVENTS = /^(page\.viewed|visit\.touched|listing\.viewed|merchant\.viewed|search\.performed|action\.[a-z_]+)$/;

/**
 * 渠道 the channel and campaign of a touch: an offline event code (展会/峰会 booth or talk QR code) first, then a
 * partner code, a referral code, the UTM source; `direct` without any.
 */
export function channelOf(p: Record<string, unknown>): { channel: string; campaign: string } {
  const text = (key: string) => (typeof p[key] === 'string' && p[key] ? String(p[key]).trim().toLowerCase() : null);
  const offline = text('event');
  if (offline) return { channel: 'offline', campaign: offline };
  const partner = text('partner');
  if (partner) return { channel: 'partner', campaign: partner };
  const referral = text('ref');
  if (referral) return { channel: 'referral', campaign: referral };
  const source = text('utm_source');
  if (source) return { channel: source, campaign: text('utm_campaign') ?? '' };
  return { channel: 'direct', campaign: '' };
}

export interface CollectBatch {
  anonymousId: string;
  consent: { granted: boolean; at: string } | null;
  events: { name: string; occurredAt: string; properties: Record<string, unknown> }[];
}

const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Stores a batch from the web app (PIPL 个人信息保护法: nothing is kept without the visitor's consent, and nothing
 * from before it). A signed-in batch links the browser's anonymous id to the user (identity stitching) and
 * carries the active organisation.
 */
export async function collect(
  ctx: AppContext,
  actor: Actor | null,
  batch: CollectBatch,
  userAgent: string | undefined,
): Promise<{ accepted: number; dropped: number; reason: 'ok' | 'no_consent' | 'bot' }> {
  const total = batch.events.length;
  if (isBot(userAgent)) return { accepted: 0, dropped: total, reason: 'bot' };
  if (!batch.consent?.granted) return { accepted: 0, dropped: total, reason: 'no_consent' };
  const consentAt = Date.parse(batch.consent.at);
  const latest = ctx.clock.now().getTime() + MAX_CLOCK_SKEW_MS;
  const kept = batch.events.filter((e) => {
    const at = Date.parse(e.occurredAt);
    return WEB_EVENTS.test(e.name) && at >= consentAt && at <= latest;
  });
  await ctx.db.transaction(async (tx) => {
    await repo.insertProductEvents(
      tx,
      kept.map((e) => ({
        id: newId(),
        name: e.name,
        userId: actor?.userId ?? null,
        orgId: actor?.activeOrgId ?? null,
        anonymousId: batch.anonymousId,
        properties: e.name === 'visit.touched' ? { ...e.properties, ...channelOf(e.properties) } : e.properties,
        occurredAt: new Date(e.occurredAt),
      })),
    );
    if (actor) await repo.linkIdentity(tx, batch.anonymousId, actor.userId, ctx.clock.now());
  });
  return { accepted: kept.length, dropped: total - kept.length, reason: 'ok' };
}
