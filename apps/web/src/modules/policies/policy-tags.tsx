import type { PolicyStatus } from '@zhuhe/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<PolicyStatus, string> = { draft: 'default', published: 'success', withdrawn: 'error' };

export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  const { t } = useTranslation('policies');
  return <Tag color={COLOR[status]}>{t(`status.${status}`)}</Tag>;
}
