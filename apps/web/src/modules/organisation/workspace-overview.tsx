import { CheckOutlined } from '@ant-design/icons';
import type { BusinessRole } from '@zhuhe/contracts';
import { Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/document-title';
import { formatDate } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { Panel } from '../../app/panel';
import { useAuthedMe } from '../identity';
import { BusinessRoleTags } from './business-role-tags';
import { useOrganisation } from './organisation.queries';
import { VerificationTag } from './verification-tag';

/** One line of the organisation's facts: a term and its value (a light stand-in for antd's Descriptions). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="zh-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const DUTY_KEYS = ['first', 'second', 'third', 'fourth'] as const;

function OrganisationCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('organisation');
  const { data: organisation, isPending, error, refetch } = useOrganisation(orgId);
  if (isPending) return <LoadingState minHeight={160} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <dl className="zh-facts">
      <Fact label={t('fields.name')}>{organisation.name}</Fact>
      <Fact label={t('fields.creditCode')}>
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {organisation.creditCode}
        </Typography.Text>
      </Fact>
      <Fact label={t('fields.businessRoles')}>
        <BusinessRoleTags roles={organisation.businessRoles} />
      </Fact>
      <Fact label={t('fields.verification')}>
        <VerificationTag status={organisation.verification} />
      </Fact>
      {organisation.regionCode ? <Fact label={t('fields.regionCode')}>{organisation.regionCode}</Fact> : null}
      {organisation.address ? <Fact label={t('fields.address')}>{organisation.address}</Fact> : null}
      <Fact label={t('fields.createdAt')}>{formatDate(organisation.createdAt)}</Fact>
    </dl>
  );
}

/**
 * 工作台 home of one business role: who you act as, then `children` (the to-dos and figures), then the
 * organisation and what this role does here.
 */
export function WorkspaceOverview({
  orgId,
  role,
  children,
}: {
  orgId: string;
  role: BusinessRole;
  children?: ReactNode;
}) {
  const { t } = useTranslation('organisation');
  const me = useAuthedMe();
  useDocumentTitle(t(`workspace.title.${role}`));
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title
          level={1}
          data-testid="workspace-title"
          style={{ marginTop: 0, marginBottom: 4, fontSize: 30, lineHeight: 1.35 }}
        >
          {t(`workspace.title.${role}`)}
        </Typography.Title>
        <Typography.Text type="secondary">{t('workspace.welcome', { name: me.user.displayName })}</Typography.Text>
      </div>
      {children}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Panel style={{ height: '100%' }} title={t('workspace.organisationCard')}>
            <OrganisationCard orgId={orgId} />
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel style={{ height: '100%' }} title={t('workspace.dutiesCard', { role: t(`roles.${role}`) })}>
            <Flex vertical gap={12}>
              {DUTY_KEYS.map((key) => (
                <Flex key={key} gap={8} align="baseline">
                  <CheckOutlined style={{ color: '#1d4ed8' }} />
                  <Typography.Text>{t(`duties.${role}.${key}`)}</Typography.Text>
                </Flex>
              ))}
            </Flex>
          </Panel>
        </Col>
      </Row>
    </Flex>
  );
}
