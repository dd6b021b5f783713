import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const root = new URL('..', import.meta.url).pathname;

/**
 * Starts the real server (`apps/server/src/main.ts`) as a benchmark's own process, with no demo data, no pages and no
 * rate limits, and resolves once `/readyz` answers. `env` overrides the defaults (production, a fresh master key).
 */
export async function startBenchServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      MASTER_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_MAX: '100000000',
      LOGIN_RATE_LIMIT_MAX: '100000000',
      WEB_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('server did not become ready');
}

/** Stops a server started by `startBenchServer` and waits for it to exit. */
export async function stopBenchServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
