import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { VerificationCheck } from '@zhuhe/contracts';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../app/language';

const ICONS = {
  pass: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  warn: <ExclamationCircleFilled style={{ color: '#d46b08' }} />,
  fail: <CloseCircleFilled style={{ color: '#cf1322' }} />,
};
const COLOURS = { pass: 'success', warn: 'warning', fail: 'error' } as const;

/** 自动核验结果 every automatic check, problems first. */
export function VerificationChecks({ checks }: { checks: VerificationCheck[] }) {
  const { t } = useTranslation('verification');
  const bilingual = useBilingual();
  const order = { fail: 0, warn: 1, pass: 2 };
  const sorted = [...checks].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('checks.title')}</Typography.Text>}
      dataSource={sorted}
      data-testid="verification-checks"
      renderItem={(check) => (
        <List.Item data-testid={`check-${check.status}`}>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'flex-start' }}>
            {ICONS[check.status]}
            <span>{bilingual(check.message)}</span>
          </span>
          <Tag color={COLOURS[check.status]}>{t(`checks.${check.status}`)}</Tag>
        </List.Item>
      )}
    />
  );
}
