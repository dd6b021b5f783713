import { VERIFICATION_STATUSES } from '@zhuhe/contracts';
import { Alert, App, Button, Card, Drawer, Flex, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { revealIdNumber, staffVerificationFileUrl, type VerificationData } from './verification.api';
import { useDecideVerification, useStaffVerifications } from './verification.queries';
import { VerificationStatusTag, VerificationSummary } from './verification-summary';

/** 实名核验审核 the reviewers' queue of organisation verifications. */
export function StaffVerificationsPanel() {
  const { t } = useTranslation('verification');
  const [status, setStatus] = useState<string | undefined>('pending');
  const [open, setOpen] = useState<VerificationData | null>(null);
  const [reasons, setReasons] = useState('');
  const query = useStaffVerifications(status);
  const decide = useDecideVerification();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const send = (decision: 'approve' | 'reject') => {
    if (!open) return;
    const list = reasons
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    if (decision === 'reject' && list.length === 0) {
      void message.error(t('reasonRequired'));
      return;
    }
    decide.mutate(
      { id: open.id, body: { decision, reasons: list } },
      {
        onSuccess: () => {
          setOpen(null);
          setReasons('');
        },
        onError: (error) => feedback.show(error),
      },
    );
  };

  return (
    <Card
      title={t('staffTitle')}
      extra={
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('filterStatus')}
          aria-label={t('filterStatus')}
          value={status}
          onChange={setStatus}
          options={VERIFICATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data ?? []}
        scroll={{ x: true }}
        onRow={(row) => ({ onClick: () => setOpen(row), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('organisation'), dataIndex: 'orgName' },
          { title: t('fields.creditCode'), render: (_, v) => v.licence.creditCode },
          { title: t('purpose.organisation'), render: (_, v) => t(`purpose.${v.purpose}`) },
          { title: t('filterStatus'), render: (_, v) => <VerificationStatusTag status={v.status} /> },
          { title: t('submittedAt'), render: (_, v) => formatDateTime(v.submittedAt) },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={open?.orgName}>
        {open ? (
          <Flex vertical gap={16}>
            <VerificationSummary
              verification={open}
              fileUrl={(fileId) => staffVerificationFileUrl(open.id, fileId)}
              reveal={() => revealIdNumber(open.id)}
            />
            {open.status === 'pending' && open.purpose === 'merchant' ? (
              <Alert type="info" showIcon title={t('merchantHint')} />
            ) : null}
            {open.status === 'pending' && open.purpose === 'organisation' ? (
              <>
                <Input.TextArea
                  rows={3}
                  placeholder={t('rejectReasons')}
                  value={reasons}
                  onChange={(e) => setReasons(e.target.value)}
                />
                <Flex gap={8}>
                  <Button type="primary" loading={decide.isPending} onClick={() => send('approve')}>
                    {t('actions.approve')}
                  </Button>
                  <Button danger loading={decide.isPending} onClick={() => send('reject')}>
                    {t('actions.reject')}
                  </Button>
                </Flex>
              </>
            ) : null}
          </Flex>
        ) : null}
      </Drawer>
    </Card>
  );
}
