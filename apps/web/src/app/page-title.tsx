import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './document-title';

/** What a title reads as in the browser tab: the text itself, or nothing for a title made of elements. */
function plainText(title: ReactNode): string | undefined {
  return typeof title === 'string' || typeof title === 'number' ? String(title) : undefined;
}

/**
 * The page's title: its one <h1> (sized as before, 24 px) and the browser tab's title (`页面 · 筑合`). Give
 * `documentTitle` when the title is not plain text.
 */
export function PageTitle({
  title,
  subtitle,
  extra,
  documentTitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  documentTitle?: string;
}) {
  useDocumentTitle(documentTitle ?? plainText(title));
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {subtitle}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra}
    </Flex>
  );
}
