import { Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import type * as api from './growth.api';

/** What the growth panels share: the query keys, the date range fields, the loading states, the CSV button. */
export const growthKeys = { all: ['growth'] as const };

export function RangeFields({ range, onChange }: { range: api.Range; onChange: (range: api.Range) => void }) {
  const { t } = useTranslation('growth');
  return (
    <>
      <Form.Item label={t('range.from')} htmlFor="growth-from">
        <Input
          id="growth-from"
          type="date"
          value={range.from}
          onChange={(e) => onChange({ ...range, from: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('range.to')} htmlFor="growth-to">
        <Input
          id="growth-to"
          type="date"
          value={range.to}
          onChange={(e) => onChange({ ...range, to: e.target.value })}
        />
      </Form.Item>
    </>
  );
}

export function Loaded<T>({
  query,
  children,
}: {
  query: { isLoading: boolean; data?: T; error: unknown; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isLoading) return <LoadingState />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** 导出 CSV: the analysis as the card shows it, downloaded. */
export function CsvButton({ href }: { href: string }) {
  const { t } = useTranslation('growth');
  return (
    <Button size="small" href={href} download>
      {t('exportCsv')}
    </Button>
  );
}
