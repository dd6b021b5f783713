import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, List, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ButtonLink } from '../app/button-link';
import { formatDate } from '../app/format-date';
import { ErrorState, LoadingState } from '../app/page-states';
import { PageTitle } from '../app/page-title';
import { ChatButton } from '../modules/chat';
import { FavouriteToggle, newInquiryPath } from '../modules/inquiries';
import {
  CompareToggle,
  ComparisonTable,
  DemandDetail,
  DemandForm,
  DemandStatusTag,
  formatFen,
  KeywordRankingCard,
  ListingDetail,
  MapExplorer,
  ProjectDetail,
  ProjectForm,
  ResourceForm,
  ReviewCard,
  ReviewQueue,
  SearchPanel,
  useOrgDemandPages,
  useReview,
} from '../modules/libraries';
import { DemandMatchesCard } from '../modules/matching';
import { useActiveContext } from '../modules/organisation';

export function ProjectsPage() {
  const { t } = useTranslation('libraries');
  const { role } = useActiveContext();
  return (
    <>
      <PageTitle
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        extra={
          role === 'GC' ? (
            <ButtonLink to="/workspace/projects/new" type="primary" icon={<PlusOutlined />}>
              {t('projects.publish')}
            </ButtonLink>
          ) : null
        }
      />
      <SearchPanel kind="project" />
    </>
  );
}

export function ProjectNewPage() {
  const { t } = useTranslation('libraries');
  return (
    <>
      <PageTitle title={t('projects.newTitle')} />
      <ProjectForm />
    </>
  );
}

export function ProjectDetailPage() {
  const { projectId = '' } = useParams();
  const { orgId } = useActiveContext();
  return (
    <ProjectDetail
      projectId={projectId}
      actions={(p) => (p.orgId === orgId ? null : <FavouriteToggle orgId={orgId} kind="project" targetId={p.id} />)}
    />
  );
}

export function ResourcesPage() {
  const { t } = useTranslation('libraries');
  const { role, orgId } = useActiveContext();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  const merchant = role === 'SUP' || role === 'SUB';
  return (
    <>
      <PageTitle
        title={t('resources.title')}
        subtitle={t('resources.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <Button
              disabled={selected.length < 2}
              onClick={() => navigate(`/workspace/resources/compare?ids=${selected.join(',')}`)}
              data-testid="compare-selected"
            >
              {t('resources.compare')} · {t('resources.selected', { count: selected.length })}
            </Button>
            {merchant ? (
              <ButtonLink to="/workspace/resources/new" type="primary" icon={<PlusOutlined />}>
                {t('resources.publish')}
              </ButtonLink>
            ) : null}
          </Flex>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={merchant ? 17 : 24}>
          <SearchPanel
            kind="resource"
            renderAction={(hit) => (
              <CompareToggle
                checked={selected.includes(hit.id)}
                disabled={selected.length >= 6}
                onChange={(on) => setSelected((s) => (on ? [...s, hit.id] : s.filter((id) => id !== hit.id)))}
              />
            )}
          />
        </Col>
        {merchant ? (
          <Col xs={24} lg={7}>
            <KeywordRankingCard orgId={orgId} />
          </Col>
        ) : null}
      </Row>
    </>
  );
}

export function ResourceNewPage() {
  const { t } = useTranslation('libraries');
  return (
    <>
      <PageTitle title={t('resources.newTitle')} />
      <ResourceForm />
    </>
  );
}

/** A listing: a buyer stars it or its merchant and asks the merchant for a quote (询价). */
export function ResourceDetailPage() {
  const { t } = useTranslation('inquiries');
  const { listingId = '' } = useParams();
  const { orgId, membership } = useActiveContext();
  const manager = membership.membershipRole === 'owner' || membership.membershipRole === 'admin';
  return (
    <ListingDetail
      listingId={listingId}
      actions={(l) =>
        l.orgId === orgId ? null : (
          <Flex gap={8} wrap>
            <FavouriteToggle orgId={orgId} kind="listing" targetId={l.id} />
            <FavouriteToggle orgId={orgId} kind="merchant" targetId={l.orgId} merchant />
            {manager ? (
              <ButtonLink to={newInquiryPath([l.orgId], l.id)} type="primary" data-testid="inquire-listing">
                {t('favourites.inquire')}
              </ButtonLink>
            ) : null}
            <ChatButton orgId={orgId} kind="listing" contextId={l.id} />
          </Flex>
        )
      }
    />
  );
}

export function ComparePage() {
  const { t } = useTranslation('libraries');
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean).slice(0, 6);
  return (
    <>
      <PageTitle title={t('resources.compareTitle')} />
      <ComparisonTable ids={ids} />
    </>
  );
}

/** 本单位需求 20 at a time, newest first, with a button for the next page. */
function MyDemands({ orgId }: { orgId: string }) {
  const { t } = useTranslation('common');
  const demands = useOrgDemandPages(orgId);
  return (
    <List
      loading={demands.isLoading}
      dataSource={demands.data?.pages.flatMap((page) => page.items) ?? []}
      data-testid="my-demands"
      renderItem={(d) => (
        <List.Item key={d.id} extra={<DemandStatusTag status={d.status} />}>
          <List.Item.Meta
            title={<Link to={`/workspace/demands/${d.id}`}>{d.title}</Link>}
            description={`${d.regionName} · ${formatFen(d.budgetFen)} · ${formatDate(d.createdAt)}`}
          />
        </List.Item>
      )}
      loadMore={
        demands.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button
              onClick={() => void demands.fetchNextPage()}
              loading={demands.isFetchingNextPage}
              data-testid="my-demands-more"
            >
              {t('actions.loadMore')}
            </Button>
          </Flex>
        ) : null
      }
    />
  );
}

export function DemandsPage() {
  const { t } = useTranslation('libraries');
  const { role, orgId } = useActiveContext();
  const search = <SearchPanel kind="demand" />;
  return (
    <>
      <PageTitle
        title={t('demands.title')}
        subtitle={t('demands.subtitle')}
        extra={
          role === 'GC' ? (
            <ButtonLink to="/workspace/demands/new" type="primary" icon={<PlusOutlined />} data-testid="publish-demand">
              {t('demands.publish')}
            </ButtonLink>
          ) : null
        }
      />
      {role === 'GC' ? (
        <Tabs
          items={[
            { key: 'search', label: t('demands.title'), children: search },
            { key: 'mine', label: t('demands.mine'), children: <MyDemands orgId={orgId} /> },
          ]}
        />
      ) : (
        search
      )}
    </>
  );
}

export function DemandNewPage() {
  const { t } = useTranslation('libraries');
  return (
    <>
      <PageTitle title={t('demands.newTitle')} />
      <DemandForm />
    </>
  );
}

export function DemandDetailPage() {
  const { demandId = '' } = useParams();
  const { orgId } = useActiveContext();
  return (
    <DemandDetail
      demandId={demandId}
      footer={(d) =>
        d.mine ? (
          <DemandMatchesCard orgId={d.orgId} demandId={d.id} published={d.status === 'published'} />
        ) : (
          // 联系需求方: a conversation between the demand's owner and this organisation
          <ChatButton orgId={orgId} kind="demand" contextId={d.id} />
        )
      }
    />
  );
}

export function MapPage() {
  const { t } = useTranslation('libraries');
  return (
    <>
      <PageTitle title={t('map.title')} subtitle={t('map.subtitle')} />
      <MapExplorer />
    </>
  );
}

export function StaffDemandReviewsPage() {
  const { t } = useTranslation('libraries');
  return (
    <>
      <PageTitle title={t('reviews.title')} subtitle={t('reviews.subtitle')} />
      <Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('reviews.subtitle')}
        </Typography.Paragraph>
        <ReviewQueue />
      </Card>
    </>
  );
}

/** 需求审核 one review, opened from the promises board's breaches (or a link): read-only, with the way to the queue. */
export function StaffDemandReviewPage() {
  const { t } = useTranslation('libraries');
  const { reviewId = '' } = useParams();
  const review = useReview(reviewId);
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  return (
    <>
      <PageTitle
        title={review.data?.demand.title ?? t('reviews.title')}
        subtitle={t('reviews.subtitle')}
        extra={
          review.data && !review.data.decision ? (
            <ButtonLink to="/staff/demand-reviews">{t('reviews.toQueue')}</ButtonLink>
          ) : null
        }
      />
      {review.data ? <ReviewCard review={review.data} /> : <LoadingState />}
    </>
  );
}
