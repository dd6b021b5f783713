import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganisationData } from './organisation.api';

const COLOURS: Record<OrganisationData['verification'], string> = {
  unverified: 'default',
  pending: 'processing',
  verified: 'success',
  rejected: 'error',
  expired: 'warning',
};

/** 实名核验状态 verification status of an organisation. */
export function VerificationTag({ status }: { status: OrganisationData['verification'] }) {
  const { t } = useTranslation('organisation');
  return <Tag color={COLOURS[status]}>{t(`verification.${status}`)}</Tag>;
}
