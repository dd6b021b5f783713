import type { DbOrTx } from '../db/client';
import { JobDeferred, type JobQueue } from '../jobs/job-queue';
import { type BreakerOptions, type BreakerRegistry, DependencyUnavailable, guard } from '../resilience/breaker';
import type { Mailer, MailMessage } from './mailer';

export const MAIL_JOB = 'mail.send';

/**
 * Mail goes out through the job queue (an outbox): queued in the caller's transaction, sent after it commits. While
 * SMTP is down (breaker open, timeout, connection refused) the job is deferred, not failed: it stays queued and
 * goes out when SMTP answers again. A message SMTP refuses for itself (5xx) uses up attempts as before.
 */
export function registerMailJob(queue: JobQueue, mailer: Mailer): void {
  queue.register(MAIL_JOB, async (payload) => {
    try {
      await mailer.send(payload as unknown as MailMessage);
    } catch (error) {
      if (error instanceof DependencyUnavailable)
        throw new JobDeferred(`SMTP unavailable (${error.reason}); mail kept in the outbox`, error.retryAt, {
          cause: error,
        });
      throw error;
    }
  });
}

/** An SMTP answer about this message (bad address, refused content): the message's fault, not the server's. */
function isMessageFault(error: unknown): boolean {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500;
}

/** The mailer behind the `smtp` breaker, registered with the count of mail waiting in the outbox. */
export function guardMailer(
  mailer: Mailer,
  registry: BreakerRegistry,
  queue: JobQueue,
  options: BreakerOptions,
): Mailer {
  const guarded = registry.add(
    guard('smtp', (message: MailMessage) => mailer.send(message), options, isMessageFault),
    () => queue.countQueued(MAIL_JOB),
  );
  return { send: (message) => guarded.call(message) };
}

export async function queueMail(
  queue: JobQueue,
  message: MailMessage,
  options: { tx?: DbOrTx; dedupeKey?: string } = {},
) {
  await queue.enqueue(
    MAIL_JOB,
    { ...message },
    { maxAttempts: 8, ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}) },
    options.tx,
  );
}
