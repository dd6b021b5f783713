import { DownOutlined, SwapOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionMenu, type ActionMenuEntry } from '../../app/action-menu';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import { useActivateContext, useActiveMembership } from './organisation.queries';

/** 角色切换 switches the business role the user acts in, among the active organisation's roles. */
export function RoleSwitcher({ block = false }: { block?: boolean }) {
  const { t } = useTranslation('organisation');
  const me = useAuthedMe();
  const membership = useActiveMembership();
  const activate = useActivateContext();
  const feedback = useErrorFeedback();
  if (!membership) return null;

  const entries: ActionMenuEntry[] = membership.businessRoles.map((role) => ({
    key: role,
    label: t(`roles.${role}`),
    onSelect: () => {
      if (role !== me.activeRole) activate.mutate({ orgId: membership.orgId, role }, { onError: feedback.show });
    },
  }));

  return (
    <ActionMenu entries={entries} checked={me.activeRole} label={t('switcher.roleLabel')}>
      <Button
        data-testid="role-switcher"
        icon={<SwapOutlined />}
        loading={activate.isPending}
        block={block}
        title={t('switcher.roleLabel')}
      >
        <span style={{ flex: block ? 1 : undefined, textAlign: 'left' }}>
          {me.activeRole ? t(`roles.${me.activeRole}`) : t('switcher.chooseRole')}
        </span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </ActionMenu>
  );
}
