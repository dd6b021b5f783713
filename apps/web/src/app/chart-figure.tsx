import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type ChartCell = string | number | null;

/**
 * The frame of every ECharts chart: the canvas is one image named by a summary (what, from when to when, how many
 * points), and the same figures follow in a table that only screen readers show (WCAG 1.1.1 Non-text Content).
 * Each row starts with its period (date, week, month), then one cell per entry of `columns`.
 */
export function ChartFigure({
  chartRef,
  title,
  columns,
  rows,
  height,
  testId,
}: {
  chartRef: Ref<HTMLDivElement>;
  title: string;
  columns: readonly string[];
  rows: readonly (readonly ChartCell[])[];
  height: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const summary =
    rows.length === 0
      ? title
      : t('a11y.chartSummary', { title, from: rows[0]?.[0], to: rows[rows.length - 1]?.[0], count: rows.length });
  return (
    <figure style={{ margin: 0 }}>
      <div ref={chartRef} role="img" aria-label={summary} data-testid={testId} style={{ width: '100%', height }} />
      <table className="zh-visually-hidden" data-testid={`${testId}-data`}>
        <caption>{summary}</caption>
        <thead>
          <tr>
            {[t('a11y.period'), ...columns].map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key="period" scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[index - 1]}>{cell ?? '—'}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
