import type {
  AddFavouriteBody,
  CreateInquiryBody,
  Engagement,
  Favourite,
  FavouriteKind,
  Inquiry,
  InquiryContractBody,
  InquirySummary,
  QuoteBody,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { recordProductEvent } from '../analytics';
import { createContract } from '../contracts';
import { notify } from '../notifications';
import { getOrganisation, getOrganisations } from '../organisation';
import { getProject, viewerOf } from '../projects';
import { getListing } from '../resources';
import { inquiryErrors } from './inquiries.errors';
import * as repo from './inquiries.repository';

type CreateInput = z.output<typeof CreateInquiryBody>;
type QuoteInput = z.output<typeof QuoteBody>;
type ContractInput = z.output<typeof InquiryContractBody>;

const DAY_MS = 86_400_000;
const link = (id: string) => `/workspace/inquiries/${id}`;
const orgIdsOf = (actor: Actor) => actor.memberships.map((m) => m.orgId);

// ── 收藏 favourites ─────────────────────────────────────────────────────────────────────────────────────────────

function presentFavourite(row: repo.FavouriteRow): Favourite {
  return {
    kind: row.kind as FavouriteKind,
    targetId: row.targetId,
    title: row.title,
    targetOrgId: row.targetOrgId,
    targetOrgName: row.targetOrgName,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listFavourites(ctx: AppContext, actor: Actor, orgId: string, kind?: FavouriteKind) {
  return { items: (await repo.favouritesOf(ctx.db, orgId, actor.userId, kind)).map(presentFavourite) };
}

/** What the star points at, as far as the person may see it: a title and the organisation behind it. */
async function favouriteTarget(ctx: AppContext, actor: Actor, kind: FavouriteKind, targetId: string) {
  const missing = () => inquiryErrors.raise('FAVOURITE_TARGET_NOT_FOUND');
  if (kind === 'listing') {
    const listing = await getListing(ctx, orgIdsOf(actor), targetId).catch(() => {
      throw missing();
    });
    return { title: listing.title, targetOrgId: listing.orgId, targetOrgName: listing.orgName };
  }
  if (kind === 'project') {
    const project = await getProject(ctx, viewerOf(actor), targetId).catch(() => {
      throw missing();
    });
    return { title: project.name, targetOrgId: project.orgId, targetOrgName: project.orgName };
  }
  const org = await getOrganisation(ctx, targetId).catch(() => {
    throw missing();
  });
  return { title: org.name, targetOrgId: org.id, targetOrgName: org.name };
}

/** Starring twice keeps the first star (and its date). */
export async function addFavourite(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.output<typeof AddFavouriteBody>,
): Promise<Favourite> {
  const target = await favouriteTarget(ctx, actor, input.kind, input.targetId);
  await repo.upsertFavourite(ctx.db, {
    orgId,
    userId: actor.userId,
    kind: input.kind,
    targetId: input.targetId,
    ...target,
    createdAt: new Date(),
  });
  const row = await repo.findFavourite(ctx.db, orgId, actor.userId, input.kind, input.targetId);
  return presentFavourite(row as repo.FavouriteRow);
}

export async function removeFavourite(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  kind: FavouriteKind,
  targetId: string,
): Promise<void> {
  if (!(await repo.deleteFavourite(ctx.db, orgId, actor.userId, kind, targetId)))
    throw inquiryErrors.raise('FAVOURITE_TARGET_NOT_FOUND');
}

// ── 询价 inquiries ──────────────────────────────────────────────────────────────────────────────────────────────

/** 报价金额: each line's quantity × unit price, rounded to the fen, then summed. */
export function lineTotalsFen(lines: readonly { quantity: number }[], unitPricesFen: readonly number[]): number[] {
  return lines.map((line, i) => Math.round(line.quantity * (unitPricesFen[i] ?? 0)));
}

export async function createInquiry(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: CreateInput,
  now = new Date(),
): Promise<Inquiry> {
  const merchantOrgIds = [...new Set(input.merchantOrgIds)];
  if (merchantOrgIds.includes(orgId)) throw inquiryErrors.raise('INQUIRY_MERCHANT_INVALID');
  const found = await getOrganisations(ctx, merchantOrgIds);
  if (found.length !== merchantOrgIds.length) throw inquiryErrors.raise('INQUIRY_MERCHANT_INVALID');
  const respondBy = new Date(input.respondBy);
  if (respondBy.getTime() <= now.getTime()) throw inquiryErrors.raise('INQUIRY_DEADLINE_INVALID');
  if (input.listingId)
    await getListing(ctx, orgIdsOf(actor), input.listingId).catch(() => {
      throw inquiryErrors.raise('FAVOURITE_TARGET_NOT_FOUND');
    });
  const buyer = await getOrganisation(ctx, orgId);
  const id = newId(now.getTime());
  await ctx.db.transaction(async (tx) => {
    await repo.insertInquiry(
      tx,
      {
        id,
        buyerOrgId: orgId,
        createdBy: actor.userId,
        title: input.title,
        listingId: input.listingId,
        lines: input.lines,
        respondBy,
        note: input.note,
        status: 'open',
        createdAt: now,
      },
      merchantOrgIds.map((merchantOrgId) => ({
        id: newId(now.getTime()),
        inquiryId: id,
        merchantOrgId,
        status: 'sent',
        sentAt: now,
        viewedAt: null,
        quotedAt: null,
        declinedAt: null,
        decidedAt: null,
        declineReason: null,
        unitPricesFen: null,
        totalFen: null,
        deliveryDays: null,
        validUntil: null,
        quoteNote: null,
        quotedBy: null,
      })),
    );
    await recordProductEvent(
      ctx,
      {
        name: 'inquiry.sent',
        userId: actor.userId,
        orgId,
        properties: { inquiryId: id, merchants: merchantOrgIds.length },
      },
      tx,
    );
    // 商家数据: each merchant asked counts an inquiry received
    for (const merchantOrgId of merchantOrgIds)
      await recordProductEvent(
        ctx,
        {
          name: 'inquiry.received',
          orgId: merchantOrgId,
          properties: { inquiryId: id, listingId: input.listingId ?? null },
        },
        tx,
      );
    for (const merchantOrgId of merchantOrgIds)
      await notify(
        ctx,
        {
          orgId: merchantOrgId,
          kind: 'inquiries.received',
          title: `收到询价：${input.title}`,
          body: `${buyer.name} 向贵方询价（${input.lines.length} 项），请于 ${shanghaiDate(respondBy)} 前报价。`,
          link: link(id),
          email: true,
        },
        tx,
      );
  });
  return getInquiry(ctx, orgId, id, now);
}

type Side = { side: 'buyer' } | { side: 'merchant'; engagement: repo.EngagementRow };

async function sideOf(ctx: AppContext, orgId: string, inquiryId: string) {
  const inquiry = await repo.findInquiry(ctx.db, inquiryId);
  if (!inquiry) throw inquiryErrors.raise('INQUIRY_NOT_FOUND');
  if (inquiry.buyerOrgId === orgId) return { inquiry, side: { side: 'buyer' } as Side };
  const engagement = await repo.findEngagement(ctx.db, inquiryId, orgId);
  // a merchant that was not asked, or any other organisation: the inquiry does not exist for it
  if (!engagement) throw inquiryErrors.raise('INQUIRY_NOT_FOUND');
  return { inquiry, side: { side: 'merchant', engagement } as Side };
}

function presentEngagement(inquiry: repo.InquiryRow, row: repo.EngagementRow, names: Map<string, string>): Engagement {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    merchantOrgId: row.merchantOrgId,
    merchantName: names.get(row.merchantOrgId) ?? '',
    status: row.status as Engagement['status'],
    sentAt: row.sentAt.toISOString(),
    viewedAt: iso(row.viewedAt),
    quotedAt: iso(row.quotedAt),
    declinedAt: iso(row.declinedAt),
    decidedAt: iso(row.decidedAt),
    declineReason: row.declineReason,
    quote:
      row.unitPricesFen && row.totalFen !== null && row.validUntil
        ? {
            unitPricesFen: row.unitPricesFen,
            lineTotalsFen: lineTotalsFen(inquiry.lines, row.unitPricesFen),
            totalFen: row.totalFen,
            deliveryDays: row.deliveryDays ?? 0,
            validUntil: row.validUntil.toISOString(),
            note: row.quoteNote ?? '',
          }
        : null,
  };
}

/**
 * The buyer sees every merchant's engagement and quote; a merchant only its own — never a competitor's — and its
 * first look marks the engagement viewed.
 */
export async function getInquiry(
  ctx: AppContext,
  orgId: string,
  inquiryId: string,
  now = new Date(),
): Promise<Inquiry> {
  const { inquiry, side } = await sideOf(ctx, orgId, inquiryId);
  if (side.side === 'merchant' && !side.engagement.viewedAt) await repo.markViewed(ctx.db, side.engagement.id, now);
  const all = await repo.engagementsOf(ctx.db, [inquiryId]);
  const visible = side.side === 'buyer' ? all : all.filter((e) => e.merchantOrgId === orgId);
  const [order] = await repo.ordersOf(ctx.db, [inquiryId]);
  const orgs = await getOrganisations(ctx, [inquiry.buyerOrgId, ...visible.map((e) => e.merchantOrgId)]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const ownOrder = order && (side.side === 'buyer' || order.merchantOrgId === orgId) ? order : undefined;
  return {
    id: inquiry.id,
    buyerOrgId: inquiry.buyerOrgId,
    buyerName: names.get(inquiry.buyerOrgId) ?? '',
    title: inquiry.title,
    listingId: inquiry.listingId,
    lines: inquiry.lines,
    respondBy: inquiry.respondBy.toISOString(),
    note: inquiry.note,
    status: inquiry.status as Inquiry['status'],
    createdAt: inquiry.createdAt.toISOString(),
    side: side.side,
    engagements: visible.map((e) => presentEngagement(inquiry, e, names)),
    order: ownOrder
      ? {
          id: ownOrder.id,
          orderNo: ownOrder.orderNo,
          merchantOrgId: ownOrder.merchantOrgId,
          amountFen: ownOrder.amountFen,
          contractId: side.side === 'buyer' ? ownOrder.contractId : null,
          createdAt: ownOrder.createdAt.toISOString(),
        }
      : null,
  };
}

export async function listSent(ctx: AppContext, orgId: string): Promise<{ items: InquirySummary[] }> {
  const rows = await repo.sentBy(ctx.db, orgId);
  const engagements = await repo.engagementsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const buyer = await getOrganisation(ctx, orgId);
  return {
    items: rows.map((r) => {
      const own = engagements.filter((e) => e.inquiryId === r.id);
      return {
        id: r.id,
        title: r.title,
        buyerName: buyer.name,
        status: r.status as InquirySummary['status'],
        respondBy: r.respondBy.toISOString(),
        createdAt: r.createdAt.toISOString(),
        lineCount: r.lines.length,
        merchantCount: own.length,
        quoteCount: own.filter((e) => e.totalFen !== null).length,
        myStatus: null,
      };
    }),
  };
}

export async function listReceived(ctx: AppContext, orgId: string): Promise<{ items: InquirySummary[] }> {
  const rows = await repo.receivedBy(ctx.db, orgId);
  const names = new Map(
    (await getOrganisations(ctx, [...new Set(rows.map((r) => r.inquiry.buyerOrgId))])).map((o) => [o.id, o.name]),
  );
  return {
    items: rows.map(({ inquiry, engagement }) => ({
      id: inquiry.id,
      title: inquiry.title,
      buyerName: names.get(inquiry.buyerOrgId) ?? '',
      status: inquiry.status as InquirySummary['status'],
      respondBy: inquiry.respondBy.toISOString(),
      createdAt: inquiry.createdAt.toISOString(),
      lineCount: inquiry.lines.length,
      // a merchant learns neither how many others were asked nor how many quoted
      merchantCount: 1,
      quoteCount: engagement.totalFen === null ? 0 : 1,
      myStatus: engagement.status as InquirySummary['myStatus'],
    })),
  };
}

/** The checks a merchant's answer must pass: asked, inquiry still open, before the deadline, not yet answered. */
async function answerable(ctx: AppContext, orgId: string, inquiryId: string, now: Date) {
  const { inquiry, side } = await sideOf(ctx, orgId, inquiryId);
  if (side.side !== 'merchant') throw inquiryErrors.raise('INQUIRY_ENGAGEMENT_NOT_FOUND');
  if (inquiry.status !== 'open') throw inquiryErrors.raise('INQUIRY_CLOSED');
  if (!['sent', 'viewed'].includes(side.engagement.status)) throw inquiryErrors.raise('INQUIRY_ALREADY_ANSWERED');
  if (now.getTime() > inquiry.respondBy.getTime()) throw inquiryErrors.raise('INQUIRY_DEADLINE_PASSED');
  return { inquiry, engagement: side.engagement };
}

export async function quote(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  inquiryId: string,
  input: QuoteInput,
  now = new Date(),
): Promise<Inquiry> {
  const { inquiry, engagement } = await answerable(ctx, orgId, inquiryId, now);
  if (input.unitPricesFen.length !== inquiry.lines.length)
    throw inquiryErrors.raise('INQUIRY_QUOTE_LINES_MISMATCH', { lines: inquiry.lines.length });
  const totalFen = lineTotalsFen(inquiry.lines, input.unitPricesFen).reduce((a, b) => a + b, 0);
  const merchant = await getOrganisation(ctx, orgId);
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.answer(tx, engagement.id, {
      status: 'quoted',
      quotedAt: now,
      viewedAt: engagement.viewedAt ?? now,
      unitPricesFen: input.unitPricesFen,
      totalFen,
      deliveryDays: input.deliveryDays,
      validUntil: new Date(now.getTime() + input.validDays * DAY_MS),
      quoteNote: input.note,
      quotedBy: actor.userId,
    });
    if (!updated) throw inquiryErrors.raise('INQUIRY_ALREADY_ANSWERED');
    await notify(
      ctx,
      {
        orgId: inquiry.buyerOrgId,
        kind: 'inquiries.quoted',
        title: `收到报价：${inquiry.title}`,
        body: `${merchant.name} 已报价，可在询价详情中对比各家报价。`,
        link: link(inquiryId),
      },
      tx,
    );
  });
  return getInquiry(ctx, orgId, inquiryId, now);
}

export async function decline(
  ctx: AppContext,
  orgId: string,
  inquiryId: string,
  reason: string,
  now = new Date(),
): Promise<Inquiry> {
  const { inquiry, engagement } = await answerable(ctx, orgId, inquiryId, now);
  const merchant = await getOrganisation(ctx, orgId);
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.answer(tx, engagement.id, {
      status: 'declined',
      declinedAt: now,
      viewedAt: engagement.viewedAt ?? now,
      declineReason: reason || null,
    });
    if (!updated) throw inquiryErrors.raise('INQUIRY_ALREADY_ANSWERED');
    await notify(
      ctx,
      {
        orgId: inquiry.buyerOrgId,
        kind: 'inquiries.declined',
        title: `商家谢绝报价：${inquiry.title}`,
        body: `${merchant.name} 谢绝了此次询价${reason ? `：${reason}` : ''}。`,
        link: link(inquiryId),
      },
      tx,
    );
  });
  return getInquiry(ctx, orgId, inquiryId, now);
}

/** 订单号 XJ + the Shanghai date + the id's last six characters */
function orderNo(id: string, now: Date): string {
  return `XJ${shanghaiDate(now).replaceAll('-', '')}${id.replaceAll('-', '').slice(-6).toUpperCase()}`;
}

/**
 * 接受报价: one transaction closes the inquiry (only if still open), marks the quote accepted and every other
 * merchant still in the running lost, records the order and notifies them all. A second acceptance, also a
 * concurrent one, finds the inquiry closed and changes nothing.
 */
export async function accept(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  inquiryId: string,
  engagementId: string,
  now = new Date(),
): Promise<Inquiry> {
  const { inquiry, side } = await sideOf(ctx, orgId, inquiryId);
  if (side.side !== 'buyer') throw inquiryErrors.raise('INQUIRY_NOT_FOUND');
  if (inquiry.status !== 'open') throw inquiryErrors.raise('INQUIRY_ALREADY_ACCEPTED');
  const engagement = (await repo.engagementsOf(ctx.db, [inquiryId])).find((e) => e.id === engagementId);
  if (!engagement) throw inquiryErrors.raise('INQUIRY_ENGAGEMENT_NOT_FOUND');
  if (engagement.status !== 'quoted' || engagement.totalFen === null || (engagement.validUntil ?? now) < now)
    throw inquiryErrors.raise('INQUIRY_QUOTE_NOT_ACCEPTABLE');
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.closeInquiry(tx, inquiryId))) throw inquiryErrors.raise('INQUIRY_ALREADY_ACCEPTED');
    const lost = await repo.decide(tx, inquiryId, engagementId, now);
    const id = newId(now.getTime());
    await repo.insertOrder(tx, {
      id,
      orderNo: orderNo(id, now),
      inquiryId,
      engagementId,
      buyerOrgId: orgId,
      merchantOrgId: engagement.merchantOrgId,
      amountFen: engagement.totalFen as number,
      acceptedBy: actor.userId,
      contractId: null,
      createdAt: now,
    });
    await notify(
      ctx,
      {
        orgId: engagement.merchantOrgId,
        kind: 'inquiries.accepted',
        title: `报价已被接受：${inquiry.title}`,
        body: '买方接受了贵方的报价，订单已生成。',
        link: link(inquiryId),
        email: true,
      },
      tx,
    );
    for (const other of lost)
      await notify(
        ctx,
        {
          orgId: other.merchantOrgId,
          kind: 'inquiries.lost',
          title: `询价已结束：${inquiry.title}`,
          body: '买方已选择其他商家的报价，感谢贵方参与。',
          link: link(inquiryId),
        },
        tx,
      );
  });
  return getInquiry(ctx, orgId, inquiryId, now);
}

/**
 * 生成采购合同: the accepted order becomes a purchase contract draft through the contracts module (the buyer is
 * 甲方, the merchant 乙方); the quote fills the amount and the priced bill of quantities, the buyer the rest.
 */
export async function draftContract(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  inquiryId: string,
  input: ContractInput,
): Promise<{ contractId: string }> {
  const { inquiry, side } = await sideOf(ctx, orgId, inquiryId);
  if (side.side !== 'buyer') throw inquiryErrors.raise('INQUIRY_NOT_FOUND');
  const [order] = await repo.ordersOf(ctx.db, [inquiryId]);
  if (!order) throw inquiryErrors.raise('INQUIRY_NOT_ACCEPTED');
  if (order.contractId) throw inquiryErrors.raise('INQUIRY_CONTRACT_EXISTS');
  const engagement = (await repo.engagementsOf(ctx.db, [inquiryId])).find((e) => e.id === order.engagementId);
  const prices = engagement?.unitPricesFen ?? [];
  const totals = lineTotalsFen(inquiry.lines, prices);
  const contractId = await createContract(ctx, actor, orgId, {
    kind: 'purchase',
    counterpartyOrgId: order.merchantOrgId,
    title: inquiry.title,
    variables: input.variables,
    award: {
      projectName: typeof input.variables.projectName === 'string' ? input.variables.projectName : inquiry.title,
      scope: inquiry.lines
        .map((l) => `${l.material}${l.spec ? `（${l.spec}）` : ''} ${l.quantity}${l.unit}`)
        .join('，'),
      amountFen: order.amountFen,
      boq: inquiry.lines.map((l, i) => ({
        name: l.material,
        spec: l.spec,
        unit: l.unit,
        quantity: l.quantity,
        unitPriceFen: prices[i] ?? 0,
        totalFen: totals[i] ?? 0,
      })),
    },
  });
  if (!(await repo.setOrderContract(ctx.db, order.id, contractId)))
    throw inquiryErrors.raise('INQUIRY_CONTRACT_EXISTS');
  return { contractId };
}
