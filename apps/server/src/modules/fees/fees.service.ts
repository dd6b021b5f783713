import type { FeeCharge, FeeItem, FeeReceipt, FeeScheduleVersion } from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { DomainEvent } from '../../infra/events';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getUsers } from '../identity';
import { getOrganisations, registrationFacts } from '../organisation';
import { defineSensitiveAction, requestSensitiveAction } from '../staff';
import { feeErrors } from './fees.errors';
import { renderReceiptPdf } from './fees.render';
import * as repo from './fees.repository';
import { isSeedUser, priceCharge, shanghaiMonth } from './fees.rules';

type SchedulePayload = {
  items: FeeItem[];
  seedUserLimit: number;
  effectiveFrom: string;
  note: string | null;
  requestedBy: string;
};

/** 收费标准变更 a new schedule version, after a second operator or finance staff member approves. */
export const changeFeeSchedule = defineSensitiveAction<SchedulePayload>({
  name: 'fees.schedule.change',
  roles: ['operator', 'finance'],
  summary: (p) => ({
    'zh-CN': `新版收费标准（${p.items.length} 个项目，种子用户 ${p.seedUserLimit} 家，自 ${p.effectiveFrom} 起）`,
    en: `New fee schedule (${p.items.length} items, ${p.seedUserLimit} seed users, from ${p.effectiveFrom})`,
  }),
  async validate() {},
  async execute(tx, p, meta) {
    const history = await repo.scheduleHistory(tx);
    await repo.insertScheduleVersion(tx, {
      version: (history[0]?.version ?? 0) + 1,
      items: p.items,
      seedUserLimit: p.seedUserLimit,
      effectiveFrom: p.effectiveFrom,
      note: p.note,
      recordedAt: new Date(),
      requestedBy: p.requestedBy,
      approvedBy: meta.approvedBy,
      dualControlRequestId: meta.requestId,
    });
  },
});

export async function requestScheduleChange(
  ctx: AppContext,
  actor: Actor,
  input: { items: FeeItem[]; seedUserLimit: number; effectiveFrom: string; note?: string | undefined },
) {
  const payload: SchedulePayload = { ...input, note: input.note ?? null, requestedBy: actor.userId };
  const request = await requestSensitiveAction(ctx, actor, changeFeeSchedule.name, payload);
  return { requestId: request.id, status: 'pending' as const, summary: changeFeeSchedule.summary(payload) };
}

async function requireSchedule(db: DbOrTx, at: Date): Promise<repo.ScheduleRow> {
  const row = await repo.scheduleInForce(db, at, shanghaiDate(at));
  if (!row) throw feeErrors.raise('FEE_SCHEDULE_MISSING');
  return row;
}

/** 种子用户计划 the counter staff watch: how many of the first N places are taken. */
export async function seedUserCounter(ctx: AppContext, at = new Date()) {
  const schedule = await requireSchedule(ctx.db, at);
  const { total } = await registrationFacts(ctx, null);
  const taken = Math.min(total, schedule.seedUserLimit);
  return { limit: schedule.seedUserLimit, taken, remaining: schedule.seedUserLimit - taken, registered: total };
}

export interface ChargeInput {
  orgId: string;
  itemCode: string;
  quantity: number;
  baseFen?: number | undefined;
  description: string;
  reference: string;
  /** an amount already taken elsewhere (e.g. the platform fee of an escrow release): recorded as it was */
  collectedFen?: number | undefined;
}

/**
 * 收费 records one charge priced by the schedule in force (a repeat of the reference returns the first charge).
 * Other modules call it through index.ts; staff record value-added sales through the route.
 */
export async function recordCharge(
  ctx: AppContext,
  input: ChargeInput,
  recordedBy: string | null,
  tx: DbOrTx = ctx.db,
  at = new Date(),
): Promise<repo.ChargeRow> {
  const prior = await repo.chargeByReference(tx, input.reference);
  if (prior) return prior;
  const schedule = await requireSchedule(tx, at);
  const item = schedule.items.find((i) => i.code === input.itemCode);
  if (!item) throw feeErrors.raise('FEE_ITEM_UNKNOWN', { code: input.itemCode });
  const baseFen = input.baseFen === undefined ? null : BigInt(input.baseFen);
  let priced: ReturnType<typeof priceCharge>;
  if (input.collectedFen !== undefined) {
    // taken already, inside the publisher's transaction: only `tx` may be used here
    priced = { listFen: BigInt(input.collectedFen), amountFen: BigInt(input.collectedFen), exempt: false };
  } else {
    const [org] = await getOrganisations(ctx, [input.orgId]);
    if (!org) throw feeErrors.raise('FEE_ORG_NOT_FOUND');
    const { rank } = await registrationFacts(ctx, input.orgId);
    priced = priceCharge(item, { quantity: input.quantity, baseFen }, isSeedUser(rank, schedule.seedUserLimit));
  }
  if ('error' in priced) throw feeErrors.raise(priced.error);
  const row: repo.ChargeRow = {
    id: newId(),
    orgId: input.orgId,
    itemCode: item.code,
    category: item.category,
    scheduleVersion: schedule.version,
    description: input.description,
    quantity: input.quantity,
    baseFen,
    ...priced,
    reference: input.reference,
    period: shanghaiMonth(at),
    chargedAt: at,
    recordedBy,
    receiptId: null,
  };
  if (!(await repo.insertCharge(tx, row))) return (await repo.chargeByReference(tx, input.reference)) as repo.ChargeRow;
  return row;
}

/** `escrow.milestone_released`: the platform fee taken from the release is the payee's 资金监管服务费 charge. */
export async function onMilestoneReleased(
  ctx: AppContext,
  event: DomainEvent<'escrow.milestone_released'>,
  tx: DbOrTx,
) {
  const p = event.payload;
  if (!p.feeFen) return;
  await recordCharge(
    ctx,
    {
      orgId: p.payeeOrgId,
      itemCode: 'escrow_service',
      quantity: 1,
      baseFen: p.grossFen,
      description: `节点放款 ${p.milestoneId} 的资金监管服务费`,
      reference: `escrow-release:${p.releaseId}`,
      collectedFen: p.feeFen,
    },
    null,
    tx,
    new Date(p.releasedAt),
  );
}

/**
 * 开具凭证 one receipt per organisation for the charges of an ended month not yet on a receipt, in one transaction
 * (the charges are locked, so two runs cannot receipt one charge twice).
 */
export async function issueReceipts(ctx: AppContext, issuedBy: string | null, period: string, now = new Date()) {
  if (period >= shanghaiMonth(now)) throw feeErrors.raise('FEE_PERIOD_OPEN', { period });
  const issued = await ctx.db.transaction(async (tx) => {
    const charges = await repo.unreceiptedCharges(tx, period);
    const byOrg = new Map<string, repo.ChargeRow[]>();
    for (const c of charges) byOrg.set(c.orgId, [...(byOrg.get(c.orgId) ?? []), c]);
    let seq = await repo.receiptCountOfPeriod(tx, period);
    const rows: repo.ReceiptRow[] = [];
    for (const [orgId, list] of byOrg) {
      seq += 1;
      const row: repo.ReceiptRow = {
        id: newId(),
        receiptNo: `SF${period.replace('-', '')}-${String(seq).padStart(4, '0')}`,
        orgId,
        period,
        totalFen: list.reduce((s, c) => s + c.amountFen, 0n),
        exemptFen: list.reduce((s, c) => s + (c.listFen - c.amountFen), 0n),
        chargeCount: list.length,
        issuedAt: now,
        issuedBy,
      };
      await repo.insertReceipt(tx, row);
      await repo.assignReceipt(
        tx,
        list.map((c) => c.id),
        row.id,
      );
      rows.push(row);
    }
    return rows;
  });
  return presentReceipts(ctx, issued);
}

async function orgNames(ctx: AppContext, ids: string[]) {
  return new Map((await getOrganisations(ctx, ids)).map((o) => [o.id, o.name]));
}

async function presentReceipts(ctx: AppContext, rows: repo.ReceiptRow[]): Promise<FeeReceipt[]> {
  const names = await orgNames(
    ctx,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    receiptNo: r.receiptNo,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '—',
    period: r.period,
    totalFen: Number(r.totalFen),
    exemptFen: Number(r.exemptFen),
    chargeCount: r.chargeCount,
    issuedAt: r.issuedAt.toISOString(),
  }));
}

async function presentCharges(ctx: AppContext, rows: repo.ChargeRow[]): Promise<FeeCharge[]> {
  const names = await orgNames(
    ctx,
    rows.map((r) => r.orgId),
  );
  const history = await repo.scheduleHistory(ctx.db);
  const itemName = (version: number, code: string) =>
    history.find((h) => h.version === version)?.items.find((i) => i.code === code)?.name ?? { 'zh-CN': code, en: code };
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '—',
    itemCode: r.itemCode,
    itemName: itemName(r.scheduleVersion, r.itemCode),
    category: r.category as FeeCharge['category'],
    scheduleVersion: r.scheduleVersion,
    description: r.description,
    quantity: r.quantity,
    baseFen: r.baseFen === null ? null : Number(r.baseFen),
    listFen: Number(r.listFen),
    amountFen: Number(r.amountFen),
    exempt: r.exempt,
    period: r.period,
    chargedAt: r.chargedAt.toISOString(),
    receiptId: r.receiptId,
  }));
}

async function presentSchedules(ctx: AppContext, rows: repo.ScheduleRow[]): Promise<FeeScheduleVersion[]> {
  const ids = rows.flatMap((r) => [r.requestedBy, r.approvedBy]).filter((v): v is string => Boolean(v));
  const people = new Map((await getUsers(ctx, ids)).map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    version: r.version,
    items: r.items,
    seedUserLimit: r.seedUserLimit,
    effectiveFrom: r.effectiveFrom,
    note: r.note,
    recordedAt: r.recordedAt.toISOString(),
    requestedBy: r.requestedBy ? (people.get(r.requestedBy) ?? '—') : null,
    approvedBy: r.approvedBy ? (people.get(r.approvedBy) ?? '—') : null,
  }));
}

export async function chargeView(ctx: AppContext, row: repo.ChargeRow): Promise<FeeCharge> {
  return (await presentCharges(ctx, [row]))[0] as FeeCharge;
}

export async function staffOverview(ctx: AppContext) {
  const now = new Date();
  const [schedule] = await presentSchedules(ctx, [await requireSchedule(ctx.db, now)]);
  return {
    schedule: schedule as FeeScheduleVersion,
    history: await presentSchedules(ctx, await repo.scheduleHistory(ctx.db)),
    seedUsers: await seedUserCounter(ctx, now),
    charges: await presentCharges(ctx, await repo.recentCharges(ctx.db)),
    receipts: await presentReceipts(ctx, await repo.recentReceipts(ctx.db)),
  };
}

export async function orgFees(ctx: AppContext, orgId: string) {
  const now = new Date();
  const schedule = await requireSchedule(ctx.db, now);
  const { rank } = await registrationFacts(ctx, orgId);
  const [presented] = await presentSchedules(ctx, [schedule]);
  return {
    seedUser:
      rank !== null && isSeedUser(rank, schedule.seedUserLimit) ? { rank, limit: schedule.seedUserLimit } : null,
    schedule: presented as FeeScheduleVersion,
    charges: await presentCharges(ctx, await repo.chargesOfOrg(ctx.db, orgId)),
    receipts: await presentReceipts(ctx, await repo.receiptsOfOrg(ctx.db, orgId)),
  };
}

/** The receipt as PDF, rendered from the charges it covers; another organisation's receipt is "not found". */
export async function receiptPdf(ctx: AppContext, orgId: string | null, receiptId: string) {
  const receipt = await repo.findReceipt(ctx.db, receiptId);
  if (!receipt || (orgId !== null && receipt.orgId !== orgId)) throw feeErrors.raise('FEE_RECEIPT_NOT_FOUND');
  const [org] = await getOrganisations(ctx, [receipt.orgId]);
  const charges = await presentCharges(ctx, await repo.chargesOfReceipt(ctx.db, receiptId));
  const bytes = await renderReceiptPdf({
    receiptNo: receipt.receiptNo,
    period: receipt.period,
    orgName: org?.name ?? '—',
    creditCode: org?.creditCode ?? '—',
    issuedAt: receipt.issuedAt,
    lines: charges.map((c) => ({
      date: shanghaiDate(new Date(c.chargedAt)),
      item: c.itemName['zh-CN'],
      description: c.description,
      quantity: c.quantity,
      listFen: BigInt(c.listFen),
      amountFen: BigInt(c.amountFen),
      exempt: c.exempt,
    })),
    totalFen: receipt.totalFen,
    exemptFen: receipt.exemptFen,
  });
  return { name: `收费凭证-${receipt.receiptNo}.pdf`, mime: 'application/pdf', bytes };
}

/** Charges of the organisation not yet on a receipt, with an amount to pay: what a voucher may be redeemed against. */
export async function openChargesOf(ctx: AppContext, orgId: string, tx: DbOrTx = ctx.db): Promise<repo.ChargeRow[]> {
  return (await repo.chargesOfOrg(tx, orgId)).filter((c) => c.receiptId === null && c.amountFen > 0n);
}

/**
 * 优惠抵扣 a credit against one open charge of the organisation (a voucher redeemed by the rewards module): a
 * negative line of the same item and period, so the month's receipt shows the charge and the credit. Capped at the
 * charge's amount; undefined when the charge is not the organisation's or is on a receipt already. The caller makes
 * sure a charge takes one credit.
 */
export async function creditCharge(
  tx: DbOrTx,
  input: { orgId: string; chargeId: string; creditFen: number; reference: string; description: string },
  at = new Date(),
): Promise<repo.ChargeRow | undefined> {
  const charge = (await repo.chargesOfOrg(tx, input.orgId)).find((c) => c.id === input.chargeId);
  if (!charge || charge.receiptId !== null || charge.amountFen <= 0n) return undefined;
  const credit = BigInt(Math.min(input.creditFen, Number(charge.amountFen)));
  const row: repo.ChargeRow = {
    ...charge,
    id: newId(),
    description: input.description,
    quantity: 1,
    baseFen: null,
    listFen: -credit,
    amountFen: -credit,
    exempt: false,
    reference: input.reference,
    chargedAt: at,
    recordedBy: null,
    receiptId: null,
  };
  if (!(await repo.insertCharge(tx, row))) return repo.chargeByReference(tx, input.reference);
  return row;
}
