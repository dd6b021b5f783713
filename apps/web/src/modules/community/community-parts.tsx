import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { CommunityPost, ComplianceHit } from '@zhuhe/contracts';
import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { PROVINCES } from './community.api';

/** A province's name in the current language. */
export function useProvinceName(): (code: string | null) => string {
  const language = useLanguage();
  return (code) => {
    const found = PROVINCES.find(([c]) => c === code);
    if (!found) return code ?? '';
    return language === 'en' ? found[2] : found[1];
  };
}

/** The author line: person, organisation with its verified badge, and reputation. */
export function AuthorLine({ author }: { author: CommunityPost['author'] }) {
  const { t } = useTranslation('community');
  return (
    <Flex gap={6} wrap align="center" style={{ fontSize: 13 }}>
      <Typography.Text strong>{author.name}</Typography.Text>
      <Typography.Text type="secondary">{author.orgName}</Typography.Text>
      {author.orgVerified ? (
        <Tag color="green" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0 }}>
          {t('verified')}
        </Tag>
      ) : null}
      <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="author-reputation">
        {t('reputation', { count: author.reputation })}
      </Tag>
    </Flex>
  );
}

/** Why a text is held: the banned claims the compliance check found, shown to its author. */
export function HeldNotice({ reasons }: { reasons: readonly ComplianceHit[] }) {
  const { t } = useTranslation('community');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="held-notice"
      message={t('held.title')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('held.body')}</Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {[...new Map(reasons.map((r) => [r.term, r])).values()].map((r) => (
              <li key={r.term}>{t('held.reason', { term: r.term, basis: r.basis })}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}

export function StatusTag({ status }: { status: CommunityPost['status'] }) {
  const { t } = useTranslation('community');
  if (status === 'published') return null;
  const color = status === 'held' ? 'orange' : 'red';
  return <Tag color={color}>{t(`status.${status}`)}</Tag>;
}
