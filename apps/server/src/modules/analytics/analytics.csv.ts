import type { AppContext } from '../../infra/context';
import { computeChannelEconomics, computeCohorts, computeFunnel, computeRfm } from './analytics.analyses';
import type { AnalyticsDeps } from './analytics.deps';

/**
 * CSV exports of the growth analyses (GROW-3), the same figures the pages show. UTF-8 with a byte-order mark so
 * Excel opens the Chinese headers; a cell that a spreadsheet would run as a formula (= + - @ at the start) is
 * prefixed with an apostrophe (CSV injection), numbers stay numbers.
 */
type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const yuan = (fen: number | null) => (fen === null ? null : Math.round(fen) / 100);

export async function funnelCsv(ctx: AppContext, query: Parameters<typeof computeFunnel>[1]): Promise<string> {
  const result = await computeFunnel(ctx, query);
  return toCsv(
    ['分组 group', ...result.steps],
    result.groups.map((g) => [g.key, ...g.counts]),
  );
}

export async function cohortsCsv(ctx: AppContext, query: Parameters<typeof computeCohorts>[1]): Promise<string> {
  const result = await computeCohorts(ctx, query);
  const periods = Math.max(0, ...result.rows.map((r) => r.retained.length));
  return toCsv(
    ['同期群 cohort', '规模 size', ...Array.from({ length: periods }, (_, i) => `${result.period} ${i}`)],
    result.rows.map((r) => [r.cohort, r.size, ...r.retained]),
  );
}

export async function rfmCsv(ctx: AppContext, deps: AnalyticsDeps, asOf: string): Promise<string> {
  const result = await computeRfm(ctx, asOf);
  const names = await deps.orgNames(result.orgs.map((o) => o.orgId));
  return toCsv(
    [
      '组织 organisation',
      '组织ID id',
      '分层 segment',
      '最近(天) recency',
      '频次 frequency',
      '金额(元) monetary',
      'R',
      'F',
      'M',
    ],
    result.orgs.map((o) => [
      names.get(o.orgId) ?? '',
      o.orgId,
      o.segment,
      o.recencyDays,
      o.frequency,
      yuan(o.monetaryFen),
      o.r,
      o.f,
      o.m,
    ]),
  );
}

export async function channelsCsv(ctx: AppContext, query: { from: string; to: string }): Promise<string> {
  const result = await computeChannelEconomics(ctx, query);
  return toCsv(
    [
      '渠道 channel',
      '新增组织 new orgs',
      '成本(元) cost',
      '获客成本(元) CAC',
      '收入(元) revenue',
      'ROI',
      'LTV(元)',
      'LTV/CAC',
    ],
    result.items.map((c) => [
      c.channel,
      c.newOrgs,
      yuan(c.costFen),
      yuan(c.cacFen),
      yuan(c.revenueFen),
      c.roi,
      yuan(c.ltvFen),
      c.ltvToCac,
    ]),
  );
}
