import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../../cli/audit-verify';
import { validCreditCode } from '../../test/credit-codes';
import { createOrg, createTestApp, registeredClient, type TestApp } from '../../test/test-app';
import { queryRows } from '../db/client';
import { verifyAuditChain } from './audit-chain';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** What an attacker with database superuser rights would do: switch the append-only trigger off. */
async function asSuperuser(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
}

describe('audit chain', () => {
  it('records every state-changing request with actor, organisation, action and ip', async () => {
    const { client, userId } = await registeredClient(t.app);
    const org = await createOrg(client, { creditCode: validCreditCode() });
    const rows = await queryRows<{ action: string; actor_user_id: string; org_id: string | null; ip: string }>(
      t.database.db,
      sql`select action, actor_user_id, org_id, ip from audit_log where actor_user_id = ${userId} order by seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(['identity.register', 'organisation.create']);
    expect(rows[1]).toMatchObject({ org_id: org.id, ip: '127.0.0.1' });
    // A read by a non-staff user is not a state change.
    await client.get('/api/auth/me');
    const after = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where actor_user_id = ${userId}`,
    );
    expect(after[0]?.n).toBe(2);
    const clean = await runAuditVerify(t.database);
    expect(clean).toEqual({ exitCode: 0, message: expect.stringMatching(/^audit chain ok: \d+ entries verified$/) });
  });

  it('does not record a refused request', async () => {
    const before = await verifyAuditChain(t.database.db);
    const { client } = await registeredClient(t.app);
    const afterRegister = await verifyAuditChain(t.database.db);
    await client.post('/api/orgs', { name: 'x', creditCode: 'bad', businessRoles: ['GC'] });
    const afterRefusal = await verifyAuditChain(t.database.db);
    expect(afterRegister.checked).toBe(before.checked + 1);
    expect(afterRefusal.checked).toBe(afterRegister.checked);
  });

  it('is append-only in the database itself', async () => {
    await expect(t.database.db.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it('a deleted entry shows as a gap', async () => {
    for (let i = 0; i < 3; i++) await registeredClient(t.app);
    const rows = await queryRows<{ max: number }>(t.database.db, sql`select max(seq)::int as max from audit_log`);
    const last = rows[0]?.max ?? 0;
    await asSuperuser(sql`delete from audit_log where seq = ${last - 1}`);
    const result = await verifyAuditChain(t.database.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: last - 1, reason: `entry ${last - 1} is missing` } });
  });

  it('audit:verify names the first entry edited behind the application’s back', async () => {
    const gapOnly = await runAuditVerify(t.database);
    expect(gapOnly.exitCode).toBe(1);
    expect(gapOnly.message).toContain('is missing');

    await asSuperuser(sql`update audit_log set target = 'user 00000000-0000-7000-8000-000000000000' where seq = 3`);
    const tampered = await runAuditVerify(t.database);
    expect(tampered.exitCode).toBe(1);
    expect(tampered.message).toContain('seq=3');
    expect(tampered.message).toContain('hash does not match');
  });
});
