import type { CostThresholdView, CostWarningView } from '@zhuhe/contracts';
import type { ThresholdRow, WarningRow } from './boards.repository';

export function presentThreshold(t: ThresholdRow): CostThresholdView {
  return {
    id: t.id,
    material: t.material,
    risePct: t.risePct,
    withinMonths: t.withinMonths,
    createdAt: t.createdAt.toISOString(),
  };
}

export function presentWarning(w: WarningRow): CostWarningView {
  return {
    id: w.id,
    thresholdId: w.thresholdId,
    material: w.material,
    seriesId: w.seriesId,
    seriesCode: w.seriesCode,
    lastMonth: w.lastMonth,
    lastValue: w.lastValue,
    peakMonth: w.peakMonth,
    peakValue: w.peakValue,
    rise: w.rise,
    demands: w.demands.map((d) => {
      const [id, ...title] = d.split('|');
      return { id: id as string, title: title.join('|') };
    }),
    createdAt: w.createdAt.toISOString(),
  };
}
