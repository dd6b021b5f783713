import { shanghaiDateTime } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { PdfWriter } from '../../infra/pdf/pdf-writer';
import { creditProfile } from '../credit';
import { getOrganisation } from '../organisation';
import { listSeries, type SeriesSummary } from '../prices';
import { rewardsErrors } from './rewards.errors';
import { POINTS_CATALOGUE, ticketNumber } from './rewards.points';
import * as repo from './rewards.repository';

/**
 * 兑换交付: what a points redemption delivers. A report is made from the platform's data when it is downloaded (the
 * organisation's own credit rating, or the material prices of its region with their six-month forecast), so it is
 * as current as the data; an event ticket is a PDF admission ticket whose number is derived from the redemption.
 * A redemption that staff reversed (冲正) delivers nothing any more.
 */

/** The stored shape of a month's dimension as the credit module writes it (credit.scoring.ts `Dimension`). */
interface StoredDimension {
  key: string;
  score: number;
  weight: number;
  thin: boolean;
  indicators: { label: { 'zh-CN': string }; observed: number | null }[];
}

const DIMENSION_NAMES: Record<string, string> = {
  performance: '履约能力',
  transactions: '交易历史',
  reputation: '行业口碑',
  qualification: '资质等级',
  social: '社会责任',
};

export async function redemptionDocument(
  ctx: AppContext,
  orgId: string,
  entryId: string,
): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const entry = await repo.entryById(ctx.db, entryId);
  if (!entry || entry.orgId !== orgId || entry.kind !== 'redeem') throw rewardsErrors.raise('POINTS_ENTRY_NOT_FOUND');
  const item = POINTS_CATALOGUE.find((i) => i.code === entry.memo.item);
  if (!item) throw rewardsErrors.raise('POINTS_ENTRY_NOT_FOUND');
  if (await repo.reversalOf(ctx.db, entry.id)) throw rewardsErrors.raise('POINTS_REDEMPTION_REVERSED');
  const org = await getOrganisation(ctx, orgId);
  const w = await PdfWriter.create({ title: item.name['zh-CN'], footer: `筑合积分兑换 · ${org.name}` });
  w.heading(item.name['zh-CN'], 18);
  w.text(`兑换单位：${org.name}`, { size: 10 });
  w.text(`兑换时间：${shanghaiDateTime(entry.createdAt)}    消耗积分：${-entry.points}`, { size: 10 });
  w.text(`生成时间：${shanghaiDateTime(ctx.clock.now())}`, { size: 10, gap: 10 });

  if (item.code === 'report_credit_standard') await creditReport(ctx, w, orgId);
  else if (item.code === 'report_material_prices') await priceReport(ctx, w, org.regionCode);
  else {
    const number = ticketNumber(entry);
    w.heading(`入场凭证号：${number}`, 14);
    w.text('凭本凭证号或本页于活动现场签到入场，一个凭证号限一人一次。活动时间与地点以平台通知为准。', { gap: 6 });
    w.text(`持票单位：${org.name}`, { size: 10 });
  }
  const stamp = shanghaiDateTime(entry.createdAt).slice(0, 10);
  return { name: `${item.name['zh-CN']}-${stamp}.pdf`, mime: 'application/pdf', bytes: await w.save() };
}

async function creditReport(ctx: AppContext, w: PdfWriter, orgId: string): Promise<void> {
  const profile = await creditProfile(ctx, orgId);
  const latest = profile.latest;
  w.text(`信用等级：${profile.grade ?? '暂无'}${latest ? `    综合得分：${latest.score}（${latest.month}）` : ''}`, {
    size: 12,
    gap: 8,
  });
  if (!latest) {
    w.text('平台上尚无足够的履约与交易数据计算五维评分；完成合同、结算和评价后，次月起出具评分。', { gap: 6 });
    return;
  }
  w.table(
    [
      { title: '维度', width: 90 },
      { title: '得分', width: 50 },
      { title: '权重', width: 50 },
      { title: '指标', width: 290 },
    ],
    (latest.dimensions as StoredDimension[]).map((d) => [
      DIMENSION_NAMES[d.key] ?? d.key,
      `${d.score}${d.thin ? '（数据不足）' : ''}`,
      `${d.weight}%`,
      d.indicators
        .map((i) => `${i.label['zh-CN']} ${i.observed == null ? '—' : `${Math.round(i.observed * 100)}%`}`)
        .join('；'),
    ]),
  );
  if (profile.history.length > 1) {
    w.space(8);
    w.text(`近 ${profile.history.length} 个月：${profile.history.map((h) => `${h.month} ${h.grade}`).join('，')}`, {
      size: 10,
    });
  }
  if (profile.advice.length > 0) {
    w.space(6);
    w.text('提升建议', { size: 12, gap: 4 });
    for (const a of profile.advice) w.text(`· ${a['zh-CN']}`, { size: 10 });
  }
}

async function priceReport(ctx: AppContext, w: PdfWriter, regionCode: string | null): Promise<void> {
  const all = (await listSeries(ctx)).filter((s) => s.lastValue != null);
  // prices of the organisation's own city first, then its province, other regions, then the national indices
  const province = regionCode?.slice(0, 2);
  const rank = (s: SeriesSummary) =>
    s.series.kind !== 'price'
      ? 3
      : s.series.regionCode === regionCode
        ? 0
        : s.series.regionCode?.slice(0, 2) === province
          ? 1
          : 2;
  const rows = all.sort((a, b) => rank(a) - rank(b)).slice(0, 40);
  if (rows.length === 0) {
    w.text('平台尚未导入材料价格或指数数据。', { gap: 6 });
    return;
  }
  w.table(
    [
      { title: '材料、地区或指数', width: 200 },
      { title: '单位', width: 60 },
      { title: '最新月份', width: 70 },
      { title: '最新值', width: 70 },
      { title: '6个月预测', width: 80 },
    ],
    rows.map((s) => [
      s.series.title['zh-CN'],
      s.series.unit,
      s.lastMonth ?? '—',
      String(s.lastValue),
      s.change6m == null ? '—' : signedPercent(s.change6m),
    ]),
  );
  w.space(8);
  w.text(
    `数据来源：${[...new Set(rows.map((s) => s.series.source))].join('；')}。预测为模型估计，仅供参考，不构成报价。`,
    {
      size: 9,
    },
  );
}

/** +4.6%, -1.2%, and 0.0% for a change that rounds to nothing (never "-0.0%"). */
function signedPercent(change: number): string {
  const tenths = Math.round(change * 1000) / 10;
  return `${tenths > 0 ? '+' : ''}${(tenths === 0 ? 0 : tenths).toFixed(1)}%`;
}
