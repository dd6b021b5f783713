import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, publishSealedSettlement } from './test/builders';
import { createTestContext, type TestContext } from './test/test-context';

const MODULES = new URL('./modules', import.meta.url).pathname;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) yield path;
  }
}

/** Memoised constants, read once from a file or computed once: the same in every app. */
const ALLOWED_TOP_LEVEL_LET = new Set([
  'identity/identity.service.ts', // a dummy argon2 hash, so unknown identifiers cost one verification too
  'matching/matching.model.ts', // the committed weights file
  'ledger/ledger.crash-child.ts', // the child process of the crash test, not app code
  'procurement/procurement.optimiser.ts', // the loaded HiGHS WebAssembly module; every solve gets a fresh solver
]);

describe('composition root', () => {
  it('keeps no mutable state at module level in modules/', () => {
    const offenders: string[] = [];
    for (const file of sources(MODULES)) {
      const rel = relative(MODULES, file);
      if (ALLOWED_TOP_LEVEL_LET.has(rel)) continue;
      const text = readFileSync(file, 'utf8');
      for (const [n, line] of text.split('\n').entries())
        if (/^(export )?(let|var) /.test(line)) offenders.push(`${rel}:${n + 1}: ${line.trim()}`);
    }
    expect(offenders).toEqual([]);
  });

  describe('two apps in one process', () => {
    let a: TestContext;
    let b: TestContext;
    beforeAll(async () => {
      a = await createTestContext();
      b = await createTestContext();
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('have their own event bus, subscriptions and module instances', () => {
      expect(a.ctx.events).not.toBe(b.ctx.events);
      expect(a.modules.commission).not.toBe(b.modules.commission);
      expect(a.ctx.events.subscribers()).toEqual(b.ctx.events.subscribers());
      // the wiring the platform relies on is there
      expect(a.ctx.events.subscribers()).toEqual(
        expect.arrayContaining([
          { event: 'settlement.sealed', subscriber: 'tiers.record-transaction', phase: 'transaction' },
          { event: 'settlement.sealed', subscriber: 'tiers.promote', phase: 'after-commit' },
          { event: 'settlement.sealed', subscriber: 'merchants.record-sale', phase: 'transaction' },
          { event: 'verification.credential_expired', subscriber: 'merchants.suspend', phase: 'transaction' },
          { event: 'demand.published', subscriber: 'matching.match-demand', phase: 'after-commit' },
          { event: 'contract.signed', subscriber: 'cooperation.record-contract', phase: 'transaction' },
          { event: 'tender.bid_received', subscriber: 'webhooks.fan-out', phase: 'after-commit' },
        ]),
      );
    });

    it('deliver an event only in the app that published it', async () => {
      const buyer = await buildOrg(a.ctx, { roles: ['GC'] });
      const supplier = await buildOrg(a.ctx, { roles: ['SUB'] });
      await publishSealedSettlement(a.ctx, buyer, supplier, 1_000);
      expect(await b.drain()).toBe(0);
      // tiers.promote, evidence.checkpoint and webhooks.fan-out react after commit
      expect(await a.drain()).toBe(3);
      const facts = await a.modules.tiers.api.data.facts([supplier.orgId], new Date(0), new Date(Date.now() + 1000));
      expect(facts.get(supplier.orgId)?.completedTransactions).toBe(1);
    });
  });
});
