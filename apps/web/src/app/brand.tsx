import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BRAND_COLOR } from './theme';

export function Brand({ to = '/', compact = false }: { to?: string; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={to} aria-label={t('brand.full')} style={{ display: 'inline-flex' }}>
      <Flex align="center" gap={8}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Typography.Text strong style={{ fontSize: 18, color: BRAND_COLOR, whiteSpace: 'nowrap' }}>
          {compact ? t('brand.name') : t('brand.full')}
        </Typography.Text>
      </Flex>
    </Link>
  );
}
