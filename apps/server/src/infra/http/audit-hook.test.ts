import { describe, expect, it } from 'vitest';
import { redact } from './audit-hook';

describe('audit digest redaction', () => {
  it('drops credentials, one-time codes and personal identifiers, and keeps ordinary fields', () => {
    const body = {
      identifier: 'a@example.com',
      password: 'Secret-123',
      code: '123456',
      creditCode: '91440300708461136T',
      licence: { regionCode: '330100' },
      idCard: { name: '张建国', number: '11010519491231002X' },
      payout: { bankAccount: '6222020200112233445' },
    };
    expect(redact(body)).toEqual({
      identifier: 'a@example.com',
      password: '[redacted]',
      code: '[redacted]',
      creditCode: '91440300708461136T',
      licence: { regionCode: '330100' },
      idCard: '[redacted]',
      payout: { bankAccount: '[redacted]' },
    });
  });
});
