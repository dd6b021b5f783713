import type { JourneyStep } from '@zhuhe/contracts';
import { automationErrors } from './automation.errors';

/** The ids a step may go to next (a condition branches to two). */
export function successors(step: JourneyStep): string[] {
  const next = step.type === 'condition' ? [step.onTrue, step.onFalse] : [step.next];
  return next.filter((n): n is string => n !== null);
}

/**
 * Refuses a step graph that an enrolment could not walk to its end: duplicate ids, a successor that does not
 * exist, or a cycle (found by depth-first search from every step; the error names the loop, e.g. `a → b → a`).
 */
export function assertWalkable(steps: readonly JourneyStep[]): void {
  const byId = new Map<string, JourneyStep>();
  for (const step of steps) {
    if (byId.has(step.id)) throw automationErrors.raise('JOURNEY_STEP_DUPLICATE', { id: step.id });
    byId.set(step.id, step);
  }
  for (const step of steps)
    for (const to of successors(step))
      if (!byId.has(to)) throw automationErrors.raise('JOURNEY_STEP_UNKNOWN', { from: step.id, to });

  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      const loop = [...path.slice(path.indexOf(id)), id];
      throw automationErrors.raise('JOURNEY_CYCLE', { path: loop.join(' → ') });
    }
    state.set(id, 'open');
    path.push(id);
    for (const to of successors(byId.get(id) as JourneyStep)) visit(to);
    path.pop();
    state.set(id, 'done');
  };
  for (const step of steps) visit(step.id);
}
