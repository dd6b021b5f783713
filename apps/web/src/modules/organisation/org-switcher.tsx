import { ApartmentOutlined, DownOutlined, MailOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionMenu, type ActionMenuEntry } from '../../app/action-menu';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import { useActivateContext } from './organisation.queries';

/** 组织切换 lists the user's organisations; picking one activates it, keeping the business role when it can. */
export function OrgSwitcher({ block = false }: { block?: boolean }) {
  const { t } = useTranslation('organisation');
  const me = useAuthedMe();
  const navigate = useNavigate();
  const activate = useActivateContext();
  const feedback = useErrorFeedback();
  const active = me.memberships.find((membership) => membership.orgId === me.activeOrgId);

  const choose = (orgId: string) => {
    const membership = me.memberships.find((candidate) => candidate.orgId === orgId);
    if (!membership || membership.orgId === me.activeOrgId) return;
    const role =
      me.activeRole && membership.businessRoles.includes(me.activeRole) ? me.activeRole : membership.businessRoles[0];
    if (!role) return;
    activate.mutate({ orgId: membership.orgId, role }, { onError: feedback.show });
  };
  const entries: ActionMenuEntry[] = [
    ...me.memberships.map((membership) => ({
      key: membership.orgId,
      label: (
        <span>
          {membership.orgName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`membershipRoles.${membership.membershipRole}`)}
          </Typography.Text>
        </span>
      ),
      onSelect: () => choose(membership.orgId),
    })),
    { key: 'divider', divider: true },
    {
      key: 'create',
      icon: <PlusOutlined />,
      label: t('switcher.createOrganisation'),
      onSelect: () => void navigate('/orgs/new'),
    },
    {
      key: 'invitations',
      icon: <MailOutlined />,
      label: t('switcher.myInvitations'),
      onSelect: () => void navigate('/invitations'),
    },
  ];

  return (
    <ActionMenu entries={entries} checked={me.activeOrgId} label={t('switcher.organisationLabel')}>
      <Button
        data-testid="org-switcher"
        icon={<ApartmentOutlined />}
        loading={activate.isPending}
        block={block}
        title={t('switcher.organisationLabel')}
        style={{ maxWidth: block ? undefined : 240 }}
      >
        <span
          style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 1, textAlign: 'left' }}
        >
          {active?.orgName ?? t('switcher.chooseOrganisation')}
        </span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </ActionMenu>
  );
}
