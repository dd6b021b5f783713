import { STAFF_ROLES, type StaffRole } from '@zhuhe/contracts';
import { Alert, Form, Modal, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBilingual } from '../../app/language';
import { useErrorFeedback } from '../../app/use-error-feedback';
import type { DualControlRequestData, StaffUserData } from './staff.api';
import { useRequestStaffRoleChange } from './staff.queries';

interface RoleChangeValues {
  kind: 'grant' | 'revoke';
  role: StaffRole;
}

interface StaffRoleChangeModalProps {
  user: StaffUserData | null;
  onClose: () => void;
}

/** Asks for a staff role to be granted or revoked. 双人复核: it takes effect only after a second admin approves. */
export function StaffRoleChangeModal({ user, onClose }: StaffRoleChangeModalProps) {
  const { t } = useTranslation(['staff', 'common']);
  const bilingual = useBilingual();
  const [form] = Form.useForm<RoleChangeValues>();
  const kind = Form.useWatch('kind', form) ?? 'grant';
  const mutation = useRequestStaffRoleChange();
  const feedback = useErrorFeedback();
  const [submitted, setSubmitted] = useState<DualControlRequestData | null>(null);

  const roles = user
    ? STAFF_ROLES.filter((role) =>
        kind === 'grant' ? !user.staffRoles.includes(role) : user.staffRoles.includes(role),
      )
    : [];

  const close = () => {
    setSubmitted(null);
    form.resetFields();
    mutation.reset();
    onClose();
  };

  const onFinish = (values: RoleChangeValues) => {
    if (!user) return;
    mutation.mutate(
      { kind: values.kind, userId: user.id, role: values.role },
      { onSuccess: setSubmitted, onError: (error) => feedback.showOnForm(form, error, { fields: ['role'] }) },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('roleChange.title', { name: user?.displayName ?? '' })}
      onCancel={close}
      onOk={submitted ? close : () => form.submit()}
      okText={submitted ? t('common:actions.close') : t('roleChange.submit')}
      cancelButtonProps={{ style: submitted ? { display: 'none' } : undefined }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {submitted ? (
        <Result
          status="info"
          title={t('roleChange.submittedTitle')}
          subTitle={
            <>
              <Typography.Paragraph>{bilingual(submitted.summary)}</Typography.Paragraph>
              <Link to="/staff/dual-control" onClick={close}>
                {t('roleChange.viewRequests')}
              </Link>
            </>
          }
        />
      ) : (
        <>
          <Alert type="info" showIcon title={t('dualControl.explainTitle')} description={t('dualControl.explain')} />
          <Form<RoleChangeValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ kind: 'grant' }}
            onFinish={onFinish}
            style={{ marginTop: 16 }}
          >
            <Form.Item name="kind" label={t('roleChange.kind')}>
              <Radio.Group
                optionType="button"
                onChange={() => form.setFieldValue('role', undefined)}
                options={[
                  { value: 'grant', label: t('roleChange.grant') },
                  { value: 'revoke', label: t('roleChange.revoke') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="role"
              label={t('roleChange.role')}
              rules={[{ required: true, message: t('roleChange.roleRequired') }]}
            >
              <Select
                placeholder={roles.length === 0 ? t('roleChange.noRoles') : undefined}
                disabled={roles.length === 0}
                options={roles.map((role) => ({ value: role, label: t(`staffRoles.${role}`) }))}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
