import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ComplianceHitData, checkTexts } from './compliance.api';

/** The text with each banned claim marked in red. */
export function HighlightedText({ text, hits }: { text: string; hits: ComplianceHitData[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at) continue;
    parts.push(text.slice(at, hit.start));
    parts.push(
      <mark
        key={`${hit.start}-${hit.term}`}
        data-testid="banned-term"
        title={hit.basis}
        style={{ background: '#fff1f0', color: '#cf1322', padding: '0 2px' }}
      >
        {text.slice(hit.start, hit.end)}
      </mark>,
    );
    at = hit.end;
  }
  parts.push(text.slice(at));
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{parts}</Typography.Paragraph>;
}

/** 违规用语实时检查 checks the fields while the merchant types (debounced) and shows the claims highlighted. */
export function ComplianceHint({ texts }: { texts: Record<string, string | undefined> }) {
  const { t } = useTranslation('compliance');
  const [hits, setHits] = useState<ComplianceHitData[]>([]);
  const key = JSON.stringify(texts);
  useEffect(() => {
    const clean = Object.fromEntries(
      Object.entries(JSON.parse(key) as Record<string, string | undefined>).filter((e): e is [string, string] =>
        Boolean(e[1]),
      ),
    );
    if (Object.keys(clean).length === 0) return;
    const timer = setTimeout(() => {
      checkTexts(clean)
        .then((r) => setHits(r.hits))
        .catch(() => setHits([]));
    }, 400);
    return () => clearTimeout(timer);
  }, [key]);
  if (hits.length === 0) return null;
  const fields = [...new Set(hits.map((h) => h.field))];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="compliance-hint"
      title={t('live.found', { count: hits.length })}
      description={fields.map((field) => (
        <HighlightedText key={field} text={texts[field] ?? ''} hits={hits.filter((h) => h.field === field)} />
      ))}
      style={{ marginBottom: 16 }}
    />
  );
}
