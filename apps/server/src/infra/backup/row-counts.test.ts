import { describe, expect, it } from 'vitest';
import { compareCounts } from './row-counts';

describe('compareCounts', () => {
  it('passes equal tables and fails a different count or a table missing on either side', () => {
    const result = compareCounts(
      { 'public.a': 3, 'public.b': 0, 'public.c': 5, 'public.gone': 1 },
      { 'public.a': 3, 'public.b': 0, 'public.c': 4, 'public.new': 0 },
    );
    expect(result).toEqual([
      { table: 'public.a', expected: 3, actual: 3, ok: true },
      { table: 'public.b', expected: 0, actual: 0, ok: true },
      { table: 'public.c', expected: 5, actual: 4, ok: false },
      { table: 'public.gone', expected: 1, actual: null, ok: false },
      { table: 'public.new', expected: null, actual: 0, ok: false },
    ]);
  });
});
