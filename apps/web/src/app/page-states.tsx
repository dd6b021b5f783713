import { Button, Flex, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';
import { useErrorFeedback } from './use-error-feedback';

// Result carries large illustrations (403, 404, 500); it is fetched when a page first has an error to show.
const Result = lazy(() => import('antd/es/result'));

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
    <Suspense fallback={null}>
      <Result
        status={resultStatus}
        title={title}
        subTitle={messageOf(error)}
        extra={
          <Flex gap={8} justify="center" wrap>
            {extra}
            {onRetry && status !== 403 && status !== 404 ? (
              <Button onClick={onRetry}>{t('actions.retry')}</Button>
            ) : null}
          </Flex>
        }
      />
    </Suspense>
  );
}

/** 403 for a route the user's roles do not open. */
export function ForbiddenState() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={null}>
      <Result status="403" title={t('states.forbiddenTitle')} subTitle={t('states.forbiddenHint')} />
    </Suspense>
  );
}
