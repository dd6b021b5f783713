import { Button, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { captureTouch, flush, onConsentChange, readConsent, setConsent, track } from './tracking';

/**
 * Asks once for consent to usage statistics (PIPL), records page views after it (the path only, never the query),
 * and keeps a landing's campaign parameters for attribution.
 */
export function ConsentBanner() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const [consent, setLocal] = useState(readConsent);
  useEffect(() => onConsentChange(() => setLocal(readConsent())), []);
  useEffect(() => {
    captureTouch(search);
  }, [search]);
  useEffect(() => {
    if (consent?.granted) track('page.viewed', { path: pathname });
  }, [pathname, consent]);
  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', hidden);
    return () => document.removeEventListener('visibilitychange', hidden);
  }, []);
  if (consent) return null;
  return (
    <section
      aria-label={t('consent.title')}
      data-testid="consent-banner"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        zIndex: 1000,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        padding: '12px 16px',
      }}
    >
      <Flex gap={12} wrap align="center" justify="space-between">
        <Typography.Text style={{ flex: '1 1 260px' }}>{t('consent.text')}</Typography.Text>
        <Flex gap={8}>
          <Button onClick={() => setConsent(false)}>{t('consent.decline')}</Button>
          <Button type="primary" onClick={() => setConsent(true)}>
            {t('consent.accept')}
          </Button>
        </Flex>
      </Flex>
    </section>
  );
}
