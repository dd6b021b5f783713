import { PROVINCES } from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { useLanguage } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { ComplianceHint } from '../compliance';
import { useStepUp } from '../identity';
import {
  orgFileUrl,
  showIssuesOnForm,
  toPackage,
  VerificationFields,
  type VerificationFormValues,
  VerificationSummary,
  valuesFrom,
} from '../verification';
import { MerchantHistory, MerchantSteps, StageTag } from './merchant-progress';
import { acceptAgreement, type MerchantApplicationData, updateProfile } from './merchants.api';
import { useApplyAsMerchant, useCategories, useMerchantMutation, useMyApplication } from './merchants.queries';

interface ApplicationValues {
  shopName: string;
  categoryCode: string;
  serviceRegions: string[];
  profile: string;
  verification: VerificationFormValues;
}

const TOP_LEVEL = ['shopName', 'categoryCode', 'serviceRegions', 'profile'] as const;

function ApplicationForm({ orgId, previous }: { orgId: string; previous: MerchantApplicationData | null }) {
  const { t } = useTranslation(['merchants', 'verification']);
  const language = useLanguage();
  const [form] = Form.useForm<ApplicationValues>();
  const categories = useCategories();
  const apply = useApplyAsMerchant(orgId);
  const feedback = useErrorFeedback();
  const [problem, setProblem] = useState<string | null>(null);
  const shopName = Form.useWatch('shopName', form);
  const profile = Form.useWatch('profile', form);

  const onFinish = (values: ApplicationValues) => {
    setProblem(null);
    apply.mutate(
      {
        shopName: values.shopName.trim(),
        profile: values.profile.trim(),
        categoryCode: values.categoryCode,
        serviceRegions: values.serviceRegions,
        verification: toPackage(values.verification),
      },
      {
        onSuccess: () => window.scrollTo({ top: 0, behavior: 'smooth' }),
        onError: (error) => {
          setProblem(feedback.messageOf(error));
          showIssuesOnForm(form, error, 'verification', TOP_LEVEL);
        },
      },
    );
  };

  return (
    <Card title={previous ? t('form.resubmitTitle') : t('form.title')}>
      {problem ? (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="apply-problem" />
      ) : null}
      <Form<ApplicationValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          shopName: previous?.shopName,
          categoryCode: previous?.category.code,
          serviceRegions: previous?.serviceRegions ?? [],
          profile: previous?.profile,
          verification: valuesFrom(previous?.verification ?? null),
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="shopName" label={t('fields.shopName')} rules={[{ required: true, min: 2, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="categoryCode" label={t('fields.category')} rules={[{ required: true }]}>
              <Select
                loading={categories.isPending}
                options={(categories.data ?? []).map((c) => ({
                  value: c.code,
                  label: c.key ? `${c.name[language]}（${t('fields.key')}）` : c.name[language],
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="serviceRegions"
              label={t('fields.regions')}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={PROVINCES.map(([code, zh, en]) => ({ value: code, label: language === 'zh-CN' ? zh : en }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="profile"
              label={t('fields.profile')}
              extra={t('form.profileHint')}
              rules={[{ required: true, min: 10, max: 2000 }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <ComplianceHint texts={{ shopName, profile }} />
        <VerificationFields orgId={orgId} prefix="verification" />
        <Button type="primary" htmlType="submit" loading={apply.isPending} size="large">
          {previous ? t('form.resubmit') : t('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function AgreementCard({ orgId, application: a }: { orgId: string; application: MerchantApplicationData }) {
  const { t } = useTranslation('merchants');
  const [consent, setConsent] = useState(false);
  const { ensureStepUp, stepUpModal } = useStepUp();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const sign = useMerchantMutation(orgId, (version: string) => acceptAgreement(orgId, version));
  if (!a.agreement) return null;
  const agreement = a.agreement;
  return (
    <Card title={agreement.title} size="small" style={{ marginTop: 16 }} data-testid="agreement">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('agreement.version', { version: agreement.version, hash: agreement.sha256.slice(0, 16) })}
      </Typography.Paragraph>
      {/* the agreement scrolls inside its box: focusable and named, so a keyboard user can read all of it */}
      <Typography.Paragraph
        tabIndex={0}
        role="region"
        aria-label={agreement.title}
        style={{ whiteSpace: 'pre-wrap', maxHeight: 260, overflow: 'auto', background: '#fafafa', padding: 12 }}
      >
        {agreement.text}
      </Typography.Paragraph>
      {a.agreementAcceptedAt ? (
        <Alert type="success" showIcon title={`${t('agreement.signedAt')}：${formatDateTime(a.agreementAcceptedAt)}`} />
      ) : (
        <Flex vertical gap={12}>
          <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
            {t('agreement.consent', { title: agreement.title })}
          </Checkbox>
          <Button
            type="primary"
            disabled={!consent}
            loading={sign.isPending}
            onClick={async () => {
              if (!(await ensureStepUp(t('agreement.stepUpReason')))) return;
              sign.mutate(agreement.version, {
                onSuccess: () => void message.success(t('agreement.signed')),
                onError: feedback.show,
              });
            }}
          >
            {t('agreement.sign')}
          </Button>
        </Flex>
      )}
      {stepUpModal}
    </Card>
  );
}

/** 店铺资料 edits the public profile; banned claims are highlighted while typing and refused on save. */
function ProfileCard({ orgId, application: a }: { orgId: string; application: MerchantApplicationData }) {
  const { t } = useTranslation('merchants');
  const [form] = Form.useForm<{ shopName: string; profile: string }>();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const save = useMerchantMutation(orgId, (body: { shopName: string; profile: string }) => updateProfile(orgId, body));
  const shopName = Form.useWatch('shopName', form);
  const profile = Form.useWatch('profile', form);
  return (
    <Card title={t('profile.edit')} size="small">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ shopName: a.shopName, profile: a.profile }}
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: () => void message.success(t('profile.saved')),
            onError: (error) => {
              feedback.show(error);
              showIssuesOnForm(form, error, null, ['shopName', 'profile']);
            },
          })
        }
      >
        <Form.Item name="shopName" label={t('fields.shopName')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="profile"
          label={t('fields.profile')}
          extra={t('form.profileHint')}
          rules={[{ required: true, min: 10, max: 2000 }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <ComplianceHint texts={{ shopName, profile }} />
        <Button htmlType="submit" loading={save.isPending}>
          {t('profile.edit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 商家入驻 the applicant's page: progress, checks, reasons, the agreement, and the form when it is their turn. */
export function MerchantApplicationPanel({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const { t } = useTranslation('merchants');
  const language = useLanguage();
  const query = useMyApplication(orgId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const formOpen = canManage && (!a || ['needs_correction', 'rejected', 'suspended'].includes(a.stage));
  const alertType =
    a?.stage === 'active'
      ? 'success'
      : a && ['needs_correction', 'rejected', 'suspended'].includes(a.stage)
        ? 'warning'
        : 'info';

  return (
    <Flex vertical gap={16}>
      {a ? (
        <Card title={a.shopName} extra={<StageTag stage={a.stage} />}>
          <MerchantSteps application={a} />
          <Alert
            type={alertType}
            showIcon
            title={t(`status.${a.stage}`)}
            description={a.suspendedReason ?? undefined}
            style={{ marginBottom: 16 }}
            data-testid="merchant-status"
          />
          {a.takedown ? (
            <Alert
              type="error"
              showIcon
              title={t('takedown')}
              description={t('takedownReason', { reason: a.takedown.reason })}
              style={{ marginBottom: 16 }}
              data-testid="takedown"
            />
          ) : null}
          {a.reviewReasons.length > 0 ? (
            <Alert
              type="warning"
              title={`${t('reasons')}：${a.reviewReasons.join('；')}`}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('fields.category')}>{a.category.name[language]}</Descriptions.Item>
            <Descriptions.Item label={t('fields.tier')}>{a.tier ? t(`tiers.${a.tier}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('submittedAt')}>{formatDateTime(a.firstSubmittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('sla.cycleDue')}>
              {formatDateTime(a.sla.cycleDueAt)} · {t('sla.elapsed', { days: a.sla.elapsedWorkingDays })}
            </Descriptions.Item>
          </Descriptions>
          <VerificationSummary verification={a.verification} fileUrl={(id) => orgFileUrl(orgId, id)} />
          {a.stage === 'agreement' || a.agreementAcceptedAt ? <AgreementCard orgId={orgId} application={a} /> : null}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('history')}
          </Typography.Title>
          <MerchantHistory application={a} />
        </Card>
      ) : null}
      {formOpen ? <ApplicationForm orgId={orgId} previous={a} /> : null}
      {a && canManage && !formOpen ? <ProfileCard orgId={orgId} application={a} /> : null}
    </Flex>
  );
}
