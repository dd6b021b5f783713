import { CheckCircleFilled, SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Input, QRCode, Row, Steps, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { enableTotp, regenerateRecoveryCodes, setupTotp, type TotpSetupData } from './identity.api';
import { identityKeys, useAuthedMe } from './identity.queries';
import { RecoveryCodesPanel } from './recovery-codes-panel';

interface CodeValues {
  code: string;
}

function TotpCodeField({ label }: { label: string }) {
  const { t } = useTranslation(['identity', 'common']);
  return (
    <Form.Item
      name="code"
      label={label}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('validation.totpCodeFormat') }]}
    >
      <Input
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={6}
        placeholder="123456"
        style={{ maxWidth: 200 }}
        data-testid="totp-code"
      />
    </Form.Item>
  );
}

/** 双因素认证 two-factor authentication: set-up (scan, confirm, save recovery codes) and recovery-code renewal. */
export function TwoFactorCard() {
  const { t } = useTranslation(['identity', 'common']);
  const me = useAuthedMe();
  const queryClient = useQueryClient();
  const feedback = useErrorFeedback();
  const [setup, setSetup] = useState<TotpSetupData | null>(null);
  const [issued, setIssued] = useState<{ codes: string[]; from: 'enable' | 'renew' } | null>(null);
  const [enableForm] = Form.useForm<CodeValues>();
  const [renewForm] = Form.useForm<CodeValues>();

  const setupMutation = useMutation({ mutationFn: setupTotp, onSuccess: setSetup, onError: feedback.show });
  const enableMutation = useMutation({ mutationFn: enableTotp });
  const renewMutation = useMutation({ mutationFn: regenerateRecoveryCodes });

  const codeError = (form: typeof enableForm) => (error: unknown) =>
    form.setFields([{ name: 'code', value: '', errors: [feedback.messageOf(error)] }]);

  const enable = ({ code }: CodeValues) =>
    enableMutation.mutate(code, {
      onSuccess: ({ recoveryCodes: codes }) => {
        setIssued({ codes, from: 'enable' });
        setSetup(null);
        void queryClient.invalidateQueries({ queryKey: identityKeys.me });
      },
      onError: codeError(enableForm),
    });

  const renew = ({ code }: CodeValues) =>
    renewMutation.mutate(code, {
      onSuccess: ({ recoveryCodes: codes }) => {
        setIssued({ codes, from: 'renew' });
        renewForm.resetFields();
      },
      onError: codeError(renewForm),
    });

  const enabled = me.user.totpEnabled;
  const showSteps = !enabled || issued?.from === 'enable';
  const step = issued?.from === 'enable' ? 2 : setup ? 1 : 0;

  let body: ReactNode;
  if (issued) {
    body = <RecoveryCodesPanel codes={issued.codes} onDone={() => setIssued(null)} />;
  } else if (enabled) {
    body = (
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0 }}>
          <CheckCircleFilled style={{ color: '#16a34a', marginRight: 8 }} />
          {t('totp.enabledText')}
        </Typography.Paragraph>
        <Card type="inner" title={t('totp.renewTitle')} size="small">
          <Typography.Paragraph type="secondary">{t('totp.renewHint')}</Typography.Paragraph>
          <Form form={renewForm} layout="vertical" requiredMark={false} onFinish={renew}>
            <TotpCodeField label={t('fields.totpCode')} />
            <Button htmlType="submit" loading={renewMutation.isPending}>
              {t('totp.renewSubmit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    );
  } else if (setup) {
    body = (
      <Row gutter={[24, 16]}>
        <Col xs={24} md={10}>
          <Flex vertical align="center" gap={12}>
            <QRCode value={setup.otpauthUrl} size={196} bordered />
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {t('totp.scanHint')}
            </Typography.Text>
          </Flex>
        </Col>
        <Col xs={24} md={14}>
          <Typography.Paragraph>{t('totp.manualHint')}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: setup.secret }}>
            <Typography.Text code style={{ fontSize: 15, wordBreak: 'break-all' }}>
              <span data-testid="totp-secret">{setup.secret}</span>
            </Typography.Text>
          </Typography.Paragraph>
          <Form form={enableForm} layout="vertical" requiredMark={false} onFinish={enable}>
            <TotpCodeField label={t('totp.confirmLabel')} />
            <Flex gap={8} wrap>
              <Button type="primary" htmlType="submit" loading={enableMutation.isPending}>
                {t('totp.enableSubmit')}
              </Button>
              <Button onClick={() => setSetup(null)}>{t('common:actions.cancel')}</Button>
            </Flex>
          </Form>
        </Col>
      </Row>
    );
  } else {
    body = (
      <Flex vertical gap={16} align="flex-start">
        <Alert type="info" showIcon title={t('totp.whyTitle')} description={t('totp.whyText')} />
        <Button
          type="primary"
          icon={<SafetyOutlined />}
          loading={setupMutation.isPending}
          onClick={() => setupMutation.mutate()}
        >
          {t('totp.start')}
        </Button>
      </Flex>
    );
  }

  return (
    <Card
      title={t('totp.title')}
      extra={
        enabled ? <Tag color="success">{t('totp.statusOn')}</Tag> : <Tag color="default">{t('totp.statusOff')}</Tag>
      }
    >
      {showSteps ? (
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t('totp.stepStart') }, { title: t('totp.stepScan') }, { title: t('totp.stepSave') }]}
        />
      ) : null}
      {body}
    </Card>
  );
}
