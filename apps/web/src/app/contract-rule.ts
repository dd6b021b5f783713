import { type ValidationMessageCode, validationMessage } from '@zhuhe/contracts';
import type { FormRule } from 'antd';
import type { z } from 'zod';
import { currentLanguage } from './language';

/**
 * An antd form rule that checks a value with a contract schema, so the form and the server refuse the same input
 * with the same words. Schema messages that are validation codes are translated; others fall back to `fallback`.
 */
export function contractRule(schema: z.ZodType, fallback: ValidationMessageCode | (() => string)): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (result.success) return;
      const language = currentLanguage();
      const known = result.error.issues.map((issue) => validationMessage(issue.message)).find(Boolean);
      if (known) throw new Error(known[language]);
      throw new Error(typeof fallback === 'function' ? fallback() : validationMessage(fallback)?.[language]);
    },
  };
}
