import { describe, expect, it } from 'vitest';
import { normaliseFirmName } from './cooperation.normalise';

describe('normaliseFirmName', () => {
  it('gives one key to one firm under several spellings', () => {
    const key = normaliseFirmName('Burbach GmbH');
    expect(normaliseFirmName('BURBACH G.m.b.H.')).toBe(key);
    expect(normaliseFirmName('  Burbach   GmbH ')).toBe(key);
    expect(normaliseFirmName('Burbach')).toBe(key);
    expect(normaliseFirmName('Johann Christoffers GmbH & Co. KG')).toBe(normaliseFirmName('Johann Christoffers'));
    expect(normaliseFirmName('Impresa Rossi S.r.l.')).toBe(normaliseFirmName('IMPRESA ROSSI SRL'));
    expect(normaliseFirmName('Strabag AG')).toBe(normaliseFirmName('STRABAG'));
    expect(normaliseFirmName('Colas Kft.')).toBe(normaliseFirmName('Colas'));
  });

  it('drops Chinese legal forms and full-width punctuation', () => {
    const key = normaliseFirmName('浙江宏达建材有限公司');
    expect(normaliseFirmName('浙江宏达建材有限责任公司')).toBe(key);
    expect(normaliseFirmName('浙江宏达建材股份有限公司')).toBe(key);
    expect(normaliseFirmName('浙江宏达建材 有限公司。')).toBe(key);
    expect(key).toBe('浙江宏达建材');
  });

  it('keeps different firms apart', () => {
    expect(normaliseFirmName('Burbach GmbH')).not.toBe(normaliseFirmName('Burbach Bau GmbH'));
    expect(normaliseFirmName('浙江宏达建材有限公司')).not.toBe(normaliseFirmName('浙江宏达钢构有限公司'));
    // a legal form inside a name is part of the name
    expect(normaliseFirmName('AG Bau Meier GmbH')).toBe('agbaumeier');
  });
});
