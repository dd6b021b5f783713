import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import { useActivateContext } from './organisation.queries';

/** Shown when the user belongs to organisations but none is active yet: pick an organisation and a role. */
export function ContextChooser() {
  const { t } = useTranslation('organisation');
  const me = useAuthedMe();
  const activate = useActivateContext();
  const feedback = useErrorFeedback();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <div>
        <Typography.Title level={3}>{t('chooser.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('chooser.hint')}</Typography.Paragraph>
      </div>
      {me.memberships.map((membership) => (
        <Card key={membership.orgId} title={membership.orgName} size="small">
          <Flex gap={8} wrap>
            {membership.businessRoles.map((role) => (
              <Button
                key={role}
                loading={
                  activate.isPending &&
                  activate.variables?.orgId === membership.orgId &&
                  activate.variables.role === role
                }
                onClick={() => activate.mutate({ orgId: membership.orgId, role }, { onError: feedback.show })}
              >
                {t('chooser.actAs', { role: t(`roles.${role}`) })}
              </Button>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
