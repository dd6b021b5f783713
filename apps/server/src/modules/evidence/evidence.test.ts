import { createHash, createPublicKey, verify } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvidenceVerify } from '../../cli/evidence-verify';
import { createTestApp, type TestApp, TestClient } from '../../test/test-app';
import { leafHash, nodeHash, subtreeHashFrom } from './evidence.merkle';
import { leafData } from './evidence.service';
import { appendEvidence, createCheckpoint, verifyLog } from './index';

/*
 * An independent implementation of RFC 9162 §2.1 (tree hash, inclusion and consistency verification), written
 * from the RFC's algorithms and sharing no code with the module under test.
 */
const sha = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const H_LEAF = Buffer.from([0]);
const H_NODE = Buffer.from([1]);

function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return sha(H_LEAF, leaves[0] as Buffer);
  let k = 1;
  while (k << 1 < leaves.length) k <<= 1;
  return sha(H_NODE, referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

function verifyInclusion(leafIndex: number, treeSize: number, leafHash: Buffer, path: Buffer[], root: Buffer): boolean {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha(H_NODE, p, r);
      if (fn % 2 === 0) {
        while (!(fn % 2 === 1 || fn === 0)) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = sha(H_NODE, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: Buffer[],
): boolean {
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Buffer;
  let sr = path[0] as Buffer;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = sha(H_NODE, c, fr);
      sr = sha(H_NODE, c, sr);
      if (fn % 2 === 0) {
        while (!(fn % 2 === 1 || fn === 0)) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = sha(H_NODE, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

let t: TestApp;
const anyone = () => new TestClient(t.app);
const SIZE = 37;

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < SIZE; i++) {
    const sha256 = createHash('sha256').update(`合同第 ${i} 版`).digest('hex');
    await appendEvidence(t.ctx, { kind: 'contract.version', subject: `contract:demo:v${i}`, sha256 });
  }
});
afterAll(async () => {
  await t.close();
});

async function leafHashes(size: number): Promise<Buffer[]> {
  const hashes: Buffer[] = [];
  for (let i = 0; i < size; i++)
    hashes.push(Buffer.from((await anyone().get(`/api/evidence/entries/${i}`)).json().leafHash, 'hex'));
  return hashes;
}

/** MTH from leaf hashes (the reference tree above works from leaf data; this one from leaf hashes). */
function rootFromLeafHashes(hashes: Buffer[]): Buffer {
  if (hashes.length === 1) return hashes[0] as Buffer;
  let k = 1;
  while (k << 1 < hashes.length) k <<= 1;
  return sha(H_NODE, rootFromLeafHashes(hashes.slice(0, k)), rootFromLeafHashes(hashes.slice(k)));
}

describe('evidence log (RFC 6962)', () => {
  it('computes the same tree head as the reference for every size from 0 to 40', async () => {
    const data = Array.from({ length: 40 }, (_, i) => Buffer.from(`证据 ${i}`));
    for (let size = 0; size <= 40; size++) {
      const leaves = data.slice(0, size).map(leafHash);
      // perfect(level, index) built naively from the module's leaf hashes
      const perfect = async (level: number, index: number): Promise<Buffer> =>
        level === 0
          ? (leaves[index] as Buffer)
          : nodeHash(await perfect(level - 1, index * 2), await perfect(level - 1, index * 2 + 1));
      const root = await subtreeHashFrom(perfect)(0, size);
      expect(root.toString('hex'), `size ${size}`).toBe(referenceRoot(data.slice(0, size)).toString('hex'));
    }
  });

  it('signs checkpoints as C2SP notes that verify with the published Ed25519 key', async () => {
    await anyone()
      .get('/api/evidence/checkpoints/latest')
      .then((r) => expect(r.statusCode).toBe(404));
    const checkpoint = await createCheckpoint(t.ctx);
    expect(checkpoint.treeSize).toBe(SIZE);
    const key = (await anyone().get('/api/evidence/public-key')).json();
    const latest = (await anyone().get('/api/evidence/checkpoints/latest')).json();
    const body = `zhuhe.cn/evidence\n${latest.treeSize}\n${Buffer.from(latest.rootHash, 'hex').toString('base64')}\n`;
    expect(latest.note.startsWith(`${body}\n\u2014 zhuhe.cn/evidence `)).toBe(true);
    const message = Buffer.from(body);
    expect(verify(null, message, createPublicKey(key.publicKeyPem), Buffer.from(latest.signature, 'base64'))).toBe(
      true,
    );
    expect(latest.rootHash).toBe(rootFromLeafHashes(await leafHashes(SIZE)).toString('hex'));
  });

  it('gives inclusion proofs that an independent verifier accepts, for every leaf and many tree sizes', async () => {
    const hashes = await leafHashes(SIZE);
    let checked = 0;
    for (const size of [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33, SIZE]) {
      const root = rootFromLeafHashes(hashes.slice(0, size));
      for (let index = 0; index < size; index++) {
        const proof = (await anyone().get(`/api/evidence/proofs/inclusion?index=${index}&treeSize=${size}`)).json();
        const path = (proof.auditPath as string[]).map((h) => Buffer.from(h, 'hex'));
        expect(verifyInclusion(index, size, hashes[index] as Buffer, path, root), `leaf ${index} in ${size}`).toBe(
          true,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(150);
    // A proof does not verify for another leaf.
    const proof = (await anyone().get(`/api/evidence/proofs/inclusion?index=3&treeSize=${SIZE}`)).json();
    const path = (proof.auditPath as string[]).map((h) => Buffer.from(h, 'hex'));
    expect(verifyInclusion(3, SIZE, hashes[4] as Buffer, path, rootFromLeafHashes(hashes))).toBe(false);
  });

  it('gives consistency proofs that an independent verifier accepts', async () => {
    const hashes = await leafHashes(SIZE);
    let checked = 0;
    for (const second of [2, 5, 8, 13, 16, 32, SIZE]) {
      for (let first = 1; first <= second; first++) {
        const proof = (await anyone().get(`/api/evidence/proofs/consistency?first=${first}&second=${second}`)).json();
        const ok = verifyConsistency(
          first,
          second,
          rootFromLeafHashes(hashes.slice(0, first)),
          rootFromLeafHashes(hashes.slice(0, second)),
          (proof.proof as string[]).map((h) => Buffer.from(h, 'hex')),
        );
        expect(ok, `${first} → ${second}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('finds a document by its hash, with a proof against the latest checkpoint', async () => {
    const sha256 = createHash('sha256').update('合同第 5 版').digest('hex');
    const found = (await anyone().post('/api/evidence/lookup', { sha256 })).json();
    expect(found).toMatchObject({ found: true, matches: [{ entry: { index: 5, subject: 'contract:demo:v5' } }] });
    expect(found.matches[0].auditPath.length).toBeGreaterThan(0);
    const missing = (await anyone().post('/api/evidence/lookup', { sha256: 'f'.repeat(64) })).json();
    expect(missing).toMatchObject({ found: false, matches: [] });
    const bad = await anyone().post('/api/evidence/lookup', { sha256: 'not-a-hash' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].code).toBe('SHA256_INVALID');
  });

  it('refuses proofs for sizes the log does not have', async () => {
    const response = await anyone().get(`/api/evidence/proofs/inclusion?index=0&treeSize=${SIZE + 5}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('EVIDENCE_TREE_SIZE_INVALID');
  });
});

describe('verifying the whole log', () => {
  it('passes on an untouched log, then catches an altered entry and a removed one', async () => {
    expect(await verifyLog(t.ctx)).toMatchObject({ ok: true, entries: SIZE, problems: [] });
    const clean = await runEvidenceVerify(t.database, t.ctx.config);
    expect(clean.exitCode).toBe(0);

    // the database refuses changes (migration 0027); someone with owner rights who switches the triggers off
    // is still caught by the proofs below
    await expect(
      t.database.db.execute(sql`update evidence_entries set subject = 'contract:forged:v9' where entry_index = 9`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from evidence_nodes where level = 0`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from evidence_checkpoints`)).rejects.toThrow();
    await t.database.db.execute(sql`alter table evidence_entries disable trigger evidence_entries_append_only`);
    await t.database.db.execute(sql`alter table evidence_nodes disable trigger evidence_nodes_append_only`);
    await t.database.db.execute(sql`update evidence_entries set subject = 'contract:forged:v9' where entry_index = 9`);
    const altered = await verifyLog(t.ctx);
    expect(altered.ok).toBe(false);
    expect(altered.problems).toContain('entry 9 was altered (its leaf hash does not match its contents)');
    await t.database.db.execute(sql`update evidence_entries set subject = 'contract:demo:v9' where entry_index = 9`);
    expect((await verifyLog(t.ctx)).ok).toBe(true);

    // Rewriting the leaf hash and stored nodes consistently still breaks the signed checkpoint.
    await t.database.db.execute(sql`delete from evidence_nodes where level = 0 and node_index = ${SIZE - 1}`);
    await t.database.db.execute(sql`delete from evidence_entries where entry_index = ${SIZE - 1}`);
    const removed = await runEvidenceVerify(t.database, t.ctx.config);
    expect(removed.exitCode).toBe(1);
    expect(removed.lines.join('\n')).toContain(
      `checkpoint at size ${SIZE} covers entries that are no longer in the log (removed)`,
    );

    await t.database.db.execute(sql`delete from evidence_entries where entry_index = 20`);
    const gap = await verifyLog(t.ctx);
    expect(gap.problems).toContain('entry 20 is missing');
  });
});

describe('leaf formats', () => {
  const row = {
    entryIndex: 4,
    kind: 'contract.signed',
    subject: 'contract:x:v1:signed',
    contentSha256: 'ab'.repeat(32),
    orgId: '0193a5e0-0000-7000-8000-000000000009',
    createdAt: new Date('2026-01-02T03:04:05.006Z'),
  };
  it('keeps v1 leaves as they were logged (canonical JSON with the organisation id)', () => {
    expect(leafData({ ...row, leafVersion: 1 }).toString()).toBe(
      `{"createdAt":"2026-01-02T03:04:05.006Z","index":4,"kind":"contract.signed","orgId":"0193a5e0-0000-7000-8000-000000000009","sha256":"${'ab'.repeat(32)}","subject":"contract:x:v1:signed","v":1}`,
    );
  });
  it('builds v2 leaves from the public fields only', () => {
    const v2 = leafData({ ...row, leafVersion: 2 }).toString();
    expect(v2).toBe(
      `zhuhe-evidence-leaf/v2\n4\ncontract.signed\ncontract:x:v1:signed\n${'ab'.repeat(32)}\n2026-01-02T03:04:05.006Z\n`,
    );
    expect(v2).not.toContain(row.orgId);
  });
});
