import { useMutation } from '@tanstack/react-query';
import { Alert, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import * as api from './notifications.api';

/**
 * 退订 the page an e-mail's unsubscribe link opens, with or without a session: the signed token turns that one
 * channel off for that one category. A tampered or expired link shows the server's reason and changes nothing.
 */
export function UnsubscribePanel() {
  const { t } = useTranslation('notifications');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { messageOf } = useErrorFeedback();
  const mutation = useMutation({ mutationFn: api.unsubscribe });
  const sent = useRef(false);
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutation.mutate(token);
    }
  }, [token, mutation]);
  if (!token) return <Alert type="error" showIcon title={t('unsubscribe.noToken')} />;
  if (mutation.isError)
    return <Result status="error" title={messageOf(mutation.error)} data-testid="unsubscribe-error" />;
  if (mutation.isSuccess)
    return (
      <Result
        status="success"
        data-testid="unsubscribe-done"
        title={t('unsubscribe.done', {
          category: t(`categories.${mutation.data.category}`),
          channel: t(`channels.${mutation.data.channel}`),
        })}
        subTitle={t('unsubscribe.doneHint')}
        extra={<Link to="/workspace/notifications/preferences">{t('unsubscribe.toSettings')}</Link>}
      />
    );
  return <Spin aria-label={t('unsubscribe.working')} />;
}
