import type { FastifyBaseLogger } from 'fastify';
import { type BreakerOptions, type BreakerRegistry, guard } from '../resilience/breaker';

export interface SmsMessage {
  /** mainland mobile number, 11 digits */
  to: string;
  text: string;
}

/**
 * 短信适配器 the SMS interface. The platform has no SMS provider contract yet: `LoggingSms` is a local fake that
 * writes each message to the log (and keeps the last ones in memory for tests and the development console). A
 * provider (e.g. 阿里云短信 / 腾讯云短信, which need a registered signature and template) plugs in here.
 */
export interface SmsSender {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

export class LoggingSms implements SmsSender {
  readonly name = 'logging-sms (local fake, sends nothing)';
  readonly sent: SmsMessage[] = [];

  constructor(private readonly log: Pick<FastifyBaseLogger, 'info'>) {}

  async send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 100) this.sent.shift();
    this.log.info({ sms: message }, 'SMS (local fake, not sent)');
  }
}

/** The SMS sender behind the `sms` breaker: a provider that hangs or fails answers fast instead of holding requests. */
export function guardSms(sender: SmsSender, registry: BreakerRegistry, options: BreakerOptions): SmsSender {
  const guarded = registry.add(guard('sms', (message: SmsMessage) => sender.send(message), options));
  return { name: sender.name, send: (message) => guarded.call(message) };
}
