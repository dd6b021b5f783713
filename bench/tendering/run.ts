/**
 * Sealed-bid crypto benchmark: how long sealing a bid on receipt and opening it after the deadline take, per bid,
 * for a bid with a 20 KB construction plan and 200 priced lines (X25519 + HKDF-SHA256 + AES-256-GCM).
 *
 *   npm run bench:tendering                 # 2,000 bids
 *   BENCH_BIDS=10000 npm run bench:tendering
 *
 * Prints a table and writes bench/results/tendering-<timestamp>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../apps/server/src/infra/crypto';
import {
  envelopeHash,
  generateTenderKeys,
  openBid,
  sealBid,
} from '../../apps/server/src/modules/tendering/tendering.crypto';

const root = new URL('../..', import.meta.url).pathname;
const bids = Number(process.env.BENCH_BIDS ?? 2000);
const master = Buffer.alloc(32, 3);
const keys = generateTenderKeys(master);
const plaintext = canonicalJson({
  constructionPlan: '钢结构吊装方案'.repeat(1000),
  unitPricesFen: Array.from({ length: 200 }, (_, i) => 100_000 + i),
  salt: 'x'.repeat(22),
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function measure(run: (i: number) => void): { p50: number; p95: number; p99: number; perSecond: number } {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < bids; i++) {
    const t0 = performance.now();
    run(i);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    perSecond: Math.round((bids / total) * 1000),
  };
}

const envelopes: string[] = [];
const seal = measure((i) => {
  const envelope = sealBid(keys.publicKey, 'tender-bench', `org-${i}`, plaintext);
  envelopeHash(envelope);
  envelopes.push(envelope);
});
const open = measure((i) => {
  openBid(master, keys.privateKeyEnc, keys.publicKey, 'tender-bench', `org-${i}`, envelopes[i] as string);
});

const results = {
  bids,
  plaintextBytes: Buffer.byteLength(plaintext),
  envelopeBytes: Buffer.byteLength(envelopes[0] as string),
  cpu: cpus()[0]?.model ?? 'unknown',
  seal,
  open,
};
console.log(`bids ${bids}, plaintext ${results.plaintextBytes} B, envelope ${results.envelopeBytes} B`);
console.log('| step                  | per second | p50 ms | p95 ms | p99 ms |');
console.log('| --------------------- | ---------- | ------ | ------ | ------ |');
console.log(`| seal on receipt       | ${seal.perSecond} | ${seal.p50} | ${seal.p95} | ${seal.p99} |`);
console.log(`| open after deadline   | ${open.perSecond} | ${open.p50} | ${open.p95} | ${open.p99} |`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/tendering-${Date.now()}.json`), JSON.stringify(results, null, 2));
