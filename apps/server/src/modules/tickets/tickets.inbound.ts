import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AppContext } from '../../infra/context';
import { findUserByIdentifier } from '../identity';
import { membershipsOfUser } from '../organisation';
import { intakeEmail } from './tickets.service';

/** Largest message the support address accepts. */
const MAX_MESSAGE_BYTES = 25 * 1_048_576;

export interface InboundSmtp {
  /** listens on 127.0.0.1 / the configured host; port 0 picks a free one; returns the port */
  start(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

/** Matches the sender to a user by e-mail; their first organisation receives the ticket. */
async function senderOf(ctx: AppContext, address: string) {
  const user = await findUserByIdentifier(ctx, address).catch(() => undefined);
  if (!user) return null;
  const [first] = await membershipsOfUser(ctx, user.id);
  return { userId: user.id, name: user.displayName, orgId: first?.orgId ?? null };
}

/**
 * 邮件受理 the support address as a real SMTP server (smtp-server + mailparser, ADR 0086): accepts mail for
 * `address` only, parses it and hands it to the intake. One server per app, held in the module's closure.
 */
export function inboundSmtp(ctx: AppContext, address: string): InboundSmtp {
  const accepted = address.toLowerCase();
  const state: { server: SMTPServer | null } = { server: null };
  return {
    async start(port, host = '127.0.0.1') {
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        size: MAX_MESSAGE_BYTES,
        banner: 'ZhuHe support',
        onRcptTo(rcpt, _session, callback) {
          if (rcpt.address.toLowerCase() !== accepted)
            return callback(
              Object.assign(new Error(`550 No such mailbox here; write to ${address}`), { responseCode: 550 }),
            );
          callback();
        },
        onData(stream, session, callback) {
          simpleParser(stream)
            .then(async (parsed) => {
              const from =
                parsed.from?.value[0]?.address ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : '');
              if (!from) throw Object.assign(new Error('550 A sender address is needed'), { responseCode: 550 });
              const result = await intakeEmail(
                ctx,
                {
                  from,
                  fromName: parsed.from?.value[0]?.name ?? '',
                  subject: parsed.subject ?? '',
                  text: parsed.text ?? '',
                },
                await senderOf(ctx, from),
              );
              ctx.log.info({ ticketId: result.ticketId, created: result.created }, 'support mail taken in');
              callback();
            })
            .catch((error: Error & { responseCode?: number }) => {
              ctx.log.warn({ err: error }, 'support mail refused');
              callback(
                error.responseCode ? error : Object.assign(new Error('451 Try again later'), { responseCode: 451 }),
              );
            });
        },
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      state.server = server;
      return (server as unknown as { server: { address(): { port: number } } }).server.address().port;
    },
    async stop() {
      const server = state.server;
      state.server = null;
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
