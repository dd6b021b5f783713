import { useQuery } from '@tanstack/react-query';
import { SystemNotices } from '@zhuhe/contracts';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { useBilingual } from '../../app/language';

const DISMISSED_KEY = 'zh.dismissedNotices';

// Plain elements in Ant Design's warning colours: an antd Alert here would pull its chunk onto every first page.
const box: CSSProperties = {
  display: 'flex',
  alignItems: 'flex-start',
  gap: 8,
  padding: '8px 12px',
  background: '#fffbe6',
  border: '1px solid #ffe58f',
  borderRadius: 8,
  color: 'rgba(0, 0, 0, 0.88)',
  lineHeight: 1.5715,
};
const close: CSSProperties = {
  marginInlineStart: 'auto',
  border: 'none',
  background: 'transparent',
  cursor: 'pointer',
  fontSize: 16,
  lineHeight: 1,
  padding: 4,
  minWidth: 24,
  minHeight: 24,
  color: 'rgba(0, 0, 0, 0.65)',
};

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
  const keyOf = (n: { dependency: string; since: string | null }) => `${n.dependency}:${n.since ?? ''}`;
  const shown = (query.data?.notices ?? []).filter((n) => !dismissed.includes(keyOf(n)));
  if (shown.length === 0) return null;
  const dismiss = (dependency: string, key: string) => {
    const next = [...dismissed.filter((k) => !k.startsWith(`${dependency}:`)), key];
    setDismissed(next);
    sessionStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
  };
  return (
    <section
      aria-label={t('systemNotices.label')}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 12 }}
    >
      {shown.map((n) => (
        <div key={keyOf(n)} role="status" style={box} data-testid={`system-notice-${n.dependency}`}>
          <span aria-hidden="true" style={{ color: '#faad14' }}>
            ⚠
          </span>
          <span>{bilingual(n.message)}</span>
          <button
            type="button"
            style={close}
            aria-label={t('systemNotices.dismiss')}
            onClick={() => dismiss(n.dependency, keyOf(n))}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
