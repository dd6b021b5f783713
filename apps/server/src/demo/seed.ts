import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { countUsers } from '../modules/identity';
import { seedAutomationDemo } from './automation.demo';
import { seedBoardsDemo } from './boards.demo';
import { seedChatDemo } from './chat.demo';
import { seedCommunityDemo } from './community.demo';
import { seedContractsDemo } from './contracts.demo';
import { seedCreditDemo } from './credit.demo';
import { seedDeveloperDemo } from './developer.demo';
import { seedDisputesDemo } from './disputes.demo';
import { seedEscrowDemo } from './escrow.demo';
import { seedEvidenceDemo } from './evidence.demo';
import { seedExecutionDemo } from './execution.demo';
import { seedExperimentsDemo } from './experiments.demo';
import { seedExpertsDemo } from './experts.demo';
import { seedFeesDemo } from './fees.demo';
import { seedFinanceDemo } from './finance.demo';
import { type DemoLogin, seedFoundationDemo } from './foundation.demo';
import { seedGrowthDemo } from './growth.demo';
import { seedGrowthInsightsDemo } from './growth-insights.demo';
import { seedInquiriesDemo } from './inquiries.demo';
import { seedInsuranceDemo } from './insurance.demo';
import { seedLibrariesDemo } from './libraries.demo';
import { seedMatchingDemo } from './matching.demo';
import { seedMonitoringDemo } from './monitoring.demo';
import { seedNotificationsDemo } from './notifications.demo';
import { seedOnboardingDemo } from './onboarding.demo';
import { seedOperationsDemo } from './operations.demo';
import { seedPoliciesDemo } from './policies.demo';
import { seedPricesDemo } from './prices.demo';
import { seedPromisesDemo } from './promises.demo';
import { seedReserveDemo } from './reserve.demo';
import { seedRewardsDemo } from './rewards.demo';
import { seedRiskDemo } from './risk.demo';
import { seedTenderingDemo } from './tendering.demo';
import { seedTicketsDemo } from './tickets.demo';
import { seedTiersDemo } from './tiers.demo';
import { seedWagesDemo } from './wages.demo';
import { seedWebhooksDemo } from './webhooks.demo';
import { seedVerifiedBuyersDemo } from './workspace.demo';

/**
 * Demo data, seeded once into an empty database. Each later module appends its own seeder here, after the
 * ones it builds on.
 */
const SEEDERS: ((ctx: AppContext, modules: PlatformModules) => Promise<DemoLogin[]>)[] = [
  seedFoundationDemo,
  seedOnboardingDemo,
  // the general contractors that tender and pay into escrow below are verified (已认证) like any buyer
  seedVerifiedBuyersDemo,
  seedLibrariesDemo,
  seedContractsDemo,
  seedTenderingDemo,
  seedEscrowDemo,
  // after the escrow seeder (finance staff), which goes before it: the freeze it shows mails finance staff
  seedExecutionDemo,
  seedMatchingDemo,
  // three statements sealed by gc2@, sub2@ and svr@: completed transactions for the user tiers
  seedTiersDemo,
  seedDisputesDemo,
  // after every seeder with contracts, statements and dispute outcomes: ratings, tax years, four rated months, one
  // manual review
  seedCreditDemo,
  // after the credit seeder (the applicants' grades): products, a sealed unpaid statement, loans in every state
  seedFinanceDemo,
  // after the finance seeder (sub2@'s wallet holds its loan): policies in place of cash bonds and a claim to decide
  seedInsuranceDemo,
  // after the disputes seeder (service@ is the first support line): tickets in every state and the board's history
  seedTicketsDemo,
  // then the daily scan over everything seeded (execution, payouts, opened tenders), and warnings in every state
  seedRiskDemo,
  // then last month's wage close: gc@'s subcontracts with workers on site and no wage payout raise 欠薪 warnings
  seedWagesDemo,
  // after every seeder that releases escrow (the 1% provisions fund the reserve and the platform fees are charged):
  // reserve claims in every state, value-added charges and last month's receipts
  seedReserveDemo,
  seedFeesDemo,
  // 数据大脑: the PPI series with forecasts, and gc@'s material demand with offers for the optimiser
  seedPricesDemo,
  // 数据看板: 杭州/宁波 信息价 and the composite indices, gov@ (GOV viewer of 浙江), gc@'s threshold and its warning
  seedBoardsDemo,
  // 政策库: policies published by admin@ (editor), one revised, one withdrawn; gc@'s Zhejiang subscription
  seedPoliciesDemo,
  // 专家智库: four verified experts and one pending application; public Q&A with accepted, rated answers, one still
  // open; gc@'s private consultation of the lawyer (after the policies seeder, before the notification settings)
  seedExpertsDemo,
  // 运行状态: past alerts, opened and resolved by the minute check
  seedMonitoringDemo,
  // 开放平台: gc@'s organisation with an active and a revoked API key
  seedDeveloperDemo,
  // 施工人社区: posts on every board, a best answer, a post held for review and a reported one in the staff queue
  seedCommunityDemo,

  // webhooks: gc@'s ERP endpoint with deliveries delivered, failing (next attempt queued) and dead
  seedWebhooksDemo,
  // 通知设置: sup@'s preferences (e-mail off for 匹配, digest on, quiet hours) and notifications read and unread
  seedNotificationsDemo,
  // 收藏与询价: gc@'s favourites; inquiries with two quotes to compare, one awaiting quotes, one accepted
  seedInquiriesDemo,
  // 消息: gc@ and sup@ on their contract (logged as evidence) and on a demand, with unread messages on both sides
  seedChatDemo,
  // 自动化营销: the three built-in journeys run at this morning's 10:00 (leads followed up, silent suppliers recalled)
  seedAutomationDemo,
  // 推荐有礼·积分·优惠券: after the fees (gc@'s open charge) and community seeders (points earned by posts):
  // points earned, redeemed and reversed; referrals in every state with a refused reward; vouchers in every state
  seedRewardsDemo,
  // 增长: twelve weeks of channel traffic, costs and deals after the inquiries seeder (sup@'s 商家数据); KPI board
  // evaluated with CAC over its alert line
  seedGrowthDemo,
  // after the growth history (sup@'s views): demand heat, searches, merchant alerts in every state, saved analyses
  seedGrowthInsightsDemo,
  // 实验: on the publish-demand form, one experiment running over simulated organisations, one stopped, one draft
  seedExperimentsDemo,
  // 运营中心: after the tickets (the monthly report reads them) and the contracts (sub@'s and sub2@'s first signed
  // contracts close their assignments): two centres, BD leads in every state, targets, last month's report
  seedOperationsDemo,
  // 承诺看板: six months of signings and demand reviews of 钱塘建工 (gc3@), some late, one contract awaiting its
  // signature past the deadline and one review waiting past its 2 working days
  seedPromisesDemo,
  // last: a signed, witnessed checkpoint that covers every demo entry
  seedEvidenceDemo,
];

export async function seedDemoIfEmpty(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[] | null> {
  if ((await countUsers(ctx)) > 0) return null;
  const logins: DemoLogin[] = [];
  for (const seeder of SEEDERS) logins.push(...(await seeder(ctx, modules)));
  return logins;
}
