import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Journeys in Debian's Chromium. Without E2E_BASE_URL, Playwright starts the real server (as `npm start` does,
 * serving the built pages) on a throwaway data directory with demo data, and stops it afterwards.
 */
const external = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3210);
if (!external && !process.env.E2E_DATA_DIR) process.env.E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'zhuhe-e2e-'));
const root = new URL('..', import.meta.url).pathname;

export const playwrightConfig = defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: './artifacts',
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  ...(external
    ? {}
    : {
        webServer: {
          command: 'node --import tsx apps/server/src/main.ts',
          cwd: root,
          url: `http://127.0.0.1:${port}/readyz`,
          // the demo seeds every module before /readyz answers: minutes on a loaded machine
          timeout: 300_000,
          reuseExistingServer: false,
          stdout: 'ignore',
          stderr: 'pipe',
          env: {
            PORT: String(port),
            HOST: '127.0.0.1',
            DATA_DIR: process.env.E2E_DATA_DIR ?? '',
            SEED_DEMO: 'true',
            MAIL_CATCHER_PORT: '0',
            // the support address listens on a free port, so that journeys beside a running `npm start` do not clash
            SUPPORT_SMTP_PORT: '0',
            LOG_LEVEL: 'warn',
            TENDER_MIN_BIDDING_SECONDS: '20',
            // the risk journey lets 13 days pass on the business clock (infra/clock.ts; refused in production)
            CLOCK_ADJUSTABLE: 'true',
            // every journey's users sign in from 127.0.0.1: the per-address limit (10 sign-ins a minute) would
            // refuse a journey that starts within a minute of one with many sign-ins. The limits themselves are
            // tested in infra/http/http-infra.test.ts; the per-account throttle stays as configured.
            LOGIN_RATE_LIMIT_MAX: '1000',
            // the webhooks journey delivers to a receiver it starts on 127.0.0.1 (refused in production)
            WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
          },
        },
      }),
});

// Playwright reads the default export.
export default playwrightConfig;
