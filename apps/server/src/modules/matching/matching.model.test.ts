import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES } from './matching.features';
import { defaultModel, fitLogistic, formatModel, seededRandom, WEIGHTS_FILE } from './matching.model';

describe('the matching model', () => {
  it('is committed as the training command writes it, for the current features', () => {
    const model = defaultModel();
    expect(model.features).toEqual([...FEATURES]);
    expect(model.training.examples).toBeGreaterThan(100);
    expect(model.training.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(formatModel(model)).toBe(readFileSync(WEIGHTS_FILE, 'utf8'));
  });

  it('learns a separating weight, the same one every time', () => {
    const random = seededRandom(1);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 400; i++) {
      const y = i % 10 === 0 ? 1 : 0;
      rows.push([y + random() * 0.5, random()]);
      labels.push(y);
    }
    const a = fitLogistic(rows, labels, { l2: 0.001, iterations: 200 });
    const b = fitLogistic(rows, labels, { l2: 0.001, iterations: 200 });
    expect(a).toEqual(b);
    expect(a.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(a.weights[1] as number)).toBeLessThan(a.weights[0] as number);
  });
});
