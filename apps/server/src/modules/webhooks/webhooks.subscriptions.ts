import type { AppContext } from '../../infra/context';
import type { DomainEvent, DomainEventName } from '../../infra/events';
import { fanOut, type WebhookEvent } from './webhooks.service';

type Projection<N extends DomainEventName> = (
  event: DomainEvent<N>,
) => Omit<WebhookEvent, 'id' | 'type' | 'occurredAt'>;

/**
 * Which organisations may receive each event, and what they receive (`data`). Each is read from the event's
 * payload and names only the organisations that already see the object on the platform:
 *
 * - `demand.published` → the demand's owner (other organisations learn of public demands through search and
 *   matching, not through another organisation's webhook);
 * - `tender.bid_received` → the tender's buyer, with the count of sealed bids only: no bidder, no price, no
 *   content before the opening;
 * - `contract.signed` → 甲方 and 乙方, the two parties;
 * - `escrow.milestone_released` → the payer and the payee of the release;
 * - `settlement.sealed` → the statement's parties: GC (buyer), payee (supplier) and the supervisor, if any.
 */
export const projections: { [N in DomainEventName]?: Projection<N> } = {
  'demand.published': ({ payload }) => ({
    recipients: [payload.orgId],
    data: { demandId: payload.demandId },
  }),
  'tender.bid_received': ({ payload }) => ({
    recipients: [payload.buyerOrgId],
    data: { tenderId: payload.tenderId, bidCount: payload.bidCount },
  }),
  'contract.signed': ({ payload }) => ({
    recipients: [payload.buyer.orgId, payload.supplier.orgId],
    data: {
      contractId: payload.contractId,
      kind: payload.kind,
      title: payload.title,
      buyer: payload.buyer,
      supplier: payload.supplier,
      amountFen: payload.amountFen,
      signedOn: payload.signedOn,
      versionNo: payload.versionNo,
      amendment: payload.amendment,
    },
  }),
  'escrow.milestone_released': ({ payload }) => ({
    recipients: [payload.payerOrgId, payload.payeeOrgId],
    data: {
      releaseId: payload.releaseId,
      contractId: payload.contractId,
      milestoneId: payload.milestoneId,
      settlementId: payload.settlementId,
      payerOrgId: payload.payerOrgId,
      payeeOrgId: payload.payeeOrgId,
      grossFen: payload.grossFen,
      netFen: payload.netFen,
      dueDate: payload.dueDate,
      releasedAt: payload.releasedAt,
    },
  }),
  'settlement.sealed': ({ payload }) => ({
    recipients: [
      payload.buyerOrgId,
      payload.supplierOrgId,
      ...(payload.supervisorOrgId ? [payload.supervisorOrgId] : []),
    ],
    data: {
      settlementId: payload.settlementId,
      contractId: payload.contractId,
      milestoneId: payload.milestoneId,
      buyerOrgId: payload.buyerOrgId,
      supplierOrgId: payload.supplierOrgId,
      supervisorOrgId: payload.supervisorOrgId,
      grossFen: payload.grossFen,
      sealedAt: payload.sealedAt,
    },
  }),
};

/** Subscribes the fan-out to every projected event, after commit (a rolled-back change sends nothing). */
export function subscribeWebhooks(ctx: AppContext): void {
  for (const name of Object.keys(projections) as DomainEventName[]) {
    const project = projections[name] as Projection<DomainEventName>;
    ctx.events.afterCommit(name, 'webhooks.fan-out', async (event) => {
      await fanOut(ctx, { id: event.id, type: event.name, occurredAt: event.occurredAt, ...project(event) });
    });
  }
}
