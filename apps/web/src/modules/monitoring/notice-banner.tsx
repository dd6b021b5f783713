import { useQuery } from '@tanstack/react-query';
import { SystemNotices } from '@zhuhe/contracts';
import { Alert, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { useBilingual } from '../../app/language';

const DISMISSED_KEY = 'zh.dismissedNotices';

function readDismissed(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

/**
 * 服务延迟提示: tells a signed-in user which outside services are delayed (mail, bank, SMS), checked every minute.
 * Nothing shows when all is well. A dismissed notice stays hidden for the tab's session, until that service is
 * delayed again from a new moment.
 */
export function NoticeBanner() {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const [dismissed, setDismissed] = useState<string[]>(readDismissed);
  const query = useQuery({
    queryKey: ['system', 'notices'],
    queryFn: () => apiRequest('GET', '/api/system/notices', SystemNotices),
    refetchInterval: 60_000,
    staleTime: 30_000,
    // a notice is a courtesy: a failed poll shows nothing rather than an error
    retry: false,
  });
  const shown = (query.data?.notices ?? []).filter((n) => !dismissed.includes(`${n.dependency}:${n.since ?? ''}`));
  if (shown.length === 0) return null;
  const dismiss = (key: string) => {
    const next = [...dismissed.filter((k) => !k.startsWith(`${key.split(':')[0]}:`)), key];
    setDismissed(next);
    sessionStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
  };
  return (
    <Flex vertical gap={8} role="region" aria-label={t('systemNotices.label')} style={{ marginBottom: 12 }}>
      {shown.map((n) => {
        const key = `${n.dependency}:${n.since ?? ''}`;
        return (
          <Alert
            key={key}
            type="warning"
            showIcon
            message={bilingual(n.message)}
            closable={{ 'aria-label': t('systemNotices.dismiss') }}
            onClose={() => dismiss(key)}
            data-testid={`system-notice-${n.dependency}`}
          />
        );
      })}
    </Flex>
  );
}
