import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';
import { useErrorFeedback } from './use-error-feedback';

export function LoadingState({ minHeight = 240 }: { minHeight?: number | string }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight }}>
      <Spin description={t('states.loading')} />
    </Flex>
  );
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  extra?: ReactNode;
}

export function ErrorState({ error, onRetry, extra }: ErrorStateProps) {
  const { t } = useTranslation();
  const { messageOf } = useErrorFeedback();
  const status = isApiError(error) ? error.status : 0;
  const resultStatus = status === 403 ? '403' : status === 404 ? '404' : 'warning';
  const title =
    status === 403 ? t('states.forbiddenTitle') : status === 404 ? t('states.notFoundTitle') : t('states.errorTitle');
  return (
    <Result
      status={resultStatus}
      title={title}
      subTitle={messageOf(error)}
      extra={
        <Flex gap={8} justify="center" wrap>
          {extra}
          {onRetry && status !== 403 && status !== 404 ? <Button onClick={onRetry}>{t('actions.retry')}</Button> : null}
        </Flex>
      }
    />
  );
}
