import { PROVINCES } from '@zhuhe/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Radio, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { type Language, useLanguage } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { takeDown } from '../compliance';
import { DocumentLink, revealIdNumber, VerificationSummary } from '../verification';
import { MerchantHistory, MerchantSteps, StageTag } from './merchant-progress';
import * as api from './merchants.api';
import { useStaffAction, useStaffApplication } from './merchants.queries';

const regionName = (code: string, language: Language) => {
  const found = PROVINCES.find(([c]) => c === code);
  return found ? (language === 'zh-CN' ? found[1] : found[2]) : code;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function DecisionCard({ application: a }: { application: api.MerchantApplicationData }) {
  const { t } = useTranslation('merchants');
  const [tier, setTier] = useState<'brand' | 'potential' | undefined>(a.tier ?? undefined);
  const [reasons, setReasons] = useState('');
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const decide = useStaffAction(a.id, (body: Parameters<typeof api.decide>[1]) => api.decide(a.id, body));
  const send = (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && lines(reasons).length === 0) return void message.error(t('review.reasonRequired'));
    if (decision === 'approve' && !tier) return void message.error(t('review.tierRequired'));
    decide.mutate(
      { decision, reasons: lines(reasons), ...(decision === 'approve' ? { tier } : {}) },
      { onError: feedback.show },
    );
  };
  return (
    <Card title={t('review.decision')} size="small" data-testid="decision-card">
      <Flex vertical gap={12}>
        <Radio.Group
          value={tier}
          onChange={(e) => setTier(e.target.value)}
          options={[
            { value: 'brand', label: t('tiers.brand') },
            { value: 'potential', label: t('tiers.potential') },
          ]}
        />
        <Input.TextArea
          rows={3}
          placeholder={t('review.reasons')}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
        <Flex gap={8}>
          <Button type="primary" loading={decide.isPending} onClick={() => send('approve')}>
            {t('review.approve')}
          </Button>
          <Button danger loading={decide.isPending} onClick={() => send('reject')}>
            {t('review.reject')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function InspectionCard({ application: a }: { application: api.MerchantApplicationData }) {
  const { t } = useTranslation('merchants');
  const feedback = useErrorFeedback();
  const video = useRef<HTMLInputElement>(null);
  const [notes, setNotes] = useState('');
  const schedule = useStaffAction(a.id, (body: { scheduledFor: string; inspector: string }) =>
    api.scheduleInspection(a.id, body),
  );
  const upload = useStaffAction(a.id, (file: File) => api.uploadInspectionVideo(a.id, file));
  const result = useStaffAction(a.id, (r: 'passed' | 'failed') => api.recordInspection(a.id, { result: r, notes }));
  return (
    <Card title={t('review.inspection')} size="small">
      <Alert type="info" showIcon title={t('review.secondReviewer')} style={{ marginBottom: 12 }} />
      <Form
        layout="inline"
        onFinish={(v) => schedule.mutate(v, { onError: feedback.show })}
        style={{ rowGap: 8, marginBottom: 12 }}
        initialValues={{ scheduledFor: a.inspection?.scheduledFor, inspector: a.inspection?.inspector }}
      >
        <Form.Item name="scheduledFor" label={t('review.scheduledFor')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="inspector" label={t('review.inspector')} rules={[{ required: true, min: 2 }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Button htmlType="submit" loading={schedule.isPending}>
          {t('review.schedule')}
        </Button>
      </Form>
      {a.inspection ? (
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('review.video')}：</Typography.Text>
            <DocumentLink
              file={a.inspection.video}
              url={a.inspection.video ? api.staffApplicationFileUrl(a.id, a.inspection.video.id) : null}
            />
            <input
              ref={video}
              type="file"
              accept="video/*"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload.mutate(file, { onError: feedback.show });
              }}
            />
            <Button loading={upload.isPending} onClick={() => video.current?.click()}>
              {t('review.uploadVideo')}
            </Button>
          </Flex>
          <Input.TextArea
            rows={2}
            placeholder={t('review.notes')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <Flex gap={8}>
            <Button
              type="primary"
              loading={result.isPending}
              onClick={() => result.mutate('passed', { onError: feedback.show })}
            >
              {t('review.passed')}
            </Button>
            <Button
              danger
              loading={result.isPending}
              onClick={() => result.mutate('failed', { onError: feedback.show })}
            >
              {t('review.failed')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Card>
  );
}

function TakedownCard({ application: a, onDone }: { application: api.MerchantApplicationData; onDone: () => void }) {
  const { t } = useTranslation('compliance');
  const [reason, setReason] = useState('');
  const feedback = useErrorFeedback();
  if (a.takedown) return <Alert type="error" showIcon title={`${t('takedowns.title')}：${a.takedown.reason}`} />;
  return (
    <Card size="small" title={t('takedowns.create')}>
      <Flex gap={8} wrap>
        <Input
          style={{ flex: 1, minWidth: 200 }}
          placeholder={t('takedowns.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button
          danger
          disabled={reason.trim().length < 4}
          onClick={() =>
            takeDown({ subjectKind: 'merchant_profile', orgId: a.orgId, subjectId: a.id, reason: reason.trim() })
              .then(onDone)
              .catch(feedback.show)
          }
        >
          {t('takedowns.create')}
        </Button>
      </Flex>
    </Card>
  );
}

/** 入驻审核 a reviewer's view of one application: documents, checks, decision, inspection, history. */
export function MerchantReviewPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('merchants');
  const language = useLanguage();
  const query = useStaffApplication(applicationId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  return (
    <Flex vertical gap={16}>
      <Card title={`${a.orgName} · ${a.shopName}`} extra={<StageTag stage={a.stage} />}>
        <MerchantSteps application={a} />
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('fields.category')}>
            {a.category.name[language]} {a.category.key ? `（${t('fields.key')}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.tier')}>{a.tier ? t(`tiers.${a.tier}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.regions')}>
            {a.serviceRegions.map((code) => regionName(code, language)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('submittedAt')}>{formatDateTime(a.firstSubmittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('sla.feedbackDue')}>{formatDateTime(a.sla.feedbackDueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('sla.cycleDue')}>
            {formatDateTime(a.sla.cycleDueAt)} · {t('sla.elapsed', { days: a.sla.elapsedWorkingDays })}
            {a.sla.overdue ? <Typography.Text type="danger"> · {t('sla.overdue')}</Typography.Text> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.profile')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.profile}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
        {a.reviewReasons.length ? (
          <Alert type="warning" title={`${t('reasons')}：${a.reviewReasons.join('；')}`} />
        ) : null}
      </Card>
      {a.stage === 'in_review' ? <DecisionCard application={a} /> : null}
      {a.stage === 'inspection' ? <InspectionCard application={a} /> : null}
      <Card title={t('review.documents')}>
        <VerificationSummary
          verification={a.verification}
          fileUrl={(fileId) => api.staffApplicationFileUrl(a.id, fileId)}
          reveal={() => revealIdNumber(a.verification.id)}
        />
      </Card>
      <TakedownCard application={a} onDone={() => void query.refetch()} />
      <Card title={t('history')}>
        <MerchantHistory application={a} />
      </Card>
    </Flex>
  );
}
