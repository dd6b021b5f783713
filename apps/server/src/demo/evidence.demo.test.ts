import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleFromZip, type PublicEntry, verifyEvidence } from '@zhuhe/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../test/test-app';
import { seedDemoIfEmpty } from './seed';

/*
 * The demo's evidence, checked the way a court would: only public routes (entry, proof, checkpoint, keys), the
 * documents themselves, and the standalone verifier package (which imports nothing of the server). Then the
 * offline bundle of a signed contract, checked by the `zhuhe-verify` command after the server is shut down.
 */
const CLI = join(import.meta.dirname, '../../../../packages/verify/bin/zhuhe-verify.mjs');
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

let t: TestApp;
let open = true;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.ctx, t.app.modules);
}, 240_000);
afterAll(async () => {
  if (open) await t.close();
});

const flip = (bytes: Uint8Array, at: number) => {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

/** The byte at `at` replaced by another base64 letter ('A', or 'B' where it was 'A'), so the text still parses. */
const otherLetter = (bytes: Uint8Array, at: number) => {
  const copy = new Uint8Array(bytes);
  copy[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
  return copy;
};

describe('demo evidence, checked without trusting the server', () => {
  let dir: string;
  let contractPdf: Uint8Array;
  let bundleZip: Uint8Array;

  it('rebuilds every demo leaf from its public entry (and its file) and proves it into the signed, witnessed checkpoint', async () => {
    const anyone = new TestClient(t.app);
    const keys = (await anyone.get('/api/evidence/public-key')).json();
    const checkpoint = (await anyone.get('/api/evidence/checkpoints/latest')).json();
    expect(checkpoint.note).toBeTruthy();
    let withFile = 0;
    for (let index = 0; index < checkpoint.treeSize; index++) {
      const proof = (
        await anyone.get(`/api/evidence/proofs/inclusion?index=${index}&treeSize=${checkpoint.treeSize}`)
      ).json();
      const entry = proof.entry as PublicEntry;
      expect(entry.leafVersion, `entry ${index}`).toBe(2);
      const file = (await t.ctx.blobs.has(entry.sha256))
        ? new Uint8Array(await t.ctx.blobs.get(entry.sha256))
        : undefined;
      if (file) withFile += 1;
      const result = verifyEvidence({
        ...(file ? { file } : {}),
        entry,
        proof: { index, treeSize: proof.treeSize, auditPath: proof.auditPath },
        checkpoint: checkpoint.note,
        logKey: keys.verifierKey,
        witnessKeys: keys.witnessKeys,
      });
      expect(result.failed, `entry ${index} (${entry.kind})`).toBeUndefined();
      expect(result.steps.find((s) => s.id === 'leaf')?.ok, `entry ${index}`).toBe(true);
      expect(result.steps.filter((s) => s.id === 'witness').map((s) => s.ok)).toEqual([true]);
    }
    // the whole log is covered at start: no entry waits for the hourly job
    const entriesAfter = await anyone.get(`/api/evidence/entries/${checkpoint.treeSize}`);
    expect(entriesAfter.statusCode).toBe(404);
    expect(checkpoint.treeSize).toBeGreaterThan(40);
    expect(withFile).toBeGreaterThan(5);

    // a signed contract's PDF and its bundle, for the offline check below
    const signed = [] as PublicEntry[];
    for (let index = 0; index < checkpoint.treeSize; index++) {
      const entry = (await anyone.get(`/api/evidence/entries/${index}`)).json() as PublicEntry;
      if (entry.kind === 'contract.signed') signed.push(entry);
    }
    const entry = signed[0] as PublicEntry;
    contractPdf = new Uint8Array(await t.ctx.blobs.get(entry.sha256));
    expect(Buffer.from(contractPdf.slice(0, 5)).toString()).toBe('%PDF-');
    const bundle = await anyone.get(`/api/evidence/entries/${entry.index}/bundle`);
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('application/zip');
    bundleZip = new Uint8Array(bundle.rawPayload);
    const contents = bundleFromZip(bundleZip);
    expect(contents.sealCaPem).toContain('BEGIN CERTIFICATE');
    expect(contents.sealCaSha256).toBe(keys.sealCaSha256);
  }, 240_000);

  it('verifies the offline bundle of a demo contract with the CLI, with no server running, and names the failing step', async () => {
    await t.close();
    open = false;
    dir = await mkdtemp(join(tmpdir(), 'zhuhe-evidence-'));
    const pdf = join(dir, 'contract.pdf');
    const zip = join(dir, 'bundle.zip');
    await writeFile(pdf, contractPdf);
    await writeFile(zip, bundleZip);

    const ok = await cli([pdf, '--bundle', zip]);
    expect(ok.out).toContain('VERIFIED');
    expect(ok.code).toBe(0);

    // one flipped byte in the PDF
    await writeFile(join(dir, 'tampered.pdf'), flip(contractPdf, Math.floor(contractPdf.length / 2)));
    const badPdf = await cli([join(dir, 'tampered.pdf'), '--bundle', zip]);
    expect(badPdf.code).toBe(1);
    expect(badPdf.out).toContain('NOT VERIFIED: step "file" failed');

    // the separate-file form: checkpoint note, proof (with its entry), keys on the command line
    const b = bundleFromZip(bundleZip);
    const checkpointFile = join(dir, 'checkpoint.txt');
    const proofFile = join(dir, 'proof.json');
    await writeFile(checkpointFile, b.checkpoint);
    await writeFile(proofFile, JSON.stringify({ entry: b.entry, ...b.proof }));
    const keys = ['--log-key', b.logKey, ...b.witnessKeys.flatMap((k) => ['--witness-key', k])];
    const separate = await cli([pdf, '--checkpoint', checkpointFile, '--proof', proofFile, ...keys]);
    expect(separate.code).toBe(0);

    // one flipped byte in the proof (a hex digit of the first audit-path hash)
    const proofText = await readFile(proofFile, 'utf8');
    const at = proofText.indexOf('"auditPath":["') + '"auditPath":["'.length;
    const tamperedProof = `${proofText.slice(0, at)}${proofText[at] === '0' ? '1' : '0'}${proofText.slice(at + 1)}`;
    await writeFile(join(dir, 'proof-tampered.json'), tamperedProof);
    const badProof = await cli([
      pdf,
      '--checkpoint',
      checkpointFile,
      '--proof',
      join(dir, 'proof-tampered.json'),
      ...keys,
    ]);
    expect(badProof.code).toBe(1);
    expect(badProof.out).toContain('NOT VERIFIED: step "inclusion" failed');

    // one changed byte in the checkpoint: in the log's signature, then in the root hash
    const note = new TextEncoder().encode(b.checkpoint);
    const sigLine = b.checkpoint.indexOf('\u2014 zhuhe.cn/evidence ');
    const sigAt =
      new TextEncoder().encode(b.checkpoint.slice(0, sigLine)).length + '\u2014 zhuhe.cn/evidence '.length + 8;
    // another base64 letter, not a flipped bit: a flip can leave the alphabet ('a' → '`'), and the note then fails
    // to parse instead of failing its signature check
    await writeFile(join(dir, 'checkpoint-sig.txt'), otherLetter(note, sigAt));
    const badSig = await cli([pdf, '--checkpoint', join(dir, 'checkpoint-sig.txt'), '--proof', proofFile, ...keys]);
    expect(badSig.code).toBe(1);
    expect(badSig.out).toContain('NOT VERIFIED: step "checkpoint" failed');

    const rootAt = b.checkpoint.indexOf('\n', b.checkpoint.indexOf('\n') + 1) + 3;
    await writeFile(join(dir, 'checkpoint-root.txt'), otherLetter(note, rootAt));
    const badRoot = await cli([pdf, '--checkpoint', join(dir, 'checkpoint-root.txt'), '--proof', proofFile, ...keys]);
    expect(badRoot.code).toBe(1);
    expect(badRoot.out).toMatch(/NOT VERIFIED: step "(inclusion|checkpoint)" failed/);
    expect(badRoot.out).toContain('FAIL 4 checkpoint signature');
  }, 120_000);
});
