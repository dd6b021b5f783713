import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import type { StepUpResultData } from './identity.api';
import { useMe, useStepUpMutation } from './identity.queries';

export interface StepUpModalProps {
  open: boolean;
  /** what the user is about to do, e.g. "签署合同 HT-2025-001" */
  reason?: ReactNode;
  onVerified: (result: StepUpResultData) => void;
  onCancel: () => void;
}

interface StepUpValues {
  code: string;
}

/**
 * 二次验证 step-up: asks for a fresh TOTP code before a sensitive action (signing, moving money). The server
 * remembers the verification until `stepUpUntil`.
 */
export function StepUpModal({ open, reason, onVerified, onCancel }: StepUpModalProps) {
  const { t } = useTranslation(['identity', 'common']);
  const { data: me } = useMe();
  const [form] = Form.useForm<StepUpValues>();
  const { messageOf } = useErrorFeedback();
  const mutation = useStepUpMutation();
  const totpEnabled = me?.user.totpEnabled ?? false;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onFinish = ({ code }: StepUpValues) => {
    mutation.mutate(code.trim(), {
      onSuccess: onVerified,
      onError: (error) => form.setFields([{ name: 'code', value: '', errors: [messageOf(error)] }]),
    });
  };

  return (
    <Modal
      open={open}
      title={
        <Flex gap={8} align="center">
          <SafetyCertificateOutlined />
          {t('stepUp.title')}
        </Flex>
      }
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
    >
      {reason ? <Typography.Paragraph strong>{reason}</Typography.Paragraph> : null}
      {totpEnabled ? (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Typography.Paragraph type="secondary">{t('stepUp.hint')}</Typography.Paragraph>
          <Form.Item
            name="code"
            label={t('fields.totpCode')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('validation.totpCodeFormat') }]}
          >
            <Input
              autoFocus
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              placeholder="123456"
              data-testid="step-up-code"
            />
          </Form.Item>
          <Flex gap={8} justify="end">
            <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {t('stepUp.submit')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('stepUp.needsTotp')}
          description={<Link to="/account/security">{t('stepUp.goToSecurity')}</Link>}
        />
      )}
    </Modal>
  );
}
