import type { AppContext } from '../../infra/context';
import { signingClocks } from '../contracts';
import { publicationTimes, reviewClocks } from '../demands';
import { slaClocks } from '../disputes';
import { decisionClocks } from '../finance';
import { pushTimes } from '../matching';
import { onboardingClocks } from '../merchants';
import { alertHistory } from '../monitoring';
import { planSavings } from '../procurement';
import { monthResolutionClocks } from '../tickets';
import type { PromiseClock } from './promises.measure';

/** 推送 within 10 minutes of publication (seed: 10 minutes; measured in seconds). */
export const PUSH_WINDOW_MS = 10 * 60_000;

/**
 * Where each promise's cases come from: a reader per module, through that module's public API. A reader that is
 * absent means the module behind the promise is not on the platform, and its row says 未上线.
 */
export interface PromiseSources {
  demandReviews?: (since: Date) => Promise<PromiseClock[]>;
  merchants?: (since: Date) => Promise<{ feedback: PromiseClock[]; cycle: PromiseClock[] }>;
  pushes?: (since: Date) => Promise<PromiseClock[]>;
  signing?: (since: Date) => Promise<PromiseClock[]>;
  disputes?: (since: Date) => Promise<{ team: PromiseClock[]; mediation: PromiseClock[]; cycle: PromiseClock[] }>;
  tickets?: (since: Date) => Promise<PromiseClock[]>;
  finance?: (since: Date) => Promise<PromiseClock[]>;
  alerts?: (since: Date) => Promise<{ slowSeconds: number; openedAt: Date[] }>;
  procurement?: (since: Date) => Promise<{ at: Date; value: number }[]>;
  /** the published offline evaluation of matching (top-k accuracy), when one is kept on the platform */
  matchingEvaluation?: () => Promise<{ accuracy: number; at: Date } | null>;
}

/** The readers over the modules that exist on the platform today. */
export function platformSources(ctx: AppContext): PromiseSources {
  return {
    demandReviews: async (since) =>
      (await reviewClocks(ctx, since)).map((r) => ({
        caseKind: 'demand_review',
        caseId: r.id,
        label: r.title,
        startedAt: r.submittedAt,
        dueAt: r.dueAt,
        endedAt: r.decidedAt,
        link: `/staff/demand-reviews/${r.id}`,
      })),
    merchants: async (since) => {
      const { feedback, cycle } = await onboardingClocks(ctx, since);
      const clock = (c: (typeof cycle)[number]): PromiseClock => ({
        caseKind: 'merchant_application',
        caseId: c.applicationId,
        label: c.shopName,
        startedAt: c.startedAt,
        dueAt: c.dueAt,
        endedAt: c.endedAt,
        link: `/staff/merchants/${c.applicationId}`,
      });
      return { feedback: feedback.map(clock), cycle: cycle.map(clock) };
    },
    pushes: async (since) => {
      const [published, pushed] = await Promise.all([publicationTimes(ctx, since), pushTimes(ctx, since)]);
      // Matching runs on every publication (demand.published); a demand it never ran for, or whose run is dated
      // before its publication (a replayed history), is left out rather than counted — a debt noted in ADR 0124.
      return published.flatMap((d) => {
        const at = pushed.get(d.id);
        return at && at >= d.publishedAt
          ? [
              {
                caseKind: 'demand' as const,
                caseId: d.id,
                label: d.title,
                startedAt: d.publishedAt,
                dueAt: new Date(d.publishedAt.getTime() + PUSH_WINDOW_MS),
                endedAt: at,
                link: null,
              } satisfies PromiseClock,
            ]
          : [];
      });
    },
    signing: async (since) =>
      (await signingClocks(ctx, since)).map((c) => ({
        caseKind: 'contract',
        caseId: c.contractId,
        label: `${c.title}（第 ${c.versionNo} 版）`,
        startedAt: c.startedAt,
        dueAt: c.dueAt,
        endedAt: c.endedAt,
        link: null,
      })),
    disputes: async (since) => {
      const rows = await slaClocks(ctx, since);
      const clock = (d: (typeof rows)[number], part: 'team' | 'mediation' | 'cycle'): PromiseClock => ({
        caseKind: 'dispute',
        caseId: d.id,
        label: `${d.caseNo} ${d.title}`,
        startedAt: d.filedAt,
        dueAt: d[part].dueAt,
        endedAt: d[part].endedAt,
        link: `/staff/disputes/${d.id}`,
      });
      return {
        team: rows.map((d) => clock(d, 'team')),
        mediation: rows.map((d) => clock(d, 'mediation')),
        cycle: rows.map((d) => clock(d, 'cycle')),
      };
    },
    tickets: async (since) =>
      (await monthResolutionClocks(ctx, since)).map((t) => ({
        caseKind: 'ticket',
        caseId: t.id,
        label: `${t.ticketNo} ${t.subject}`,
        startedAt: t.startedAt,
        dueAt: t.dueAt,
        endedAt: t.endedAt,
        link: `/staff/tickets/${t.id}`,
      })),
    finance: async (since) =>
      (await decisionClocks(ctx, since)).map((a) => ({
        caseKind: 'finance_application',
        caseId: a.id,
        label: `融资申请 ${a.id.slice(0, 8)}`,
        startedAt: a.submittedAt,
        dueAt: a.decisionDueAt,
        endedAt: a.decidedAt,
        link: '/staff/finance',
      })),
    alerts: async (since) => {
      const history = await alertHistory(ctx, since);
      return {
        slowSeconds: history.slowSeconds,
        openedAt: history.alerts.filter((a) => a.kind === 'slow_responses').map((a) => a.openedAt),
      };
    },
    procurement: async (since) => (await planSavings(ctx, since)).map((p) => ({ at: p.at, value: p.rate })),
    // The matching evaluation (`npm run eval:matching`) runs offline on award history; its report is not kept on
    // the platform, so this promise has no live figure yet.
    matchingEvaluation: async () => null,
  };
}
