import { Alert, Button, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { formatWanYuan } from '../../app/format-money';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { DocumentLink } from './document-upload';
import type { VerificationData } from './verification.api';
import { VerificationChecks } from './verification-checks';

const CREDENTIAL_COLOURS = { valid: 'success', expiring: 'warning', expired: 'error' } as const;
const STATUS_COLOURS = {
  needs_correction: 'warning',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  superseded: 'default',
} as const;

export function VerificationStatusTag({ status }: { status: VerificationData['status'] }) {
  const { t } = useTranslation('verification');
  return <Tag color={STATUS_COLOURS[status]}>{t(`status.${status}`)}</Tag>;
}

interface SummaryProps {
  verification: VerificationData;
  /** where a document of this submission can be read (the organisation's or the reviewer's route) */
  fileUrl: (fileId: string) => string;
  /** reviewers only: fetches the full ID number (audited) */
  reveal?: () => Promise<string>;
}

/** 核验材料 what was submitted, with document previews, validity and the automatic checks. */
export function VerificationSummary({ verification: v, fileUrl, reveal }: SummaryProps) {
  const { t } = useTranslation('verification');
  const feedback = useErrorFeedback();
  const [fullNumber, setFullNumber] = useState<string | null>(null);
  const credential = (status: keyof typeof CREDENTIAL_COLOURS) => (
    <Tag color={CREDENTIAL_COLOURS[status]}>{t(`credential.${status}`)}</Tag>
  );
  const url = (file: { id: string } | null) => (file ? fileUrl(file.id) : null);

  return (
    <Flex vertical gap={16}>
      {v.decision ? (
        <Alert
          type={v.decision.decision === 'approve' ? 'success' : 'error'}
          showIcon
          title={`${t('decision')}：${t(v.decision.decision === 'approve' ? 'status.approved' : 'status.rejected')} · ${t('decidedBy')} ${v.decision.decidedBy} · ${formatDateTime(v.decision.decidedAt)}`}
          description={v.decision.reasons.length ? `${t('reasons')}：${v.decision.reasons.join('；')}` : undefined}
        />
      ) : null}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t('sections.licence')}>
        <Descriptions.Item label={t('fields.creditCode')}>{v.licence.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t('fields.companyName')}>{v.licence.companyName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.legalRepresentative')}>{v.licence.legalRepresentative}</Descriptions.Item>
        <Descriptions.Item label={t('fields.capitalWan')}>
          {formatWanYuan(v.licence.registeredCapitalFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.address')}>{v.licence.address}</Descriptions.Item>
        <Descriptions.Item label={t('fields.validUntil')}>
          {v.licence.validFrom} ~ {v.licence.validUntil ?? '长期'} {credential(v.licence.status)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.licenceFile')} span={2}>
          <DocumentLink file={v.licence.file} url={url(v.licence.file)} />
        </Descriptions.Item>
      </Descriptions>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t('sections.idCard')}>
        <Descriptions.Item label={t('fields.idName')}>{v.idCard.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idNumber')}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text code data-testid="id-number">
              {fullNumber ?? v.idCard.numberMasked}
            </Typography.Text>
            {reveal && !fullNumber ? (
              <Button
                size="small"
                onClick={() =>
                  reveal()
                    .then(setFullNumber)
                    .catch((error: unknown) => feedback.show(error))
                }
              >
                {t('actions.reveal')}
              </Button>
            ) : null}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.birthDate')}>{v.idCard.birthDate}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idValidUntil')}>
          {v.idCard.validUntil ?? '长期'} {credential(v.idCard.status)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.idFront')}>
          <DocumentLink file={v.idCard.frontFile} url={url(v.idCard.frontFile)} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.idBack')}>
          <DocumentLink file={v.idCard.backFile} url={url(v.idCard.backFile)} />
        </Descriptions.Item>
      </Descriptions>
      {reveal ? <Typography.Text type="secondary">{t('maskedHint')}</Typography.Text> : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        title={() => <Typography.Text strong>{t('sections.qualifications')}</Typography.Text>}
        dataSource={v.qualifications}
        columns={[
          { title: t('fields.qualKind'), render: (_, q) => t(`kinds.${q.kind}`) },
          { title: t('fields.qualCategory'), dataIndex: 'category' },
          { title: t('fields.qualGrade'), render: (_, q) => t(`grades.${q.grade}`) },
          { title: t('fields.qualNumber'), dataIndex: 'number' },
          { title: t('fields.qualIssuer'), dataIndex: 'issuer' },
          {
            title: t('fields.qualValidUntil'),
            render: (_, q) => (
              <>
                {q.validUntil} {credential(q.status)}
              </>
            ),
          },
          { title: t('documents'), render: (_, q) => <DocumentLink file={q.file} url={url(q.file)} /> },
        ]}
      />
      <VerificationChecks checks={v.checks} />
    </Flex>
  );
}
