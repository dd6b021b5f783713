import type { MatchReason } from '@zhuhe/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';

/** 为什么推荐: each signal that added to the match, strongest first, with its share of the score on hover. */
export function ReasonTags({ reasons }: { reasons: readonly MatchReason[] }) {
  const { t } = useTranslation('matching');
  const language = useLanguage();
  return (
    <Flex gap={4} wrap align="center" data-testid="match-reasons">
      <Typography.Text type="secondary">{t('matches.why')}：</Typography.Text>
      {reasons.map((r) => (
        <Tooltip key={r.signal} title={`+${r.contribution.toFixed(2)}`}>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {r.label[language]}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
