import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import {
  idCardBirthDate,
  idCardCheckChar,
  idCardProblem,
  isValidIdCardNumber,
  maskBankAccount,
  maskIdCardNumber,
} from './id-card';
import { IdCardNumber } from './verification';

/** Every code obtained by changing one character of `code` to another character of `alphabet`. */
function singleCharCorruptions(code: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (const c of alphabet) if (c !== code[i]) out.push(code.slice(0, i) + c + code.slice(i + 1));
  }
  return out;
}

/**
 * Published examples. GB 11643-1999 itself gives 11010519491231002X (北京市朝阳区, born 1949-12-31) and
 * 440524188001010014 (广东省汕头市潮阳县, born 1880-01-01) as worked examples of the check character.
 */
const ID_EXAMPLES = ['11010519491231002X', '440524188001010014'];

describe('GB 11643 公民身份号码 check character', () => {
  it('accepts the standard’s own worked examples', () => {
    for (const id of ID_EXAMPLES) {
      expect(idCardCheckChar(id.slice(0, 17))).toBe(id[17]);
      expect(isValidIdCardNumber(id)).toBe(true);
    }
    expect(idCardBirthDate('11010519491231002X')).toBe('1949-12-31');
  });

  it('refuses every single-digit corruption of a valid number', () => {
    // Changing any one of the 17 body digits, or the check character, must be detected: with weights that are all
    // non-zero mod 11, one substituted digit always changes the sum mod 11.
    for (const id of ID_EXAMPLES) {
      const corrupt = singleCharCorruptions(id, '0123456789X').filter((c) => /^\d{17}[\dX]$/.test(c));
      expect(corrupt.length).toBeGreaterThan(150);
      for (const c of corrupt) expect(isValidIdCardNumber(c), c).toBe(false);
    }
  });

  it('refuses a right check character on a birth date that does not exist or is in the future', () => {
    const feb30 = '11010519990230002';
    expect(idCardProblem(feb30 + idCardCheckChar(feb30))).toBe('ID_CARD_BIRTH_DATE_INVALID');
    const future = '11010520990101002';
    expect(idCardProblem(future + idCardCheckChar(future))).toBe('ID_CARD_BIRTH_DATE_INVALID');
    const leap = '11010520000229002';
    expect(idCardProblem(leap + idCardCheckChar(leap))).toBeNull();
  });

  it('refuses a wrong length, letters, and a lowercase x only until normalised', () => {
    expect(isValidIdCardNumber('11010519491231002')).toBe(false);
    expect(isValidIdCardNumber('1101051949123100AX')).toBe(false);
    expect(IdCardNumber.safeParse(' 11010519491231002x ').data).toBe('11010519491231002X');
    expect(IdCardNumber.safeParse('11010519491231002Y').error?.issues[0]?.message).toBe('ID_CARD_INVALID');
  });

  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdCardNumber('11010519491231002X')).toBe('110***********002X');
  });
});

/**
 * 91350100M000100Y43 is the example printed in GB 32100-2015; 91440300708461136T is the published code of
 * 腾讯科技（深圳）有限公司 on its business licence.
 */
const CREDIT_EXAMPLES = ['91350100M000100Y43', '91440300708461136T'];
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('GB 32100 统一社会信用代码 check character', () => {
  it('accepts published valid codes', () => {
    for (const code of CREDIT_EXAMPLES) {
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('refuses every single-character corruption of a valid code', () => {
    // Mod 31 is prime and every weight is non-zero mod 31, so any single substitution changes the check.
    for (const code of CREDIT_EXAMPLES) {
      const corrupt = singleCharCorruptions(code, CREDIT_ALPHABET);
      expect(corrupt.length).toBe(18 * 30);
      for (const c of corrupt) expect(isValidCreditCode(c), c).toBe(false);
    }
  });

  it('refuses letters the standard excludes (I, O, S, V, Z)', () => {
    expect(isValidCreditCode('91440300708461136O')).toBe(false);
    expect(isValidCreditCode('91440300708461I36T')).toBe(false);
  });
});

describe('maskBankAccount', () => {
  it('keeps the first and last four digits of a bank account', () => {
    expect(maskBankAccount('6222020200112233')).toBe('6222********2233');
    expect(maskBankAccount('12345678')).toBe('****5678');
  });
});
