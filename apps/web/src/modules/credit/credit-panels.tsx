import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreditProfileView, RATING_ASPECTS, RatingView } from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Rate,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { formatDate } from '../../app/format-date';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { StarRating } from '../../app/star-rating';
import { useErrorFeedback } from '../../app/use-error-feedback';

const DISPUTE_LEVEL_KEYS: Record<number, 'disputeResults.level1' | 'disputeResults.level2' | 'disputeResults.level3'> =
  {
    1: 'disputeResults.level1',
    2: 'disputeResults.level2',
    3: 'disputeResults.level3',
  };
const DISPUTE_RESULT_COLOURS = { won: 'green', lost: 'red', split: 'gold', withdrawn: 'default' } as const;

const CreditHistoryChart = lazy(() =>
  import('./credit-history-chart').then((m) => ({ default: m.CreditHistoryChart })),
);

/** 信用档案 an organisation's rating; `staff` reads it through the staff route (any organisation). */
export function CreditProfilePanel({ orgId, staff = false }: { orgId: string; staff?: boolean }) {
  const { t } = useTranslation('credit');
  const bilingual = useBilingual();
  const query = useQuery({
    queryKey: ['credit', staff ? 'staff' : 'member', orgId],
    queryFn: () =>
      apiRequest('GET', staff ? `/api/staff/credit/${orgId}` : `/api/orgs/${orgId}/credit`, CreditProfileView),
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const p = query.data;
  const latest = p.latest;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={8}>
            <Typography.Text type="secondary">{t('grade')}</Typography.Text>
            <div style={{ fontSize: 44, fontWeight: 700, lineHeight: 1.2 }} data-testid="credit-grade">
              {p.grade ?? t('noGrade')}
            </div>
            <Space wrap>
              <Tag>{t(`source.${p.source}`)}</Tag>
              {latest ? <Tag color="blue">{t('score', { score: latest.score })}</Tag> : null}
              {latest?.thin ? <Tag color="orange">{t('thin')}</Tag> : null}
            </Space>
          </Col>
          <Col xs={24} md={16}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('gradeMeaning')}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('ratingsReceived', { n: p.ratingsReceived })}
            </Typography.Paragraph>
            {p.override ? (
              <Alert
                type="info"
                showIcon
                message={t('review', {
                  grade: p.override.grade,
                  until: p.override.expiresOn,
                  reason: p.override.reason,
                })}
              />
            ) : null}
            {latest?.thin ? <Alert type="warning" showIcon message={t('thinHint')} style={{ marginTop: 8 }} /> : null}
          </Col>
        </Row>
      </Card>
      {latest ? (
        <Row gutter={[16, 16]}>
          {latest.dimensions.map((d) => (
            <Col xs={24} md={12} xl={8} key={d.key}>
              <Card
                size="small"
                title={
                  <Space>
                    {t(`dimensions.${d.key}`)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('weight', { weight: d.weight })}
                    </Typography.Text>
                    {d.thin ? <Tag color="orange">{t('thin')}</Tag> : null}
                  </Space>
                }
                extra={<strong data-testid={`credit-dimension-${d.key}`}>{Math.round(d.score)}</strong>}
              >
                {d.indicators.map((i) => (
                  <div
                    key={i.key}
                    style={{ marginBottom: 8 }}
                    data-testid={`credit-indicator-${i.key}`}
                    data-score={Math.round(i.score)}
                  >
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                      <Typography.Text style={{ fontSize: 13 }}>{bilingual(i.label)}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {i.thin ? t('thin') : t('evidence', { n: i.evidence })}
                      </Typography.Text>
                    </div>
                    <Progress
                      percent={Math.round(i.score)}
                      aria-label={bilingual(i.label)}
                      size="small"
                      status={i.score < 60 ? 'exception' : 'normal'}
                    />
                  </div>
                ))}
              </Card>
            </Col>
          ))}
        </Row>
      ) : (
        <Card>
          <Empty description={t('noGrade')} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('history')}>
            {p.history.length ? (
              <Suspense fallback={<LoadingState minHeight={220} />}>
                <CreditHistoryChart history={p.history} />
              </Suspense>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('explanation')} style={{ marginBottom: 16 }}>
            {latest?.explanation.length ? (
              <List
                size="small"
                dataSource={latest.explanation}
                renderItem={(m) => (
                  <List.Item data-testid="credit-explanation">
                    <span>{bilingual(m.label)}</span>
                    <Tag color={m.delta < 0 ? 'red' : 'green'}>
                      {m.delta > 0 ? '+' : ''}
                      {m.delta}
                    </Tag>
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">{t('noMoves')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('disputeResults.title')} style={{ marginBottom: 16 }}>
            {p.disputeResults.length ? (
              <List
                size="small"
                dataSource={p.disputeResults}
                renderItem={(d) => (
                  <List.Item data-testid="credit-dispute-result">
                    <Space direction="vertical" size={0}>
                      <Space size={6} wrap>
                        <Tag color={DISPUTE_RESULT_COLOURS[d.result]}>{t(`disputeResults.${d.result}`)}</Tag>
                        <Typography.Text>{t(DISPUTE_LEVEL_KEYS[d.level] ?? 'disputeResults.level1')}</Typography.Text>
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDate(d.decidedAt)} · {t('disputeResults.counts', { month: d.countsInMonth })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">{t('disputeResults.none')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('advice')}>
            <List size="small" dataSource={p.advice} renderItem={(a) => <List.Item>{bilingual(a)}</List.Item>} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

const Ratings = z.object({ items: z.array(RatingView) });

/** 评价 the rating form after a signed contract, and both sides' ratings once given. */
export function ContractRatingCard({
  orgId,
  contractId,
  counterpartyOrgId,
  canRate,
}: {
  orgId: string;
  contractId: string;
  counterpartyOrgId: string;
  canRate: boolean;
}) {
  const { t } = useTranslation('credit');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const key = ['credit-ratings', orgId, contractId];
  const query = useQuery({
    queryKey: key,
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/contracts/${contractId}/ratings`, Ratings),
  });
  const submit = useMutation({
    mutationFn: (values: Record<string, number | string>) =>
      apiRequest('POST', `/api/orgs/${orgId}/credit/ratings`, RatingView, {
        body: {
          contractId,
          ratedOrgId: counterpartyOrgId,
          stars: Object.fromEntries(RATING_ASPECTS.map((a) => [a, values[a] ?? 0])),
          comment: values.comment ?? '',
        },
      }),
    onSuccess: () => {
      message.success(t('rate.done'));
      void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => feedback.show(e),
  });
  if (query.isError || !query.data) return null;
  const mine = query.data.items.find((r) => r.raterOrgId === orgId);
  const theirs = query.data.items.find((r) => r.raterOrgId !== orgId);
  const show = (r: z.infer<typeof RatingView>, title: string) => (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Space wrap style={{ display: 'flex' }}>
        {RATING_ASPECTS.map((a) => (
          <span key={a}>
            {t(`rate.aspects.${a}`)} <Rate disabled value={r.stars[a]} style={{ fontSize: 14 }} />
          </span>
        ))}
      </Space>
      {r.comment ? <Typography.Paragraph type="secondary">{r.comment}</Typography.Paragraph> : null}
    </div>
  );
  return (
    <Card size="small" title={t('rate.title')} style={{ marginTop: 16 }} data-testid="contract-rating">
      {mine ? show(mine, t('rate.given')) : null}
      {theirs ? show(theirs, t('rate.received')) : null}
      {!mine && canRate ? (
        <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
          <Row gutter={16}>
            {RATING_ASPECTS.map((a) => (
              <Col xs={12} md={6} key={a}>
                <Form.Item name={a} label={t(`rate.aspects.${a}`)} rules={[{ required: true }]}>
                  <StarRating label={t(`rate.aspects.${a}`)} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name="comment" label={t('rate.comment')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('rate.once')}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            {t('rate.submit')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
