import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import type { AppContext } from '../infra/context';
import { MemoryBlobStore } from '../infra/files/blob-store';
import { CSRF_HEADER, SESSION_COOKIE } from '../infra/http/access';
import type { Mailer, MailMessage } from '../infra/mail/mailer';
import { createTestDatabase, type TestDatabase } from './test-db';

/** Keeps what would have been sent; the SMTP path itself is tested in infra/mail. */
export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
    return { messageId: `test-${this.sent.length}` };
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  mailer: RecordingMailer;
  ctx: AppContext;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent-web-dist' },
    { rateLimit: { max: 1_000_000, loginMax: 1_000_000 }, ...overrides },
  );
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const mailer = new RecordingMailer();
  const app = await buildApp({ config, database, logger: false, blobs: new MemoryBlobStore(), mailer });
  await app.ready();
  return {
    app,
    database,
    mailer,
    ctx: app.appContext,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser-like client: keeps the session cookie and sends the CSRF token on mutations. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}),
        ...(this.csrf && method !== 'GET' ? { [CSRF_HEADER]: this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: Buffer.isBuffer(body) ? body : (body as Record<string, unknown>) } : {}),
    });
    const set = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set) this.cookie = set.value || null;
    const json = safeJson(response);
    if (json && typeof json === 'object') {
      const token =
        (json as { csrfToken?: string; me?: { csrfToken?: string } }).csrfToken ??
        (json as { me?: { csrfToken?: string } }).me?.csrfToken;
      if (token) this.csrf = token;
    }
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export function safeJson(response: LightMyRequestResponse): unknown {
  try {
    return response.json();
  } catch {
    return null;
  }
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${Date.now()}@example.com`;
}

export const PASSWORD = 'Correct-Horse-9';

/** Registers a new user through the API and returns a logged-in client. */
export async function registeredClient(app: FastifyInstance, identifier = uniqueEmail(), displayName = '测试用户') {
  const client = new TestClient(app);
  const response = await client.post('/api/auth/register', { identifier, password: PASSWORD, displayName });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const me = response.json() as { user: { id: string } };
  return { client, userId: me.user.id, identifier };
}

/** Sets up and enables TOTP for the client's user; returns the secret and recovery codes. */
export async function enableTotp(client: TestClient) {
  const setup = (await client.post('/api/auth/totp/setup')).json() as { secret: string };
  const code = await generate({ secret: setup.secret });
  const enabled = await client.post('/api/auth/totp/enable', { code });
  if (enabled.statusCode !== 200) throw new Error(`enable totp failed: ${enabled.body}`);
  return { secret: setup.secret, recoveryCodes: (enabled.json() as { recoveryCodes: string[] }).recoveryCodes };
}

/** A TOTP code for the next time step, so it is not refused as a replay of the one just used. */
export async function nextTotp(secret: string, stepsAhead = 1): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** Creates an organisation through the API; the client becomes its owner. */
export async function createOrg(
  client: TestClient,
  input: { name?: string; creditCode: string; businessRoles?: string[] },
) {
  const response = await client.post('/api/orgs', {
    name: input.name ?? '测试建设有限公司',
    creditCode: input.creditCode,
    businessRoles: input.businessRoles ?? ['GC'],
  });
  if (response.statusCode !== 201) throw new Error(`create org failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; businessRoles: string[] };
}

/** Uploads bytes as multipart/form-data (field "file"), as a browser would. */
export async function upload(
  client: TestClient,
  url: string,
  name: string,
  bytes: Buffer,
  contentType = 'application/octet-stream',
) {
  const boundary = `----zhuhe${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const body = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return client.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

/** A minimal valid PDF (one empty page). */
export function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** A 1×1 PNG. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
}
