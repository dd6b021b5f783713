import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuthedMe } from '../modules/identity';
import { StaffDashboard } from '../modules/workspace';

export function StaffHomePage() {
  const { t } = useTranslation('workspace');
  const me = useAuthedMe();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} data-testid="staff-home-title" style={{ marginTop: 0, marginBottom: 4 }}>
          {t('staffTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('staffWelcome', { name: me.user.displayName })}</Typography.Text>
      </div>
      <StaffDashboard />
    </Flex>
  );
}
