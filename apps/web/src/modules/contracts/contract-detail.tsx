import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, isInFuture } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { OrgGradeBadge } from '../credit';
import { useStepUp } from '../identity';
import { ContractFields, fromVariables, toVariables } from './contract-fields';
import { signedPdfUrl } from './contracts.api';
import { useContract, useDiff, useProposeVersion, useSignVersion, useTemplates } from './contracts.queries';

/** One contract: parties, signing state, versions with diffs, proposing a version, signing with step-up. */
export function ContractDetail({
  orgId,
  contractId,
  canSign,
}: {
  orgId: string;
  contractId: string;
  canSign: boolean;
}) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const contract = useContract(orgId, contractId);
  const templates = useTemplates();
  const sign = useSignVersion(orgId, contractId);
  const propose = useProposeVersion(orgId, contractId);
  const feedback = useErrorFeedback();
  const { ensureStepUp, stepUpModal } = useStepUp();
  const [diffFrom, setDiffFrom] = useState<{ to: number; from: number } | null>(null);
  const diff = useDiff(orgId, contractId, diffFrom?.to ?? 1, diffFrom?.from ?? null);
  const [proposing, setProposing] = useState(false);
  const [form] = Form.useForm();

  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  if (!contract.data) return <LoadingState />;
  const c = contract.data;
  const template = templates.data?.find((x) => x.kind === c.kind);
  const current = c.versions.find((v) => v.no === c.currentVersion);
  const mySignature = c.signatures.find((s) => s.orgId === orgId);
  const signedCurrent = c.signed?.versionNo === c.currentVersion;

  const onSign = async () => {
    if (!(await ensureStepUp(t('detail.signReason')))) return;
    try {
      await sign.mutateAsync(c.currentVersion);
      message.success(t('detail.signedOk'));
    } catch (error) {
      feedback.show(error);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {stepUpModal}
      {c.signed ? (
        <Alert
          type="success"
          showIcon
          message={t('detail.signedInfo', {
            no: c.signed.versionNo,
            time: formatDateTime(c.signed.signedAt),
            sha: `${c.signed.sha256.slice(0, 16)}…`,
          })}
          action={
            <Space wrap>
              <Button href={signedPdfUrl(orgId, c.id)} target="_blank" data-testid="signed-pdf">
                {t('detail.signedPdf')}
              </Button>
              <Link to="/verify">{t('detail.verifyLink')}</Link>
            </Space>
          }
        />
      ) : null}
      <Card title={t('detail.parties')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {c.parties.map((p) => (
            <Descriptions.Item key={p.orgId} label={p.role === 'party_a' ? t('detail.partyA') : t('detail.partyB')}>
              {p.orgName}（{p.creditCode}） <OrgGradeBadge orgId={p.orgId} />
            </Descriptions.Item>
          ))}
        </Descriptions>
        {c.amendmentCount > 0 ? <Tag>{t('detail.amendments', { count: c.amendmentCount })}</Tag> : null}
      </Card>
      <Card
        title={t('detail.signatures')}
        extra={
          canSign && !signedCurrent && !mySignature ? (
            <Button type="primary" onClick={() => void onSign()} loading={sign.isPending} data-testid="sign-contract">
              {t('detail.sign', { no: c.currentVersion })}
            </Button>
          ) : null
        }
      >
        {c.signingDueAt ? (
          <Alert
            type={isInFuture(c.signingDueAt) ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="signing-due"
            message={t(isInFuture(c.signingDueAt) ? 'detail.signingDue' : 'detail.signingOverdue', {
              time: formatDateTime(c.signingDueAt),
            })}
          />
        ) : null}
        <List
          dataSource={c.parties}
          renderItem={(p) => {
            const s = c.signatures.find((x) => x.orgId === p.orgId);
            return (
              <List.Item>
                <Space wrap>
                  <Typography.Text>{p.orgName}</Typography.Text>
                  {s || signedCurrent ? (
                    <Tag color="success">
                      {t('detail.signed')}
                      {s ? ` · ${s.signerName} · ${formatDateTime(s.signedAt)}` : ''}
                    </Tag>
                  ) : (
                    <Tag>{t('detail.waiting')}</Tag>
                  )}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      <Card
        title={t('detail.versions')}
        extra={
          canSign && template ? (
            <Button
              onClick={() => {
                form.setFieldsValue(fromVariables(template, current?.variables ?? {}));
                setProposing(true);
              }}
            >
              {c.signed ? t('detail.newVersionAmend') : t('detail.newVersion')}
            </Button>
          ) : null
        }
      >
        <Table
          rowKey="no"
          size="small"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={[...c.versions].reverse()}
          columns={[
            {
              title: '#',
              dataIndex: 'no',
              render: (no: number) =>
                no === c.currentVersion ? (
                  <Tag color="blue">{t('detail.version', { no })}</Tag>
                ) : (
                  t('detail.version', { no })
                ),
            },
            { title: t('detail.proposedBy'), render: (_, v) => `${v.proposedBy.orgName} · ${v.proposedBy.userName}` },
            { title: t('detail.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
            { title: '', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            {
              title: '',
              render: (_, v) =>
                v.no > 1 ? (
                  <Button size="small" onClick={() => setDiffFrom({ to: v.no, from: v.no - 1 })}>
                    {t('detail.compare')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={diffFrom !== null}
        onCancel={() => setDiffFrom(null)}
        footer={null}
        width={760}
        title={diffFrom ? t('detail.diffTitle', diffFrom) : ''}
      >
        {(diff.data?.lines ?? []).map((line, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: diff lines have no identity besides their position
            key={i}
            style={{
              whiteSpace: 'pre-wrap',
              padding: '2px 8px',
              background: line.op === 'add' ? '#f6ffed' : line.op === 'del' ? '#fff1f0' : undefined,
              textDecoration: line.op === 'del' ? 'line-through' : undefined,
            }}
          >
            {line.op === 'add' ? '+ ' : line.op === 'del' ? '− ' : '  '}
            {line.text}
          </div>
        ))}
      </Modal>
      <Modal
        open={proposing}
        onCancel={() => setProposing(false)}
        title={c.signed ? t('detail.newVersionAmend') : t('detail.newVersion')}
        okText={t('detail.proposeSubmit')}
        confirmLoading={propose.isPending}
        onOk={() => form.submit()}
        width={720}
      >
        {template ? (
          <Form
            form={form}
            layout="vertical"
            onFinish={async (values: Record<string, unknown>) => {
              try {
                await propose.mutateAsync({
                  variables: toVariables(template, values),
                  note: values.note ? String(values.note) : undefined,
                });
                setProposing(false);
              } catch (error) {
                feedback.show(error);
              }
            }}
          >
            <Form.Item name="note" label={t('detail.proposeNote')}>
              <Input maxLength={500} />
            </Form.Item>
            <ContractFields template={template} />
          </Form>
        ) : null}
      </Modal>
    </Space>
  );
}
