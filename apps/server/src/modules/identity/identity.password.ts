import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { identityErrors } from './identity.errors';

/** ASVS V2.1: at least this many characters (the contract's 8 is the form's first hint; the service decides). */
export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's 0–4 scale: 3 means about 10^8 guesses or more ("safely unguessable" for an online attack). */
export const MIN_PASSWORD_SCORE = 3;

// Built once, read-only afterwards: the common-password, name and keyboard-pattern dictionaries (docs/adr/0094).
const estimator = new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });

/**
 * 弱密码 refuses a password that is too short, or that a guesser would find quickly: common and breached
 * passwords (`password`, `Password1`), keyboard runs, dates, and the user's own name or e-mail.
 */
export function assertStrongPassword(password: string, userInputs: readonly string[] = []): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw identityErrors.raise('AUTH_PASSWORD_WEAK', { reason: `少于 ${MIN_PASSWORD_LENGTH} 个字符` }, [
      {
        path: 'password',
        code: 'PASSWORD_TOO_SHORT',
        message: {
          'zh-CN': `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
          en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
        },
      },
    ]);
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s]/)]).filter((s) => s.length >= 3);
  const result = estimator.check(password.slice(0, 100), inputs);
  if (result.score < MIN_PASSWORD_SCORE)
    throw identityErrors.raise('AUTH_PASSWORD_WEAK', { reason: '常见或易猜' }, [
      {
        path: 'password',
        code: 'PASSWORD_TOO_GUESSABLE',
        message: {
          'zh-CN':
            '该密码过于常见或容易被猜中（如 password、Password1、生日、键盘连续字符、自己的姓名或邮箱），请换一个更长、更独特的密码',
          en: 'This password is common or easy to guess (like password, Password1, dates, keyboard runs, your name or e-mail); choose a longer, more unusual one',
        },
      },
    ]);
}
