import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useEnterConfirmsPickers } from './enter-in-pickers';
import { useLanguage } from './language';
import { theme } from './theme';

/** Ant Design follows the UI language: zh_CN by default, en_US when English is chosen. */
function LocalisedConfig({ children }: { children: ReactNode }) {
  const language = useLanguage();
  useEnterConfirmsPickers();
  return (
    // No space between two Chinese characters on buttons, so labels read exactly as written in the i18n files.
    // A form that fails validation moves the focus to its first invalid field, whose error the field's
    // aria-describedby reads out (WCAG 3.3.1); antd's own toasts already carry role="alert".
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
      form={{ scrollToFirstError: { focus: true, block: 'center' } }}
    >
      {/* Toasts open below the 56 px header, so they never cover the organisation and role switchers. */}
      <AntApp message={{ top: 72 }}>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({
  i18n,
  queryClient,
  children,
}: {
  i18n: I18n;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalisedConfig>{children}</LocalisedConfig>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
