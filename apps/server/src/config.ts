import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createKeyring, type FieldKeyring } from './infra/crypto';
import type { BreakerOptions } from './infra/resilience/breaker';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; absent → embedded PGlite under DATA_DIR */
  DATABASE_URL: z.string().optional(),
  /** a streaming replica of DATABASE_URL for read-heavy routes (read-your-writes by WAL position, ADR 0119) */
  DATABASE_REPLICA_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  /** 32-byte key, base64, for AES-256-GCM of sensitive fields; generated into DATA_DIR outside production */
  MASTER_KEY: z.string().optional(),
  /** earlier master keys, comma-separated base64, still accepted for decryption during a rotation (ADR 0114) */
  MASTER_KEY_PREVIOUS: z.string().optional(),
  /** the stable key of look-up hashes (HMAC); defaults to MASTER_KEY — set it before the first rotation */
  LOOKUP_KEY: z.string().optional(),
  SEED_DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(168),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
  /** 开放平台: calls per minute per API key, across all /api/v1 routes */
  API_KEY_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(120),
  WEB_DIST: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  /** smtp://user:pass@host:port; absent outside production → a local catcher on MAIL_CATCHER_PORT */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('筑合 ZhuHe <noreply@zhuhe.example>'),
  MAIL_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
  /** 邮件受理 the port the support address listens on (SMTP); absent → 2526 in development, off otherwise */
  SUPPORT_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SUPPORT_SMTP_HOST: z.string().default('127.0.0.1'),
  SUPPORT_MAIL_DOMAIN: z.string().default('zhuhe.example'),
  FILE_MAX_MB: z.coerce.number().int().positive().max(1024).default(50),
  /** 扫描件识别 (INFO-3, ADR 0125): Debian's tesseract and poppler's pdftoppm, run as bounded child processes */
  OCR_TESSERACT: z.string().default('tesseract'),
  OCR_PDFTOPPM: z.string().default('pdftoppm'),
  OCR_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  OCR_MAX_PAGES: z.coerce.number().int().min(1).max(20).default(3),
  /** map tiles, e.g. Tianditu `https://t{s}.tianditu.gov.cn/vec_w/wmts?...&tk=KEY`; absent → a plain background */
  MAP_TILE_URL: z.string().url().optional(),
  MAP_TILE_SUBDOMAINS: z.string().default(''),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  MAP_TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
  /** 最短投标期: seconds from publishing a tender to its earliest bid deadline (20 days, as the tendering law sets) */
  /** acceptance runs only: admin staff may move the business clock forward (refused in production) */
  CLOCK_ADJUSTABLE: bool.default(false),
  TENDER_MIN_BIDDING_SECONDS: z.coerce.number().int().min(1).default(1_728_000),
  /** webhooks may target loopback addresses (local receivers in tests, development, demo, e2e); refused in production */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: bool.default(false),

  /** 熔断与超时 (PLAT-7): per-call timeouts of the outgoing dependencies, and how long an open breaker waits */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  BANK_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  SMS_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  BREAKER_RESET_MS: z.coerce.number().int().min(1).default(30_000),
  /** fault drills only: the simulated bank answers after this delay (refused in production) */
  SIMULATED_BANK_DELAY_MS: z.coerce.number().int().min(0).default(0),
  /** the scheduler's heartbeat job (ops.heartbeat): one run per slot across all processes (ADR 0119) */
  SCHEDULER_HEARTBEAT_CRON: z.string().default('*/5 * * * *'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  /** a streaming replica for read-heavy routes; undefined → every read on the primary */
  databaseReplicaUrl: string | undefined;
  dataDir: string;
  /** field encryption keyring (PLAT-2, ADR 0114): MASTER_KEY encrypts, it and MASTER_KEY_PREVIOUS decrypt */
  fieldKeys: FieldKeyring;
  /**
   * The stable key of look-up hashes and derived signing keys (ADR 0114). It never rotates with the encryption key:
   * LOOKUP_KEY, or MASTER_KEY while no rotation has happened.
   */
  lookupKey: Buffer;
  seedDemo: boolean;
  logLevel: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  rateLimit: { max: number; loginMax: number };
  /** 开放平台 (PLAT-5): the per-key call limit of /api/v1 */
  openApi: { rateLimitPerMinute: number };
  webDist: string;
  publicUrl: string | undefined;
  mail: { smtpUrl: string | undefined; from: string; catcherPort: number };
  /** largest upload accepted, in bytes */
  fileMaxBytes: number;
  /** OCR of scanned tender files (ADR 0125): the programs, the time budget of one import, the pages read */
  ocr: { tesseract: string; pdftoppm: string; timeoutMs: number; maxPages: number };
  /** the ticket desk's inbound mail: support@<domain>, an SMTP listener on `smtpPort` (null → off) */
  support: { address: string; smtpPort: number | null; smtpHost: string };
  /** lockout after this many failed logins … */
  lockout: { maxFailures: number; minutes: number };
  /** how long a step-up (fresh TOTP) stays valid */
  stepUpMinutes: number;
  /** responses slower than this count as slow (PLAT-3: alert over 3 s) */
  slowResponseSeconds: number;
  /** map tile source for the web map; null → markers on a plain background */
  mapTiles: { url: string; subdomains: string; attribution: string; maxZoom: number } | null;
  /** tendering rules that differ by deployment */
  tendering: { minBiddingSeconds: number };
  /** the cron of the scheduler's heartbeat job (ops.heartbeat) */
  scheduler: { heartbeatCron: string };
  /** whether admin staff may move the business clock forward (acceptance runs; never in production) */
  clockAdjustable: boolean;
  /** webhook targets: loopback receivers allowed only outside production (ADR 0108) */
  webhooks: { allowPrivateTargets: boolean };

  /** timeouts and circuit breakers of the outgoing dependencies (ADR 0109) */
  resilience: { smtp: BreakerOptions; bank: BreakerOptions; sms: BreakerOptions };
  /** fault drills: the simulated bank's answer delay (0 outside drills) */
  simulatedBankDelayMs: number;
}

/**
 * Open when over half of at least 3 calls in a minute failed (a bank link makes few calls: with 5 s timeouts, a
 * higher floor would keep users waiting on a dead link for most of a minute); after the reset time one call probes.
 */
function breakerOptions(timeoutMs: number, resetMs: number): BreakerOptions {
  return { timeoutMs, errorThresholdPct: 50, volumeThreshold: 3, resetMs, windowMs: 60_000 };
}

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes, base64-encoded`);
  return key;
}

/** MASTER_KEY_PREVIOUS and LOOKUP_KEY on top of the master key (ADR 0114). */
function loadKeys(
  e: { MASTER_KEY_PREVIOUS?: string | undefined; LOOKUP_KEY?: string | undefined },
  master: Buffer,
): { fieldKeys: FieldKeyring; lookupKey: Buffer } {
  const previous = (e.MASTER_KEY_PREVIOUS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => decodeKey(v, 'MASTER_KEY_PREVIOUS'));
  if (previous.length > 0 && !e.LOOKUP_KEY)
    throw new ConfigError(
      'LOOKUP_KEY is required once MASTER_KEY_PREVIOUS is set: give it the key look-up hashes were made with (the first MASTER_KEY)',
    );
  return {
    fieldKeys: createKeyring(master, previous),
    lookupKey: e.LOOKUP_KEY ? decodeKey(e.LOOKUP_KEY, 'LOOKUP_KEY') : master,
  };
}

function loadMasterKey(value: string | undefined, env: string, dataDir: string): Buffer {
  if (value) {
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32) throw new ConfigError('MASTER_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  if (env === 'production') throw new ConfigError('MASTER_KEY is required in production');
  if (env === 'test') return Buffer.alloc(32, 7);
  // Development: one key per data directory, so encrypted fields stay readable across restarts.
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'master.key');
  if (!existsSync(file)) {
    // Processes started together on one data directory must agree on one key: write a temporary file, then link it
    // into place, which fails for every process but the first (EEXIST); all then read the winner's key.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, randomBytes(32).toString('base64'), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** A configuration the process cannot run with; the message names the variable and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * For entry points (the server, the CLI commands): a configuration error is one line on stderr and exit code 2, not
 * a stack trace.
 */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`配置错误 configuration error: ${error.message}`);
    process.exit(2);
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  if (e.CLOCK_ADJUSTABLE && e.NODE_ENV === 'production')
    throw new ConfigError('CLOCK_ADJUSTABLE is refused in production');
  if (e.WEBHOOKS_ALLOW_PRIVATE_TARGETS && e.NODE_ENV === 'production')
    throw new ConfigError('WEBHOOKS_ALLOW_PRIVATE_TARGETS is refused in production');

  if (e.SIMULATED_BANK_DELAY_MS > 0 && e.NODE_ENV === 'production')
    throw new ConfigError('SIMULATED_BANK_DELAY_MS is refused in production');
  const dataDir = resolve(e.DATA_DIR);
  const config: Config = {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL || undefined,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL || undefined,
    dataDir,
    ...loadKeys(e, loadMasterKey(e.MASTER_KEY, e.NODE_ENV, dataDir)),
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    rateLimit: { max: e.RATE_LIMIT_MAX, loginMax: e.LOGIN_RATE_LIMIT_MAX },
    openApi: { rateLimitPerMinute: e.API_KEY_RATE_LIMIT_MAX },
    webDist: resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    publicUrl: e.PUBLIC_URL,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, catcherPort: e.MAIL_CATCHER_PORT },
    fileMaxBytes: e.FILE_MAX_MB * 1_048_576,
    ocr: {
      tesseract: e.OCR_TESSERACT,
      pdftoppm: e.OCR_PDFTOPPM,
      timeoutMs: e.OCR_TIMEOUT_MS,
      maxPages: e.OCR_MAX_PAGES,
    },
    support: {
      address: `support@${e.SUPPORT_MAIL_DOMAIN}`,
      smtpPort: e.SUPPORT_SMTP_PORT ?? (e.NODE_ENV === 'development' ? 2526 : null),
      smtpHost: e.SUPPORT_SMTP_HOST,
    },
    lockout: { maxFailures: 5, minutes: 15 },
    stepUpMinutes: 5,
    slowResponseSeconds: 3,
    mapTiles: e.MAP_TILE_URL
      ? {
          url: e.MAP_TILE_URL,
          subdomains: e.MAP_TILE_SUBDOMAINS,
          attribution: e.MAP_TILE_ATTRIBUTION,
          maxZoom: e.MAP_TILE_MAX_ZOOM,
        }
      : null,
    tendering: { minBiddingSeconds: e.TENDER_MIN_BIDDING_SECONDS },
    scheduler: { heartbeatCron: e.SCHEDULER_HEARTBEAT_CRON },
    clockAdjustable: e.CLOCK_ADJUSTABLE,
    webhooks: { allowPrivateTargets: e.WEBHOOKS_ALLOW_PRIVATE_TARGETS },

    resilience: {
      smtp: breakerOptions(e.SMTP_TIMEOUT_MS, e.BREAKER_RESET_MS),
      bank: breakerOptions(e.BANK_TIMEOUT_MS, e.BREAKER_RESET_MS),
      sms: breakerOptions(e.SMS_TIMEOUT_MS, e.BREAKER_RESET_MS),
    },
    simulatedBankDelayMs: e.SIMULATED_BANK_DELAY_MS,
  };
  return { ...config, ...overrides };
}
