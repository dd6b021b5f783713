import { describe, expect, it } from 'vitest';
import { documentTitle } from './document-title';

describe('documentTitle', () => {
  it('puts the page before the brand', () => {
    expect(documentTitle('项目库', '筑合')).toBe('项目库 · 筑合');
    expect(documentTitle('Project library', 'ZhuHe')).toBe('Project library · ZhuHe');
  });
  it('is the brand alone without a page name', () => {
    expect(documentTitle(undefined, '筑合')).toBe('筑合');
    expect(documentTitle('  ', 'ZhuHe')).toBe('ZhuHe');
  });
});
