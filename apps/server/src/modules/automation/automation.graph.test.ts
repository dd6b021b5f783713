import type { JourneyStep } from '@zhuhe/contracts';
import { describe, expect, it } from 'vitest';
import { assertWalkable } from './automation.graph';

const wait = (id: string, next: string | null): JourneyStep => ({ id, type: 'wait', hours: 1, next });
const cond = (id: string, onTrue: string | null, onFalse: string | null): JourneyStep => ({
  id,
  type: 'condition',
  check: 'activeSinceEntry',
  onTrue,
  onFalse,
});

/** 旅程步骤图 must let every enrolment reach an end. */
describe('journey step graph', () => {
  it('accepts a sequence, branches that rejoin, and jumps forward', () => {
    expect(() => assertWalkable([wait('a', 'b'), wait('b', null)])).not.toThrow();
    expect(() => assertWalkable([cond('a', 'b', 'c'), wait('b', 'c'), wait('c', null)])).not.toThrow();
    expect(() => assertWalkable([cond('a', null, 'c'), wait('b', null), wait('c', 'b')])).not.toThrow();
  });

  it('names the loop: a self-loop, a two-step loop, a loop reached through a branch', () => {
    const codeAndPath = (steps: JourneyStep[]) => {
      try {
        assertWalkable(steps);
        return null;
      } catch (error) {
        const e = error as { code: string; params: { path: string } };
        return [e.code, e.params.path];
      }
    };
    expect(codeAndPath([wait('a', 'a')])).toEqual(['JOURNEY_CYCLE', 'a → a']);
    expect(codeAndPath([wait('a', 'b'), wait('b', 'a')])).toEqual(['JOURNEY_CYCLE', 'a → b → a']);
    expect(codeAndPath([cond('a', null, 'b'), wait('b', 'c'), cond('c', null, 'b')])).toEqual([
      'JOURNEY_CYCLE',
      'b → c → b',
    ]);
  });

  it('refuses duplicate ids and unknown successors', () => {
    expect(() => assertWalkable([wait('a', null), wait('a', null)])).toThrow(
      expect.objectContaining({ code: 'JOURNEY_STEP_DUPLICATE' }),
    );
    expect(() => assertWalkable([cond('a', 'x', null)])).toThrow(
      expect.objectContaining({ code: 'JOURNEY_STEP_UNKNOWN' }),
    );
  });
});
