import { join } from 'node:path';
import type { Config } from '../../config';
import { MailCatcher, type Mailer, smtpMailer } from './mailer';

/**
 * Real SMTP when SMTP_URL is set (required in production). Otherwise a local catcher: a real SMTP server on
 * 127.0.0.1 that keeps the messages as .eml files in DATA_DIR/mail (and in memory for the staff console).
 */
export async function startMail(
  config: Config,
): Promise<{ mailer: Mailer; catcher: MailCatcher | null; description: string; stop(): Promise<void> }> {
  if (config.mail.smtpUrl) {
    return {
      mailer: smtpMailer(config.mail.smtpUrl, config.mail.from),
      catcher: null,
      description: 'SMTP (SMTP_URL)',
      stop: async () => {},
    };
  }
  if (config.env === 'production') throw new Error('SMTP_URL is required in production');
  const catcher = new MailCatcher(join(config.dataDir, 'mail'));
  const port = await catcher.start(config.mail.catcherPort).catch(() => catcher.start(0));
  return {
    mailer: smtpMailer(`smtp://127.0.0.1:${port}`, config.mail.from),
    catcher,
    description: `local SMTP catcher on 127.0.0.1:${port}, messages kept in ${join(config.dataDir, 'mail')}`,
    stop: () => catcher.stop(),
  };
}
