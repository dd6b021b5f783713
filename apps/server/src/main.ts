import { join } from 'node:path';
import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { seedDemoIfEmpty } from './demo/seed';
import { openDatabase } from './infra/db/client';
import { openReplica } from './infra/db/replica';
import { LocalBlobStore } from './infra/files/blob-store';
import { startMail } from './infra/mail/start-mail';
import { publishedKeys, sealCaFingerprint } from './modules/evidence';
import { encryptPlaintextPhones } from './modules/identity';
import { sealPlaintextInvitationPhones } from './modules/organisation';

const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
await database.migrate();
// 存量加密 (PLAT-2): plaintext mobile numbers of older rows move into phone_enc/phone_hash, once
const sealedPhones =
  (await encryptPlaintextPhones(database.db, config)) + (await sealPlaintextInvitationPhones(database.db, config));
if (sealedPhones > 0) console.log(`Encrypted ${sealedPhones} plaintext mobile number(s) (手机号已加密).`);
const mail = await startMail(config);
const blobs = new LocalBlobStore(join(config.dataDir, 'files'));
const replica =
  config.databaseReplicaUrl && database.driver === 'postgres' ? await openReplica(config.databaseReplicaUrl) : null;
const app = await buildApp({ config, database, blobs, mailer: mail.mailer, replica });

if (config.seedDemo) {
  // processes started together on an empty database: one seeds, the others then find users and skip
  const logins = await database.exclusive('zhuhe:seed-demo', () => seedDemoIfEmpty(app.appContext, app.modules));
  if (logins) {
    const lines = logins.map(
      (l) =>
        `  ${l.identifier.padEnd(24)} ${l.password}  ${l.who}${l.totpSecret ? `  [TOTP secret ${l.totpSecret}]` : ''}`,
    );
    console.log(`\nDemo data seeded. Demo log-ins (演示账号):\n${lines.join('\n')}\n`);
  }
}

// 邮件受理: the support address as a real SMTP listener (SUPPORT_SMTP_PORT; 2526 in development).
const support = config.support;
const supportPort =
  support.smtpPort === null
    ? null
    : await app.modules.tickets.api.inbound.start(support.smtpPort, support.smtpHost).catch((error: Error) => {
        // the desk works without it (web and API intake); say so instead of refusing to start
        app.log.warn({ err: error }, 'support mail listener not started');
        return null;
      });

// Graceful draining (a deploy behind nginx): on SIGTERM the listener closes (no new connections; requests arriving on
// kept-alive connections get 503, so nginx retries them on another process), requests in flight finish, the job in
// hand finishes, then the process exits. A second signal, or 25 s without finishing, exits at once.
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  app.log.info({ signal }, 'draining: no new requests, finishing those in flight');
  setTimeout(() => {
    app.log.error('drain timed out, exiting');
    process.exit(1);
  }, 25_000).unref();
  await app.modules.tickets.api.inbound.stop();
  await Promise.all([app.appContext.jobs.stop(), app.close()]);
  await mail.stop();
  await replica?.close();
  await database.close();
  app.log.info('drained, exiting');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.host, port: config.port });
app.appContext.jobs.start();
const shown = config.publicUrl ?? `http://localhost:${config.port}`;
const evidenceKeys = await publishedKeys(app.appContext);
console.log(
  `\nZhuHe 筑合 is running at ${shown}  (API docs ${shown}/api/docs)\n` +
    `Database: ${database.driver === 'pglite' ? `embedded PGlite in ${join(config.dataDir, 'pglite')}` : `PostgreSQL (DATABASE_URL)${replica ? ' with a read replica (DATABASE_REPLICA_URL)' : ''}`}\n` +
    `Mail: ${mail.description}\n` +
    `Support mail: ${supportPort === null ? 'off (SUPPORT_SMTP_PORT)' : `${support.address} via SMTP on ${support.smtpHost}:${supportPort}`}\n` +
    `Evidence log key (存证日志公钥): ${evidenceKeys.logVerifierKey}\n` +
    `Evidence witness key (见证方公钥): ${evidenceKeys.witnessKeys.join(' ')}\n` +
    `Seal CA SHA-256 (印章 CA 指纹): ${await sealCaFingerprint(app.appContext)}\n` +
    `Demo log-ins are printed once, when the demo data is first seeded; see README.md for them.\n`,
);
