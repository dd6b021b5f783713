import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/document-title';
import { useAuthedMe } from '../modules/identity';
import { StaffDashboard } from '../modules/workspace';

export function StaffHomePage() {
  const { t } = useTranslation('workspace');
  const me = useAuthedMe();
  useDocumentTitle(t('staffTitle'));
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title
          level={1}
          data-testid="staff-home-title"
          style={{ marginTop: 0, marginBottom: 4, fontSize: 30, lineHeight: 1.35 }}
        >
          {t('staffTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('staffWelcome', { name: me.user.displayName })}</Typography.Text>
      </div>
      <StaffDashboard />
    </Flex>
  );
}
