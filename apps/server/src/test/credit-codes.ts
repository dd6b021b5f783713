import { creditCodeCheckChar } from '@zhuhe/contracts';

let n = 0;
/** A fresh valid 统一社会信用代码 for each call. */
export function validCreditCode(region = '330100'): string {
  n += 1;
  const body =
    `91${region}${String(process.pid % 1000).padStart(3, '0')}${String((Date.now() % 1_000_000) + n).padStart(6, '0')}`.slice(
      0,
      17,
    );
  return body + creditCodeCheckChar(body);
}
