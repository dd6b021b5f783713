import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './brand';
import { useDocumentTitle } from './document-title';
import { LanguageSwitch } from './language-switch';
import { Panel } from './panel';
import { SkipLink } from './skip-link';

/** Frame of the sign-in and registration screens: a centred card under the brand. */
export function GuestLayout({
  title,
  subtitle,
  children,
  footer,
  wide = false,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** a page of figures (the public promises board) rather than a form */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  useDocumentTitle(typeof title === 'string' ? title : undefined);
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #eff4ff 0%, #f5f7fa 320px)' }}>
      <SkipLink />
      <Flex justify="space-between" align="center" style={{ padding: '12px 16px' }}>
        <Brand to="/login" />
        <LanguageSwitch />
      </Flex>
      <Flex
        vertical
        align="center"
        component="main"
        id="main-content"
        tabIndex={-1}
        style={{ padding: '24px 12px 48px', flex: 1, outline: 'none' }}
      >
        <Panel style={{ width: '100%', maxWidth: wide ? 1200 : 420 }}>
          <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4, fontSize: 24, lineHeight: 1.35 }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
          {children}
        </Panel>
        {footer ? <div style={{ marginTop: 16 }}>{footer}</div> : null}
        <Typography.Text type="secondary" style={{ marginTop: 32, fontSize: 12 }}>
          {t('brand.full')} · {t('brand.tagline')}
        </Typography.Text>
      </Flex>
    </Layout>
  );
}
