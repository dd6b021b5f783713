import { createHash } from 'node:crypto';
import { formatCheckpointBody, parseNote, parseVerifierKey, verifyCosignature } from '@zhuhe/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, TestClient } from '../../test/test-app';
import { LOG_ORIGIN, logVerifierKey, noteKeyId, signedNote, signNoteBody } from './evidence.keys';
import { consistencyProof, leafHash, nodeHash, subtreeHashFrom } from './evidence.merkle';
import { logKey } from './evidence.service';
import { appendEvidence, cosign, createCheckpoint, witnessHead } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const anyone = () => new TestClient(t.app);

async function append(n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await appendEvidence(t.ctx, { kind: 'test.record', subject: `test:${tag}:${i}`, sha256: sha(`${tag}${i}`) });
  }
}

/** A checkpoint of a tree of made-up leaves, properly signed with the log's key: what a forking log would show. */
async function forkedCheckpoint(size: number, consistencyFrom: number) {
  const leaves = Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`forked ${i}`)));
  const perfect = async (level: number, index: number): Promise<Buffer> =>
    level === 0
      ? (leaves[index] as Buffer)
      : nodeHash(await perfect(level - 1, index * 2), await perfect(level - 1, index * 2 + 1));
  const mth = subtreeHashFrom(perfect);
  const key = logKey(t.ctx);
  const body = formatCheckpointBody(LOG_ORIGIN, size, await mth(0, size));
  return {
    note: signedNote(body, noteKeyId(key), signNoteBody(key, body)),
    logKey: logVerifierKey(key),
    consistency: (await consistencyProof(mth, consistencyFrom, size)).map((h) => h.toString('hex')),
  };
}

describe('the built-in witness', () => {
  it('cosigns each checkpoint that extends the last one, with its own key (C2SP cosignature/v1)', async () => {
    await append(5, 'a');
    await createCheckpoint(t.ctx);
    await append(6, 'b');
    await createCheckpoint(t.ctx);
    const head = await witnessHead(t.ctx);
    expect(head.treeSize).toBe(11);
    const latest = (await anyone().get('/api/evidence/checkpoints/latest')).json();
    const keys = (await anyone().get('/api/evidence/public-key')).json();
    expect(keys.witnessKeys).toEqual([head.verifierKey]);
    // the witness key is its own, not the log's
    expect(parseVerifierKey(head.verifierKey).publicKey).not.toEqual(parseVerifierKey(keys.verifierKey).publicKey);
    const check = verifyCosignature(parseNote(latest.note), parseVerifierKey(head.verifierKey));
    expect(check.status).toBe('valid');
  });

  it('refuses a forked checkpoint, a shrunk tree and another root at the same size, even when the log signed them', async () => {
    const head = await witnessHead(t.ctx);
    const fork = await forkedCheckpoint(head.treeSize + 4, head.treeSize);
    await expect(cosign(t.ctx, fork)).rejects.toMatchObject({ code: 'EVIDENCE_WITNESS_REFUSED' });
    const shrunk = await forkedCheckpoint(head.treeSize - 1, head.treeSize - 1);
    await expect(cosign(t.ctx, shrunk)).rejects.toMatchObject({ code: 'EVIDENCE_WITNESS_REFUSED' });
    const sameSize = await forkedCheckpoint(head.treeSize, head.treeSize);
    await expect(cosign(t.ctx, { ...sameSize, consistency: [] })).rejects.toMatchObject({
      code: 'EVIDENCE_WITNESS_REFUSED',
    });
    // a checkpoint signed with another key is refused too
    const other = await forkedCheckpoint(head.treeSize + 1, head.treeSize);
    await expect(cosign(t.ctx, { ...other, note: other.note.replace(/ \S+\n$/, ' AAAAAAAA\n') })).rejects.toThrow();
    // nothing moved: the honest log's next checkpoint is still accepted
    expect((await witnessHead(t.ctx)).treeSize).toBe(head.treeSize);
    await append(2, 'c');
    await createCheckpoint(t.ctx);
    expect((await witnessHead(t.ctx)).treeSize).toBe(head.treeSize + 2);
  });
});

describe('checkpoint subscriptions', () => {
  it('staff (admin or risk) subscribe a court; each new checkpoint is mailed to it with the cosigned note', async () => {
    const admin = (await staffClient(t, ['admin'], '管理员')).client;
    const created = await admin.post('/api/evidence/subscriptions', {
      email: ' Evidence@Court.example.cn ',
      label: '示例法院',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'evidence@court.example.cn', label: '示例法院' });
    const list = (await admin.get('/api/evidence/subscriptions')).json().items;
    expect(list.map((s: { email: string }) => s.email)).toEqual(['evidence@court.example.cn']);

    await append(1, 'd');
    const checkpoint = await createCheckpoint(t.ctx);
    await t.ctx.jobs.runDue();
    const mail = t.mailer.sent.find((m) => m.to === 'evidence@court.example.cn');
    expect(mail?.subject).toContain(String(checkpoint.treeSize));
    expect(mail?.text).toContain(`${LOG_ORIGIN}\n${checkpoint.treeSize}\n`);
    expect(mail?.text).toContain('\u2014 witness.zhuhe.cn/w1 ');

    const removed = await admin.delete(`/api/evidence/subscriptions/${created.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await admin.get('/api/evidence/subscriptions')).json().items).toEqual([]);
    expect((await admin.delete(`/api/evidence/subscriptions/${created.json().id}`)).statusCode).toBe(404);
  });

  it('is refused to the public, organisation members and staff of other roles, and rejects a bad address', async () => {
    const body = { email: 'bank@example.com', label: '银行' };
    expect((await anyone().post('/api/evidence/subscriptions', body)).statusCode).toBe(401);
    const member = await registeredClient(t.app);
    await createOrg(member.client, { creditCode: validCreditCode() });
    expect((await member.client.post('/api/evidence/subscriptions', body)).statusCode).toBe(403);
    expect((await member.client.get('/api/evidence/subscriptions')).statusCode).toBe(403);
    const finance = (await staffClient(t, ['finance'], '财务')).client;
    expect((await finance.post('/api/evidence/subscriptions', body)).statusCode).toBe(403);
    const risk = (await staffClient(t, ['risk'], '风控')).client;
    const bad = await risk.post('/api/evidence/subscriptions', { email: 'not-an-address', label: '' });
    expect(bad.statusCode).toBe(400);
    const codes = bad.json().issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['EMAIL_INVALID', 'TEXT_REQUIRED']));
    const email = bad.json().issues.find((i: { code: string }) => i.code === 'EMAIL_INVALID');
    expect(email.message).toEqual({ 'zh-CN': '请输入有效的邮箱地址', en: 'Enter a valid e-mail address' });
    expect((await risk.get('/api/evidence/subscriptions')).json().items).toEqual([]);
  });
});
