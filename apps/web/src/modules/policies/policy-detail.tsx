import { useQuery } from '@tanstack/react-query';
import type { PolicyDetail as PolicyDetailData, PolicyVersion } from '@zhuhe/contracts';
import { Alert, Button, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { fetchPolicy, fetchPolicyVersion, pdfUrl, policyKeys } from './policies.api';
import { PolicyStatusTag } from './policy-tags';

/** One key point a line; a leading "1." or "（一）" is dropped, the list numbers them. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().replace(/^(\d+[.、．)]|[（(][一二三四五六七八九十\d]+[)）])\s*/u, ''))
    .filter(Boolean);

function Interpretation({ version }: { version: PolicyVersion }) {
  const { t } = useTranslation('policies');
  return (
    <Card title={t('detail.interpretation')} size="small" data-testid="policy-interpretation">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('detail.interpretationBy')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('fields.keyPoints')}</Typography.Title>
      <ol style={{ paddingInlineStart: 20, marginTop: 0 }}>
        {lines(version.keyPoints).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <Typography.Title level={5}>{t('fields.impact')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{version.impact}</Typography.Paragraph>
      <Typography.Title level={5}>{t('fields.affected')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {version.affected}
      </Typography.Paragraph>
    </Card>
  );
}

function VersionView({ policyId, version }: { policyId: string; version: PolicyVersion }) {
  const { t } = useTranslation('policies');
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('fields.issuer')}>{version.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('fields.docNumber')}>{version.docNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.issueDate')}>{version.issueDate}</Descriptions.Item>
        <Descriptions.Item label={t('fields.effectiveDate')}>{version.effectiveDate}</Descriptions.Item>
        <Descriptions.Item label={t('fields.expiryDate')}>{version.expiryDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.region')}>
          {version.regionCode ? version.regionName : t('nationwide')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.category')}>{t(`categories.${version.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.tags')}>
          <Flex gap={4} wrap>
            {version.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      <Interpretation version={version} />
      <Card
        size="small"
        title={t('detail.fullText')}
        extra={
          version.pdf ? (
            <a href={pdfUrl(policyId, version.versionNo)} target="_blank" rel="noreferrer">
              {t('detail.downloadPdf')}
            </a>
          ) : null
        }
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {version.fullText}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}

function Versions({ policy, viewing }: { policy: PolicyDetailData; viewing: number }) {
  const { t } = useTranslation('policies');
  const [, setParams] = useSearchParams();
  return (
    <Card size="small" title={t('detail.versions')} data-testid="policy-versions">
      <List
        size="small"
        dataSource={policy.versions}
        renderItem={(v) => (
          <List.Item
            actions={[
              v.versionNo === viewing ? (
                <Tag key="on" color="processing">
                  {v.versionNo === policy.versionNo ? t('detail.current') : '✓'}
                </Tag>
              ) : (
                <Button
                  key="view"
                  size="small"
                  type="link"
                  onClick={() => setParams(v.versionNo === policy.versionNo ? {} : { version: String(v.versionNo) })}
                >
                  {t('detail.version', { n: v.versionNo })}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={t('detail.version', { n: v.versionNo })}
              description={`${v.changeNote || t('detail.noChangeNote')} · ${v.editedBy} · ${formatDateTime(v.editedAt)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 政策详情: the version in force (or an earlier one, ?version=n), its interpretation, full text, PDF and versions. */
export function PolicyDetail({ policyId }: { policyId: string }) {
  const { t } = useTranslation('policies');
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('version') ?? 0) || null;
  const policy = useQuery({ queryKey: policyKeys.detail(policyId), queryFn: () => fetchPolicy(policyId) });
  const earlier = useQuery({
    queryKey: policyKeys.version(policyId, asked ?? 0),
    queryFn: () => fetchPolicyVersion(policyId, asked as number),
    enabled: asked !== null && asked !== policy.data?.versionNo,
  });
  if (policy.isLoading) return <LoadingState />;
  if (policy.isError || !policy.data) return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  const data = policy.data;
  const showing = asked !== null && asked !== data.versionNo ? earlier.data : data.current;
  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={4}>
        <Link to="/policies">← {t('detail.back')}</Link>
        <Flex gap={8} wrap align="center">
          {/* the page's one <h1>, at the size the page had */}
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {showing?.title ?? data.title}
          </Typography.Title>
          <PolicyStatusTag status={data.status} />
          <Tag>{t('detail.version', { n: showing?.versionNo ?? data.versionNo })}</Tag>
        </Flex>
      </Flex>
      {data.withdrawal ? (
        <Alert
          type="error"
          showIcon
          message={t('detail.withdrawn', { at: formatDate(data.withdrawal.at), reason: data.withdrawal.reason })}
        />
      ) : null}
      {asked !== null && asked !== data.versionNo ? (
        <Alert
          type="warning"
          showIcon
          message={t('detail.viewing', { n: asked })}
          action={
            <Button size="small" onClick={() => setParams({})}>
              {t('detail.backToCurrent')}
            </Button>
          }
        />
      ) : null}
      {earlier.isError ? <ErrorState error={earlier.error} /> : null}
      {showing ? <VersionView policyId={policyId} version={showing} /> : <LoadingState />}
      <Versions policy={data} viewing={showing?.versionNo ?? data.versionNo} />
      <Link
        to={`/policy-subscriptions?category=${data.category}${data.regionCode ? `&region=${data.regionCode}` : ''}`}
      >
        {t('detail.subscribe')}
      </Link>
    </Flex>
  );
}
