import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import type { Config } from './config';
import { auditLog } from './infra/audit/audit.tables';
import { createKeyring, keyId } from './infra/crypto';
import { ENCRYPTED_COLUMNS, rotateFieldKeys } from './infra/crypto-rotation';
import { queryRows } from './infra/db/client';
import { MemoryBlobStore } from './infra/files/blob-store';
import { encryptPlaintextPhones } from './modules/identity';
import { sealPlaintextInvitationPhones } from './modules/organisation';
import { validCreditCode } from './test/credit-codes';
import { idNumber, uploadDocuments, verificationPackage } from './test/onboarding';
import { staffClient } from './test/staff';
import {
  createOrg,
  PASSWORD,
  RecordingMailer,
  registeredClient,
  type TestApp,
  TestClient,
  testConfig,
} from './test/test-app';
import { createTestDatabase, type TestDatabase } from './test/test-db';

/**
 * PLAT-2 数据脱敏 end to end: mobile numbers and ID-card numbers never reach the log or a list in full, they are
 * encrypted at rest, the reveal routes check who asks and audit it, and a key rotation keeps every value readable.
 */
const oldKey = Buffer.alloc(32, 7); // the test MASTER_KEY (config.ts)
const newKey = Buffer.alloc(32, 9);

let database: TestDatabase;
let t: TestApp;
const log: string[] = [];

async function appWith(overrides: Partial<Config>, capture: boolean): Promise<TestApp> {
  const config = testConfig({ logLevel: 'debug', ...overrides });
  const mailer = new RecordingMailer();
  const app = await buildApp({
    config,
    database,
    logger: capture,
    logStream: { write: (line: string) => log.push(line) },
    blobs: new MemoryBlobStore(),
    mailer,
  });
  await app.ready();
  return { app, database, mailer, ctx: app.appContext, close: () => app.close() };
}

function uniquePhone(): string {
  return `137${String(Date.now() + Math.floor(Math.random() * 1e6)).slice(-8)}`;
}

/** The user's row as stored (read with SQL: the identity tables are the module's own). */
async function storedUser(id: string) {
  const [row] = await queryRows<{ phone: string | null; phone_enc: string | null; phone_hash: string | null }>(
    database.db,
    sql`select phone, phone_enc, phone_hash from users where id = ${id}`,
  );
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await appWith({}, true);
});
afterAll(async () => {
  await t.close();
  await database.close();
});

describe('mobile numbers at rest', () => {
  it('stores an encrypted number and a look-up hash, never the plaintext, and logs in by it', async () => {
    const phone = uniquePhone();
    const { userId } = await registeredClient(t.app, phone);
    const row = await storedUser(userId);
    expect(row?.phone).toBeNull();
    expect(row?.phone_enc).toMatch(new RegExp(`^v2\\.${keyId(oldKey)}\\.`));
    expect(row?.phone_enc).not.toContain(phone);
    expect(row?.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    const login = await new TestClient(t.app).post('/api/auth/login', { identifier: phone, password: PASSWORD });
    expect(login.statusCode).toBe(200);
    // the same number cannot register twice (unique look-up hash)
    const again = await new TestClient(t.app).post('/api/auth/register', {
      identifier: phone,
      password: PASSWORD,
      displayName: 'x',
    });
    expect(again.statusCode).toBe(409);
  });

  it('the start-up step encrypts an older plaintext row once, and log-in by that number keeps working', async () => {
    const phone = uniquePhone();
    const { userId } = await registeredClient(t.app, phone);
    // an older row, as it was stored before PLAT-2: plaintext phone, no encrypted copy
    await database.db.execute(
      sql`update users set phone = ${phone}, phone_enc = null, phone_hash = null where id = ${userId}`,
    );
    expect(await encryptPlaintextPhones(database.db, t.ctx.config)).toBeGreaterThanOrEqual(1);
    expect(await encryptPlaintextPhones(database.db, t.ctx.config)).toBe(0);
    const row = await storedUser(userId);
    expect(row?.phone).toBeNull();
    expect(row?.phone_enc).toBeTruthy();
    const login = await new TestClient(t.app).post('/api/auth/login', { identifier: phone, password: PASSWORD });
    expect(login.statusCode).toBe(200);
  });
});

describe('invitations to a mobile number', () => {
  it('store the number encrypted and hashed; the list masks it; the invitee finds and accepts it', async () => {
    const owner = await registeredClient(t.app);
    const org = await createOrg(owner.client, { creditCode: validCreditCode('110105'), businessRoles: ['SUB'] });
    const phone = uniquePhone();
    const sent = await owner.client.post(`/api/orgs/${org.id}/invitations`, { identifier: phone, role: 'member' });
    expect(sent.statusCode).toBe(201);
    const [stored] = await queryRows<{ identifier: string; identifier_enc: string | null }>(
      database.db,
      sql`select identifier, identifier_enc from invitations where org_id = ${org.id}`,
    );
    expect(stored?.identifier).toMatch(/^phone#[0-9a-f]{64}$/);
    expect(stored?.identifier_enc).toMatch(/^v2\./);
    expect(JSON.stringify(stored)).not.toContain(phone);
    const list = await owner.client.get(`/api/orgs/${org.id}/invitations`);
    expect(list.body).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(list.body).not.toContain(phone);
    // a second invitation to the same number is refused through the hash
    const again = await owner.client.post(`/api/orgs/${org.id}/invitations`, { identifier: phone, role: 'member' });
    expect(again.statusCode).toBe(409);

    const invitee = await registeredClient(t.app, phone);
    const mine = await invitee.client.get('/api/invitations');
    const invitation = mine.json<{ items: { id: string; orgId: string }[] }>().items.find((i) => i.orgId === org.id);
    expect(invitation).toBeDefined();
    const accepted = await invitee.client.post(`/api/invitations/${invitation?.id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
  });

  it('the start-up step seals an older plaintext invitation once, and the invitee still finds it', async () => {
    const owner = await registeredClient(t.app);
    const org = await createOrg(owner.client, { creditCode: validCreditCode('110106'), businessRoles: ['SUB'] });
    const phone = uniquePhone();
    await owner.client.post(`/api/orgs/${org.id}/invitations`, { identifier: phone, role: 'member' });
    // as it was stored before: the number in plaintext, no encrypted copy
    await database.db.execute(
      sql`update invitations set identifier = ${phone}, identifier_enc = null where org_id = ${org.id}`,
    );
    expect(await sealPlaintextInvitationPhones(database.db, t.ctx.config)).toBeGreaterThanOrEqual(1);
    expect(await sealPlaintextInvitationPhones(database.db, t.ctx.config)).toBe(0);
    const invitee = await registeredClient(t.app, phone);
    const mine = await invitee.client.get('/api/invitations');
    expect(mine.json<{ items: { orgId: string }[] }>().items.map((i) => i.orgId)).toContain(org.id);
  });
});

describe('masking in logs and lists, reveal with permission and audit', () => {
  it('never writes a mobile or ID-card number to the log; lists show them masked; reveals are audited', async () => {
    log.length = 0;
    const phone = uniquePhone();
    const idCard = idNumber('19850612', '330106', '517');
    const { client, userId } = await registeredClient(t.app, phone, '王小明');
    await new TestClient(t.app).post('/api/auth/login', { identifier: phone, password: 'wrong-password-1' });
    expect((await client.get('/api/auth/me')).json().user.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);

    // staff user search by the whole number: found, shown masked, and the URL in the log is masked too
    const operator = (await staffClient(t, ['operator'], '平台运营')).client;
    const found = await operator.get(`/api/staff/users?q=${phone}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((u: { id: string }) => u.id)).toContain(userId);
    expect(found.body).not.toContain(phone);
    expect(found.body).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);

    // an ID-card number submitted for verification: masked in the reviewer's queue and detail
    const name = `浙江脱敏测试建设有限公司${Math.floor(Math.random() * 1e6)}`;
    const creditCode = validCreditCode();
    const org = await createOrg(client, { name, creditCode, businessRoles: ['GC'] });
    const files = await uploadDocuments(client, org.id);
    const submitted = await client.post(
      `/api/orgs/${org.id}/verification`,
      verificationPackage({ orgName: name, creditCode, files, idNumber: idCard }),
    );
    expect(submitted.statusCode).toBe(201);
    expect(submitted.body).not.toContain(idCard);
    const verificationId = submitted.json().id as string;
    const reviewer = (await staffClient(t, ['reviewer'])).client;
    const queue = await reviewer.get('/api/staff/verifications?status=pending');
    expect(queue.body).not.toContain(idCard);
    const detail = await reviewer.get(`/api/staff/verifications/${verificationId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(idCard);

    // reveal: the reviewer may, a plain user and staff of another role may not
    const revealUrl = `/api/staff/verifications/${verificationId}/reveal-id-number`;
    expect((await client.post(revealUrl)).statusCode).toBe(403);
    expect((await operator.post(revealUrl)).statusCode).toBe(403);
    const revealed = await reviewer.post(revealUrl);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ number: idCard });

    // the owner's own number: only the signed-in owner, and each reveal is an audit entry
    expect((await new TestClient(t.app).post('/api/auth/phone/reveal')).statusCode).toBe(401);
    const mine = await client.post('/api/auth/phone/reveal');
    expect(mine.json()).toEqual({ phone });
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, userId), eq(auditLog.action, 'identity.phone.reveal')));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.target).toBe(`user ${userId} phone`);
    const idReveals = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'verification.staff.reveal_id'), like(auditLog.target, `%${verificationId}%`)));
    expect(idReveals).toHaveLength(1);

    // the captured pino output: requests were logged, none of the numbers were
    const text = log.join('');
    expect(text).toContain('/api/staff/users?q=');
    expect(text).toContain('reveal-id-number');
    expect(text).not.toContain(phone);
    expect(text).not.toContain(idCard);
    expect(text).not.toContain(idCard.slice(6, 14)); // not even the birth date part
  });
});

describe('key rotation', () => {
  it('re-encrypts every column under the new key; look-ups survive; the old key can then be dropped', async () => {
    const phone = uniquePhone();
    await registeredClient(t.app, phone);
    const rotating = createKeyring(newKey, [oldKey]);
    const first = await rotateFieldKeys(database.db, rotating, { batchSize: 2 });
    expect(first.find((c) => c.column === 'phone_enc')?.rotated).toBeGreaterThanOrEqual(1);
    expect(first.find((c) => c.column === 'id_number_enc')?.rotated).toBeGreaterThanOrEqual(1);
    // idempotent: a second run finds nothing left
    const second = await rotateFieldKeys(database.db, rotating);
    expect(second.every((c) => c.rotated === 0)).toBe(true);
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const stale = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}
          where ${sql.identifier(column)} is not null and ${sql.identifier(column)} not like ${`v2.${keyId(newKey)}.%`}`,
      );
      expect(stale[0]?.n, `${table}.${column}`).toBe(0);
    }
    // a server with only the new key (LOOKUP_KEY = the first master key) still logs in by phone and reveals it
    const after = await appWith({ fieldKeys: createKeyring(newKey), lookupKey: oldKey }, false);
    try {
      const client = new TestClient(after.app);
      expect((await client.post('/api/auth/login', { identifier: phone, password: PASSWORD })).statusCode).toBe(200);
      expect((await client.post('/api/auth/phone/reveal')).json()).toEqual({ phone });
    } finally {
      await after.close();
    }
  });
});
