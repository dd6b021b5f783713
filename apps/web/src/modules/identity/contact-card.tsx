import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { revealMyPhone } from './identity.api';
import { useAuthedMe } from './identity.queries';

/** 联系方式 the account's e-mail and mobile number; the number is masked until the owner asks to see it (audited). */
export function ContactCard() {
  const { t } = useTranslation('identity');
  const me = useAuthedMe();
  const feedback = useErrorFeedback();
  const [fullPhone, setFullPhone] = useState<string | null>(null);
  return (
    <Card title={t('contact.title')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('contact.email')}>{me.user.email ?? t('contact.none')}</Descriptions.Item>
        <Descriptions.Item label={t('contact.phone')}>
          {me.user.phone ? (
            <Flex gap={8} align="center" wrap>
              <Typography.Text code data-testid="my-phone">
                {fullPhone ?? me.user.phone}
              </Typography.Text>
              {fullPhone ? null : (
                <Button
                  size="small"
                  onClick={() =>
                    revealMyPhone()
                      .then(setFullPhone)
                      .catch((error: unknown) => feedback.show(error))
                  }
                >
                  {t('contact.reveal')}
                </Button>
              )}
            </Flex>
          ) : (
            t('contact.none')
          )}
        </Descriptions.Item>
      </Descriptions>
      {me.user.phone ? <Typography.Text type="secondary">{t('contact.revealHint')}</Typography.Text> : null}
    </Card>
  );
}
