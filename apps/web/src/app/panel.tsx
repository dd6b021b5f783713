import { Flex, Typography, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * 面板: a titled, bordered surface for the pages a user lands on first (sign-in, the workspace home). It looks like
 * antd's Card without Card's code: Card carries its tabs and loading skeleton, about 13 kB gzip, into whatever
 * page renders it. Pages behind a menu item use Card as usual.
 */
export function Panel({
  title,
  extra,
  children,
  style,
  testId,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  const { token } = theme.useToken();
  return (
    <section
      data-testid={testId}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {title || extra ? (
        <Flex
          justify="space-between"
          align="center"
          gap={8}
          style={{ padding: '12px 24px', minHeight: 56, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Typography.Text strong style={{ fontSize: token.fontSizeLG }}>
            {title}
          </Typography.Text>
          {extra}
        </Flex>
      ) : null}
      <div style={{ padding: 24 }}>{children}</div>
    </section>
  );
}
