import { Card, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ButtonLink } from '../app/button-link';
import { PageTitle } from '../app/page-title';
import { ChatButton } from '../modules/chat';
import { useActiveContext } from '../modules/organisation';
import { TenderRedFlags } from '../modules/risk';
import { CreateTenderForm, PrequalReport, TenderDetail, TendersTable } from '../modules/tendering';

export function TendersPage() {
  const { t } = useTranslation('tendering');
  const { orgId, role, membership } = useActiveContext();
  const manager = membership.membershipRole !== 'member';
  const buyer = role === 'GC' || role === 'SUB';
  return (
    <>
      <PageTitle
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          buyer && manager ? (
            <ButtonLink to="/workspace/tenders/new" type="primary" data-testid="tender-create">
              {t('list.create')}
            </ButtonLink>
          ) : null
        }
      />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          defaultActiveKey={buyer ? 'mine' : 'market'}
          items={[
            { key: 'mine', label: t('list.mine'), children: <TendersTable orgId={orgId} scope="mine" /> },
            { key: 'market', label: t('list.market'), children: <TendersTable orgId={orgId} scope="market" /> },
          ]}
        />
      </Card>
    </>
  );
}

export function TenderNewPage() {
  const { t } = useTranslation('tendering');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('create.title')} />
      <Card>
        <CreateTenderForm orgId={orgId} />
      </Card>
    </>
  );
}

export function TenderDetailPage() {
  const { t } = useTranslation('tendering');
  const { orgId, membership } = useActiveContext();
  const { tenderId = '' } = useParams();
  const { t: chat } = useTranslation('chat');
  return (
    <>
      <PageTitle title={t('list.title')} />
      <TenderDetail orgId={orgId} tenderId={tenderId} manager={membership.membershipRole !== 'member'} />
      {/* 招标答疑: the tender's public Q&A, the buyer and every bidder in one conversation */}
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <ChatButton orgId={orgId} kind="tender" contextId={tenderId} label={chat('kind.tender')} />
      </Flex>
      <TenderRedFlags orgId={orgId} tenderId={tenderId} />
    </>
  );
}

export function PrequalReportPage() {
  const { t } = useTranslation('tendering');
  const { orgId } = useActiveContext();
  const { tenderId = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <>
      <PageTitle title={t('prequal.title')} />
      <PrequalReport orgId={orgId} tenderId={tenderId} bidderOrgId={params.get('bidder') ?? undefined} />
    </>
  );
}
