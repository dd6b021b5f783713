import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpertApplication } from '@zhuhe/contracts';
import { App, Button, Card, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { SpecialityTags } from './expert-parts';
import {
  certificateUrl,
  decideApplication,
  type ExpertStatus,
  expertKeys,
  fetchStaffApplications,
} from './experts.api';

const STATUS_COLOR = { pending: 'processing', verified: 'success', rejected: 'error' } as const;

function ApplicationCard({ application }: { application: ExpertApplication }) {
  const { t } = useTranslation('experts');
  const [reason, setReason] = useState('');
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'verified' | 'rejected') => decideApplication(application.id, decision, reason),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: expertKeys.all });
      void message.success(t('staff.decided'));
    },
    onError: feedback.show,
  });
  return (
    <Card size="small" data-testid="expert-application">
      <Flex vertical gap={6}>
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>{application.name}</Typography.Text>
          <Typography.Text>{application.title}</Typography.Text>
          <Tag color={STATUS_COLOR[application.status]}>{t(`apply.status.${application.status}`)}</Tag>
        </Flex>
        <Typography.Text type="secondary">
          {application.employer} · {t('expert.years', { count: application.years })} ·{' '}
          {application.regions.map((r) => r.name).join('、')} ·{' '}
          {application.feeYuan === null ? t('expert.free') : t('expert.fee', { fee: application.feeYuan })} ·{' '}
          {t('staff.submittedAt', { at: formatDateTime(application.submittedAt) })}
        </Typography.Text>
        <Flex gap={4} wrap>
          <SpecialityTags specialities={application.specialities} />
        </Flex>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{application.bio}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Typography.Text>{t('staff.certificates')}：</Typography.Text>
          {application.certificates.map((c) => (
            <a key={c.id} href={certificateUrl(application.id, c.id)} target="_blank" rel="noreferrer">
              {c.name}
            </a>
          ))}
        </Flex>
        {application.status === 'pending' ? (
          <Flex vertical gap={8}>
            <Input.TextArea
              aria-label={t('staff.reason')}
              placeholder={t('staff.reason')}
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Flex gap={8} wrap>
              <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate('verified')}>
                {t('staff.verify')}
              </Button>
              <Button danger loading={decide.isPending} onClick={() => decide.mutate('rejected')}>
                {t('staff.reject')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <Typography.Text type="secondary">
            {t('apply.reason')}：{application.decisionReason} · {application.decidedBy} ·{' '}
            {formatDateTime(application.decidedAt)}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** 专家认证审核 reviewers verify or refuse applications with a reason; admins look on. */
export function StaffExpertReview() {
  const { t } = useTranslation('experts');
  const [status, setStatus] = useState<ExpertStatus | 'all'>('pending');
  const result = useQuery({
    queryKey: expertKeys.staff(status),
    queryFn: () => fetchStaffApplications(status === 'all' ? undefined : status),
  });
  return (
    <Flex vertical gap={12}>
      <Segmented
        aria-label={t('staff.status')}
        value={status}
        onChange={(v) => setStatus(v as ExpertStatus | 'all')}
        options={[
          { value: 'pending', label: t('apply.status.pending') },
          { value: 'verified', label: t('apply.status.verified') },
          { value: 'rejected', label: t('apply.status.rejected') },
          { value: 'all', label: t('staff.all') },
        ]}
      />
      {result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : (result.data?.items.length ?? 1) === 0 ? (
        <Empty description={t('staff.empty')} />
      ) : (
        (result.data?.items ?? []).map((a) => <ApplicationCard key={a.id} application={a} />)
      )}
    </Flex>
  );
}
