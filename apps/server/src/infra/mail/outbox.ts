import type { DbOrTx } from '../db/client';
import type { JobQueue } from '../jobs/job-queue';
import type { Mailer, MailMessage } from './mailer';

const MAIL_JOB = 'mail.send';

/** Mail goes out through the job queue (an outbox): queued in the caller's transaction, sent after it commits. */
export function registerMailJob(queue: JobQueue, mailer: Mailer): void {
  queue.register(MAIL_JOB, async (payload) => {
    await mailer.send(payload as unknown as MailMessage);
  });
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
