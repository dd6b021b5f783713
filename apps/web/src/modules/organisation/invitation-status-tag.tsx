import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationData } from './organisation.api';

const COLOURS: Record<InvitationData['status'], string> = {
  pending: 'processing',
  accepted: 'success',
  revoked: 'default',
  expired: 'warning',
};

export function InvitationStatusTag({ status }: { status: InvitationData['status'] }) {
  const { t } = useTranslation('organisation');
  return <Tag color={COLOURS[status]}>{t(`invitationStatus.${status}`)}</Tag>;
}
