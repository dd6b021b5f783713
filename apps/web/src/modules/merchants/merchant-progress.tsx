import type { MerchantStage } from '@zhuhe/contracts';
import { Steps, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import type { MerchantApplicationData } from './merchants.api';

const STAGE_COLOURS: Record<MerchantStage, string> = {
  needs_correction: 'warning',
  in_review: 'processing',
  inspection: 'purple',
  agreement: 'cyan',
  active: 'success',
  rejected: 'error',
  suspended: 'default',
};

export function StageTag({ stage }: { stage: MerchantStage }) {
  const { t } = useTranslation('merchants');
  return (
    <Tag color={STAGE_COLOURS[stage]} data-testid="merchant-stage">
      {t(`stages.${stage}`)}
    </Tag>
  );
}

/** 入驻进度 apply → check → review → (inspection) → sign → active. */
export function MerchantSteps({ application: a }: { application: MerchantApplicationData }) {
  const { t } = useTranslation('merchants');
  const keys: ('apply' | 'check' | 'review' | 'inspection' | 'sign' | 'active')[] = [
    'apply',
    'check',
    'review',
    ...(a.category.key ? (['inspection'] as const) : []),
    'sign',
    'active',
  ];
  const position: Record<MerchantStage, number> = {
    needs_correction: 1,
    in_review: 2,
    inspection: 3,
    agreement: a.category.key ? 4 : 3,
    active: keys.length - 1,
    rejected: 2,
    suspended: keys.length - 1,
  };
  const failed = a.stage === 'needs_correction' || a.stage === 'rejected' || a.stage === 'suspended';
  return (
    <Steps
      size="small"
      current={position[a.stage]}
      status={failed ? 'error' : a.stage === 'active' ? 'finish' : 'process'}
      items={keys.map((k) => ({ title: t(`steps.${k}`) }))}
      style={{ marginBottom: 16 }}
    />
  );
}

export function MerchantHistory({ application: a }: { application: MerchantApplicationData }) {
  const { t } = useTranslation('merchants');
  return (
    <Timeline
      items={a.history.map((h) => ({
        content: `${formatDateTime(h.at)} · ${t(`stages.${h.stage}`)}${h.by ? ` · ${h.by}` : ''}`,
      }))}
    />
  );
}
