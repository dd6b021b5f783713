import { afterEach, describe, expect, it } from 'vitest';
import { type BreakerOptions, BreakerRegistry, DependencyUnavailable, guard } from './breaker';

const options: BreakerOptions = {
  timeoutMs: 50,
  errorThresholdPct: 50,
  volumeThreshold: 3,
  resetMs: 100,
  windowMs: 10_000,
};

/** A dependency the test switches between up, down (throws) and hanging (never answers within the timeout). */
function fakeDependency() {
  const state = { mode: 'up' as 'up' | 'down' | 'hang', calls: 0 };
  const action = async (n: number) => {
    state.calls += 1;
    if (state.mode === 'down')
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    if (state.mode === 'hang') await new Promise((resolve) => setTimeout(resolve, 1_000));
    return n * 2;
  };
  return { state, action };
}

const registry = new BreakerRegistry();
afterEach(() => registry.shutdown());

async function failure(promise: Promise<unknown>): Promise<DependencyUnavailable> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DependencyUnavailable);
  return error as DependencyUnavailable;
}

describe('a dependency behind a breaker', () => {
  it('passes answers through while the dependency is up', async () => {
    const dep = fakeDependency();
    const g = guard('smtp', dep.action, options);
    await expect(g.call(21)).resolves.toBe(42);
    expect(g.snapshot()).toMatchObject({ state: 'closed', failures: 0, calls: 1 });
    g.shutdown();
  });

  it('opens after failures over the threshold and then refuses fast, without calling the dependency', async () => {
    const dep = fakeDependency();
    const g = guard('bank', dep.action, options);
    dep.state.mode = 'down';
    for (let i = 0; i < 3; i++) expect((await failure(g.call(i))).reason).toBe('failed');
    expect(g.snapshot().state).toBe('open');
    expect(g.refusing()).toBe(true);
    const callsWhenOpened = dep.state.calls;
    const refused = await failure(g.call(9));
    expect(refused.reason).toBe('open');
    expect(refused.dependency).toBe('bank');
    expect(refused.retryAt).toBeInstanceOf(Date);
    expect(dep.state.calls).toBe(callsWhenOpened);
    expect(g.snapshot()).toMatchObject({ rejects: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:9' });
    expect(g.snapshot().lastFailureAt).toBeInstanceOf(Date);
    g.shutdown();
  });

  it('turns a call that does not answer in time into a timeout, and counts it as a failure', async () => {
    const dep = fakeDependency();
    const g = guard('smtp', dep.action, options);
    dep.state.mode = 'hang';
    expect((await failure(g.call(1))).reason).toBe('timeout');
    expect(g.snapshot()).toMatchObject({ timeouts: 1, failures: 1 });
    g.shutdown();
  });

  it('lets one probe through after the reset time, and closes again when it succeeds', async () => {
    const dep = fakeDependency();
    const g = guard('sms', dep.action, options);
    dep.state.mode = 'down';
    for (let i = 0; i < 3; i++) await failure(g.call(i));
    expect(g.snapshot().state).toBe('open');
    await expect.poll(() => g.snapshot().state, { timeout: 2_000, interval: 20 }).toBe('half_open');
    expect(g.refusing()).toBe(false);
    dep.state.mode = 'up';
    await expect(g.call(5)).resolves.toBe(10);
    expect(g.snapshot()).toMatchObject({ state: 'closed', openedAt: null });
    g.shutdown();
  });

  it('opens again at once when the half-open probe fails', async () => {
    const dep = fakeDependency();
    const g = guard('sms', dep.action, options);
    dep.state.mode = 'down';
    for (let i = 0; i < 3; i++) await failure(g.call(i));
    await expect.poll(() => g.snapshot().state, { timeout: 2_000, interval: 20 }).toBe('half_open');
    expect((await failure(g.call(1))).reason).toBe('failed');
    expect(g.snapshot().state).toBe('open');
    expect((await failure(g.call(1))).reason).toBe('open');
    g.shutdown();
  });

  it('passes errors that are the caller’s fault through unchanged and does not open for them', async () => {
    const rejected = Object.assign(new Error('550 mailbox unavailable'), { code: 'EENVELOPE', responseCode: 550 });
    const g = guard(
      'smtp',
      async () => {
        throw rejected;
      },
      options,
      (e) => (e as { responseCode?: number }).responseCode === 550,
    );
    for (let i = 0; i < 5; i++) await expect(g.call()).rejects.toBe(rejected);
    expect(g.snapshot()).toMatchObject({ state: 'closed', failures: 0 });
    g.shutdown();
  });
});

describe('the breaker registry', () => {
  it('lists each breaker with its state and the work waiting for it, and names the degraded ones', async () => {
    const mail = fakeDependency();
    const bank = fakeDependency();
    registry.add(guard('smtp', mail.action, options), async () => 7);
    const bankBreaker = registry.add(guard('bank', bank.action, options));
    const second = guard('bank', bank.action, options);
    expect(() => registry.add(second)).toThrow(/twice/);
    second.shutdown();
    bank.state.mode = 'down';
    for (let i = 0; i < 3; i++) await failure(bankBreaker.call(i));
    const listed = await registry.snapshot();
    expect(listed.map((b) => [b.name, b.state, b.queued])).toEqual([
      ['smtp', 'closed', 7],
      ['bank', 'open', null],
    ]);
    expect(registry.degraded()).toEqual(['bank']);
  });
});
