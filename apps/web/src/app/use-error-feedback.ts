import { App, type FormInstance } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';
import { currentLanguage, useLanguage } from './language';

interface FormErrorOptions {
  /** names of the form's fields; issues on other paths are shown as a message */
  fields: readonly string[];
  /**
   * Problem codes that belong to one field even when the server sends no issues. A key matches the whole code or
   * its end after the module prefix: `CREDIT_CODE_TAKEN` matches `ORG_CREDIT_CODE_TAKEN`.
   */
  codeFields?: Readonly<Record<string, string>>;
}

export interface ErrorFeedback {
  /** The user-facing text for any error, in the current language. */
  messageOf: (error: unknown) => string;
  /** Shows the error as a toast message. */
  show: (error: unknown) => void;
  /** Puts the problem's issues on the matching form fields; anything left over becomes a toast. */
  showOnForm: (form: FormInstance, error: unknown, options: FormErrorOptions) => void;
}

/** `body.creditCode`, `/creditCode` and `businessRoles.0` all name a top-level form field. */
function fieldOfPath(path: string): string | undefined {
  const segments = path.split(/[./]/).filter((segment) => segment !== '');
  return segments[0] === 'body' ? segments[1] : segments[0];
}

export function useErrorFeedback(): ErrorFeedback {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const language = useLanguage();

  const messageOf = useCallback(
    (error: unknown): string => {
      if (isApiError(error)) {
        if (error.problem) return error.problem.message[language];
        if (error.status === 0) return t('errors.network');
      }
      return t('errors.unexpected');
    },
    [t, language],
  );

  const show = useCallback((error: unknown) => void message.error(messageOf(error)), [message, messageOf]);

  const showOnForm = useCallback(
    (form: FormInstance, error: unknown, options: FormErrorOptions) => {
      if (!isApiError(error) || !error.problem) {
        show(error);
        return;
      }
      // Read now, not at render: the request may have finished after a language switch.
      const now = currentLanguage();
      const byField = new Map<string, string[]>();
      for (const issue of error.problem.issues ?? []) {
        const field = fieldOfPath(issue.path);
        if (field && options.fields.includes(field)) {
          byField.set(field, [...(byField.get(field) ?? []), issue.message[now]]);
        }
      }
      const code = error.problem.code;
      const codeField = Object.entries(options.codeFields ?? {}).find(
        ([key]) => code === key || code.endsWith(`_${key}`),
      )?.[1];
      if (byField.size === 0 && codeField) byField.set(codeField, [error.problem.message[now]]);
      if (byField.size === 0) {
        show(error);
        return;
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    },
    [show],
  );

  return useMemo(() => ({ messageOf, show, showOnForm }), [messageOf, show, showOnForm]);
}
