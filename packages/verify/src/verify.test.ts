import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bundleFromJson,
  bundleFromZip,
  bundleInput,
  bundleToJson,
  bundleToZip,
  cosignatureMessage,
  cosignaturePayload,
  type EvidenceBundle,
  formatCheckpointBody,
  formatSignatureLine,
  formatVerifierKey,
  keyHash,
  leafDataV2,
  leafHash,
  parseVerifierKey,
  rootFromInclusionProof,
  runCli,
  SIG_COSIGNATURE_V1,
  SIG_ED25519,
  verifyConsistency,
  verifyEvidence,
} from './index';

/* Reference Merkle tree from RFC 6962 §2.1 written with node:crypto, sharing no code with the package. */
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const mth = (leaves: Buffer[]): Buffer => {
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
};
const path = (m: number, leaves: Buffer[]): Buffer[] => {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k
    ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
};
const consistency = (m: number, leaves: Buffer[], complete = true): Buffer[] => {
  if (m === leaves.length) return complete ? [] : [mth(leaves)];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m <= k
    ? [...consistency(m, leaves.slice(0, k), complete), mth(leaves.slice(k))]
    : [...consistency(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
};
const leaves = Array.from({ length: 21 }, (_, i) => sha(Buffer.from([0]), Buffer.from(`leaf ${i}`)));

function ed25519Pair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  return { raw, privateKey };
}

describe('the v2 leaf', () => {
  it('is six lines of public fields, hashed with the RFC 6962 leaf prefix', () => {
    const entry = {
      index: 7,
      kind: 'contract.signed',
      subject: 'contract:abc:v1:signed',
      sha256: 'a'.repeat(64),
      createdAt: '2026-12-05T01:02:03.004Z',
    };
    const text = `zhuhe-evidence-leaf/v2\n7\ncontract.signed\ncontract:abc:v1:signed\n${'a'.repeat(64)}\n2026-12-05T01:02:03.004Z\n`;
    expect(Buffer.from(leafDataV2(entry)).toString()).toBe(text);
    expect(Buffer.from(leafHash(leafDataV2(entry)))).toEqual(sha(Buffer.from([0]), Buffer.from(text)));
    expect(() => leafDataV2({ ...entry, subject: 'two\nlines' })).toThrow();
    expect(() => leafDataV2({ ...entry, sha256: 'A'.repeat(64) })).toThrow();
  });
});

describe('Merkle proofs (RFC 9162)', () => {
  it('accepts every inclusion and consistency proof of a reference tree and rejects altered ones', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root = mth(tree);
      for (let i = 0; i < n; i++) {
        const p = path(i, tree);
        expect(Buffer.from(rootFromInclusionProof(i, n, tree[i] as Buffer, p) ?? [])).toEqual(root);
        if (p.length > 0) {
          const bad = [...p];
          bad[0] = sha(bad[0] as Buffer);
          expect(Buffer.from(rootFromInclusionProof(i, n, tree[i] as Buffer, bad) ?? [])).not.toEqual(root);
        }
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistency(m, tree);
        expect(verifyConsistency(m, n, mth(leaves.slice(0, m)), root, proof), `${m}→${n}`).toBe(true);
        if (m < n) expect(verifyConsistency(m, n, sha(Buffer.from('fork')), root, proof)).toBe(false);
      }
    }
  });
});

describe('verifyEvidence, the CLI and bundles', () => {
  const log = ed25519Pair();
  const witness = ed25519Pair();
  const origin = 'zhuhe.cn/evidence';
  const file = new TextEncoder().encode('%PDF-1.7 a signed contract');
  const fileSha = createHash('sha256').update(file).digest('hex');
  const base = { index: 3, kind: 'contract.signed', subject: 'contract:x:v1:signed', sha256: fileSha };
  const entry = { ...base, createdAt: '2026-12-05T01:00:00.000Z', leafVersion: 2 as const, leafHash: '' };
  const tree = [...leaves.slice(0, 3), Buffer.from(leafHash(leafDataV2(entry))), ...leaves.slice(4, 9)];
  entry.leafHash = (tree[3] as Buffer).toString('hex');
  const body = formatCheckpointBody(origin, tree.length, mth(tree));
  const logSig = sign(null, Buffer.from(body), log.privateKey);
  const time = 1_780_000_000;
  const cosig = sign(null, Buffer.from(cosignatureMessage(body, time)), witness.privateKey);
  const note = `${body}\n${formatSignatureLine(origin, keyHash(origin, SIG_ED25519, log.raw), logSig)}${formatSignatureLine(
    'witness.example/w1',
    keyHash('witness.example/w1', SIG_COSIGNATURE_V1, witness.raw),
    cosignaturePayload(time, cosig),
  )}`;
  const bundle: EvidenceBundle = {
    format: 'zhuhe-evidence-bundle/v1',
    entry,
    proof: { index: 3, treeSize: tree.length, auditPath: path(3, tree).map((h) => h.toString('hex')) },
    checkpoint: note,
    logKey: formatVerifierKey(origin, SIG_ED25519, log.raw),
    witnessKeys: [formatVerifierKey('witness.example/w1', SIG_COSIGNATURE_V1, witness.raw)],
    document: { name: 'contract.pdf', bytes: file },
  };

  it('passes every step on genuine evidence and names the first failing step otherwise', () => {
    const good = verifyEvidence(bundleInput(bundle));
    expect(good.steps.map((s) => [s.id, s.ok])).toEqual([
      ['file', true],
      ['leaf', true],
      ['inclusion', true],
      ['checkpoint', true],
      ['witness', true],
    ]);
    expect(verifyEvidence(bundleInput(bundle, new TextEncoder().encode('other'))).failed?.id).toBe('file');
    expect(verifyEvidence({ ...bundleInput(bundle), entry: { ...entry, subject: 'contract:y' } }).failed?.id).toBe(
      'leaf',
    );
    const otherWitness = formatVerifierKey('witness.example/w2', SIG_COSIGNATURE_V1, ed25519Pair().raw);
    expect(verifyEvidence({ ...bundleInput(bundle), witnessKeys: [otherWitness] }).failed?.id).toBe('witness');
    const otherLog = formatVerifierKey(origin, SIG_ED25519, ed25519Pair().raw);
    expect(verifyEvidence({ ...bundleInput(bundle), logKey: otherLog }).failed?.id).toBe('checkpoint');
  });

  it('takes a v1 leaf (logged before v2, not rebuildable) from the log and still proves it', () => {
    const v1 = { ...bundleInput(bundle), entry: { ...entry, leafVersion: 1 as const, subject: 'anything' } };
    const result = verifyEvidence(v1);
    expect(result.ok).toBe(true);
    expect(result.steps.find((s) => s.id === 'leaf')?.ok).toBeNull();
    expect(result.steps.find((s) => s.id === 'inclusion')?.ok).toBe(true);
  });

  it('reads its key ids like signed-note does and rejects a key whose id does not match', () => {
    const key = formatVerifierKey(origin, SIG_ED25519, log.raw);
    expect(parseVerifierKey(key).publicKey).toEqual(log.raw);
    const [name, id, b64] = [
      key.slice(0, key.indexOf('+')),
      key.split('+')[1] as string,
      key.slice(key.indexOf('+', key.indexOf('+') + 1) + 1),
    ];
    expect(() => parseVerifierKey(`${name}+${id === '00000000' ? '00000001' : '00000000'}+${b64}`)).toThrow();
  });

  it('round-trips zip and JSON bundles, and the CLI verifies them', async () => {
    const zip = bundleToZip(bundle);
    expect(bundleFromZip(zip).document?.bytes).toEqual(file);
    expect(bundleFromJson(bundleToJson(bundle)).checkpoint).toBe(note);
    const files: Record<string, Uint8Array> = {
      'b.zip': zip,
      'b.json': new TextEncoder().encode(bundleToJson(bundle)),
    };
    const read = async (p: string) => files[p] ?? Promise.reject(new Error(`no ${p}`));
    expect((await runCli(['--bundle', 'b.zip'], read)).exitCode).toBe(0);
    expect((await runCli(['--bundle', 'b.json'], read)).exitCode).toBe(0);
    expect((await runCli([], read)).exitCode).toBe(2);
  });
});

describe('the worked example of docs/EVIDENCE.md', () => {
  it('has the bytes the document gives', () => {
    const file = new TextEncoder().encode('%PDF-1.7 example\n');
    const entry = {
      leafVersion: 2 as const,
      index: 2,
      kind: 'contract.signed',
      subject: 'contract:0193a5e0-0000-7000-8000-000000000001:v1:signed',
      sha256: '41ebbb66a3c8d403d5017c3c2243dc28a91ea1fa997f2f1d8d91a02101bb02c1',
      createdAt: '2026-12-05T06:00:02.000Z',
      leafHash: 'bd2c92df392bfbbe2bf3b403a002cea493426ec0dae501802bc3a0615d7f9e14',
    };
    const note = [
      'zhuhe.cn/evidence',
      '3',
      'd7TBA1yVqYVT1p5KFz5xn8ahPZ+QJfnxavKPHwXK6n0=',
      '',
      '\u2014 zhuhe.cn/evidence 1Fb17At+M93PTlqCuv5Xsfj2hBkaeLtG1GlBTLH9Wb6Fiq5a/es9zKkl1J7VCF/X49arYAtjW8/40pUVukGwaAXakws=',
      '\u2014 witness.zhuhe.cn/w1 HWQ/5gAAAABrE6hgBaLj/P0b0OLfDsj2gIZ3b9/LDQbJ/u8G3M+JaeZhnf2T/Upb+lmJP+Mb/jxsfmng60nJA997RA0lOcijZwmAAQ==',
      '',
    ].join('\n');
    const result = verifyEvidence({
      file,
      entry,
      proof: { index: 2, treeSize: 3, auditPath: ['9166c3873391949c92be093d3584160bbb4741dbc4ec385de6841391ea600b26'] },
      checkpoint: note,
      logKey: 'zhuhe.cn/evidence+d456f5ec+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c',
      witnessKeys: ['witness.zhuhe.cn/w1+1d643fe6+BIE5dw6ofRdfVqNUZsNMfszLjYqRtO43ol32D1uPybOU'],
    });
    expect(result.steps.map((s) => [s.id, s.ok])).toEqual([
      ['file', true],
      ['leaf', true],
      ['inclusion', true],
      ['checkpoint', true],
      ['witness', true],
    ]);
    expect(result.checkpoint?.rootHash).toBe('77b4c1035c95a98553d69e4a173e719fc6a13d9f9025f9f16af28f1f05caea7d');
  });
});
