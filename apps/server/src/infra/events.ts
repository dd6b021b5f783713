import type { FastifyBaseLogger } from 'fastify';
import type { DbOrTx } from './db/client';
import { newId } from './ids';
import type { JobQueue } from './jobs/job-queue';

/**
 * The platform's domain events, by name. Empty here: each module declares what it publishes in its own
 * `*.events.ts` by augmenting this interface, so `publish` and `subscribe` are typed end to end:
 *
 * ```ts
 * declare module '../../infra/events' {
 *   interface DomainEvents { 'settlement.sealed': SettlementSealed }
 * }
 * ```
 *
 * Payloads travel through the job queue for after-commit handlers, so they are plain JSON: ids, ISO date strings,
 * amounts in fen as numbers.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the modules' *.events.ts
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents & string;

export interface DomainEvent<N extends DomainEventName = DomainEventName> {
  /** UUIDv7, unique per publication; after-commit deliveries are deduplicated by it */
  id: string;
  name: N;
  /** ISO instant */
  occurredAt: string;
  payload: DomainEvents[N];
}

/** Runs inside the publisher's transaction: what must be atomic with the change. A throw rolls the change back. */
export type InTransactionHandler<N extends DomainEventName> = (event: DomainEvent<N>, tx: DbOrTx) => Promise<void>;
/** Runs after the publisher's transaction commits, once, through the job queue (retried with back-off). */
export type AfterCommitHandler<N extends DomainEventName> = (event: DomainEvent<N>) => Promise<void>;

interface Subscription {
  subscriber: string;
  phase: 'transaction' | 'after-commit';
  handler: (event: DomainEvent, tx: DbOrTx) => Promise<void>;
}

/** The job that carries one after-commit delivery. */
export function deliveryJobName(eventName: string, subscriber: string): string {
  return `event:${eventName}:${subscriber}`;
}

/**
 * Typed domain events bound to the publisher's transaction (one instance per app; nothing is shared between
 * apps in one process). `publish(tx, …)` runs the in-transaction handlers with the publisher's `tx`, then queues
 * one job per after-commit subscriber in the same `tx` (the outbox): if the change rolls back, nothing is
 * delivered; if it commits, each subscriber gets the event once, even across processes (the job queue claims
 * with SKIP LOCKED and deduplicates by event id and subscriber).
 */
export class DomainEventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();
  private readonly published: DomainEvent[] = [];

  constructor(
    private readonly jobs: JobQueue,
    private readonly log: FastifyBaseLogger,
    /** keep the last published events in memory (tests and the architecture page's event list) */
    private readonly keepLast = 0,
  ) {}

  /** Atomic reaction: runs in the publisher's transaction, in subscription order. */
  onTransaction<N extends DomainEventName>(name: N, subscriber: string, handler: InTransactionHandler<N>): void {
    this.add(name, {
      subscriber,
      phase: 'transaction',
      handler: handler as unknown as Subscription['handler'],
    });
  }

  /** Side effect after commit (mail, notifications, recomputation): through the job queue, once per event. */
  afterCommit<N extends DomainEventName>(name: N, subscriber: string, handler: AfterCommitHandler<N>): void {
    this.add(name, {
      subscriber,
      phase: 'after-commit',
      handler: handler as unknown as Subscription['handler'],
    });
    this.jobs.register(deliveryJobName(name, subscriber), async (payload) => {
      await handler(payload as unknown as DomainEvent<N>);
    });
  }

  async publish<N extends DomainEventName>(
    tx: DbOrTx,
    name: N,
    payload: DomainEvents[N],
    occurredAt: Date = new Date(),
  ): Promise<DomainEvent<N>> {
    const event: DomainEvent<N> = { id: newId(), name, occurredAt: occurredAt.toISOString(), payload };
    for (const s of this.subscriptions.get(name) ?? []) {
      if (s.phase === 'transaction') await s.handler(event as unknown as DomainEvent, tx);
      else
        await this.jobs.enqueue(
          deliveryJobName(name, s.subscriber),
          event as unknown as Record<string, unknown>,
          { dedupeKey: `event:${event.id}:${s.subscriber}`, maxAttempts: 8 },
          tx,
        );
    }
    if (this.keepLast > 0) {
      this.published.push(event as unknown as DomainEvent);
      if (this.published.length > this.keepLast) this.published.shift();
    }
    this.log.debug({ event: name, id: event.id }, 'domain event published');
    return event;
  }

  /**
   * Publishes one event per payload, as `publish` would one after the other (in-transaction handlers run per
   * event, in order), but writes the after-commit deliveries of all of them in one multi-row insert: for batches
   * such as the monthly credit rating, which publishes hundreds of events per transaction.
   */
  async publishAll<N extends DomainEventName>(
    tx: DbOrTx,
    name: N,
    payloads: readonly DomainEvents[N][],
    occurredAt: Date = new Date(),
  ): Promise<DomainEvent<N>[]> {
    const subscriptions = this.subscriptions.get(name) ?? [];
    const events: DomainEvent<N>[] = [];
    const deliveries: Parameters<JobQueue['enqueueMany']>[0][number][] = [];
    for (const payload of payloads) {
      const event: DomainEvent<N> = { id: newId(), name, occurredAt: occurredAt.toISOString(), payload };
      for (const s of subscriptions) {
        if (s.phase === 'transaction') await s.handler(event as unknown as DomainEvent, tx);
        else
          deliveries.push({
            name: deliveryJobName(name, s.subscriber),
            payload: event as unknown as Record<string, unknown>,
            options: { dedupeKey: `event:${event.id}:${s.subscriber}`, maxAttempts: 8 },
          });
      }
      events.push(event);
    }
    await this.jobs.enqueueMany(deliveries, tx);
    if (this.keepLast > 0) {
      this.published.push(...(events as unknown as DomainEvent[]));
      if (this.published.length > this.keepLast) this.published.splice(0, this.published.length - this.keepLast);
    }
    this.log.debug({ event: name, count: events.length }, 'domain events published');
    return events;
  }

  /** Who listens to what, for the architecture check and the docs. */
  subscribers(): { event: string; subscriber: string; phase: Subscription['phase'] }[] {
    return [...this.subscriptions].flatMap(([event, list]) =>
      list.map((s) => ({ event, subscriber: s.subscriber, phase: s.phase })),
    );
  }

  /** The last events published (only when the bus was created with `keepLast`). */
  recent(): readonly DomainEvent[] {
    return this.published;
  }

  private add(name: string, subscription: Subscription) {
    const list = this.subscriptions.get(name) ?? [];
    if (list.some((s) => s.subscriber === subscription.subscriber))
      throw new Error(`${subscription.subscriber} subscribes to ${name} twice`);
    list.push(subscription);
    this.subscriptions.set(name, list);
  }
}
