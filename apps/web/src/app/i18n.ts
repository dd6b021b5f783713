import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { automationZhCN } from '../modules/automation';
import type { boardsZhCN } from '../modules/boards';
import type { chatZhCN } from '../modules/chat';
import type { commissionZhCN } from '../modules/commission';
import type { communityZhCN } from '../modules/community';
import type { complianceZhCN } from '../modules/compliance';
import type { contractsZhCN } from '../modules/contracts';
import type { creditZhCN } from '../modules/credit';
import type { developerZhCN } from '../modules/developer';
import type { disputesZhCN } from '../modules/disputes';
import type { escrowZhCN } from '../modules/escrow';
import type { evidenceZhCN } from '../modules/evidence';
import type { executionZhCN } from '../modules/execution';
import type { experimentsZhCN } from '../modules/experiments';
import type { expertsZhCN } from '../modules/experts';
import type { feesZhCN } from '../modules/fees';
import type { financeZhCN } from '../modules/finance';
import type { growthZhCN } from '../modules/growth';
import { identityZhCN } from '../modules/identity';
import type { inquiriesZhCN } from '../modules/inquiries';
import type { insuranceZhCN } from '../modules/insurance';
import type { librariesZhCN } from '../modules/libraries';
import type { matchingZhCN } from '../modules/matching';
import type { merchantsZhCN } from '../modules/merchants';
import type { monitoringZhCN } from '../modules/monitoring';
import type { notificationsZhCN } from '../modules/notifications';
import type { operationsZhCN } from '../modules/operations';
import { organisationZhCN } from '../modules/organisation';
import type { policiesZhCN } from '../modules/policies';
import type { procurementZhCN } from '../modules/procurement';
import type { promisesZhCN } from '../modules/promises';
import type { reserveZhCN } from '../modules/reserve';
import type { rewardsZhCN } from '../modules/rewards';
import type { riskZhCN } from '../modules/risk';
import type { staffZhCN } from '../modules/staff';
import type { tenderingZhCN } from '../modules/tendering';
import type { ticketsZhCN } from '../modules/tickets';
import type { tiersZhCN } from '../modules/tiers';
import type { verificationZhCN } from '../modules/verification';
import type { webhooksZhCN } from '../modules/webhooks';
import type { workspaceZhCN } from '../modules/workspace';
import { commonZhCN } from './common.i18n';
import { LANGUAGES, type Language, startLanguage } from './language';

/**
 * The i18next setup, imported by the entry only: nothing imports this file back, so reading modules' texts here
 * makes no cycle.
 *
 * The texts of the shell, sign-in and the workspace home (common, identity, organisation) come with the entry. Every other module's texts are a chunk of their own, fetched with the first page that
 * asks for its namespace (`useTranslation('tendering')` suspends until then, inside the route's Suspense): both
 * languages of a namespace come in one file, so switching language later needs no further request.
 */
const bundled = {
  'zh-CN': {
    common: commonZhCN,
    identity: identityZhCN,
    organisation: organisationZhCN,
  },
};

/**
 * The English texts of the bundled namespaces are a chunk of their own: a reader in Chinese, the default, does not
 * download them with the first page; a reader in English gets them before the first render (`i18nReady`).
 */
const englishOfBundled = () =>
  Promise.all([
    import('./common.en.i18n'),
    import('../modules/identity/identity.en.i18n'),
    import('../modules/organisation/organisation.en.i18n'),
  ]).then(([common, identity, organisation]) => ({
    common: common.commonEn as Texts,
    identity: identity.identityEn as Texts,
    organisation: organisation.organisationEn as Texts,
  }));

/** Fetches the English texts of the bundled namespaces when the browser is idle, so switching language is instant. */
export function preloadOtherLanguage(): void {
  const preload = () => void englishOfBundled();
  if ('requestIdleCallback' in window) window.requestIdleCallback(preload, { timeout: 5_000 });
  else setTimeout(preload, 2_000);
}

type Texts = Record<string, unknown>;
type Loader = () => Promise<Record<Language, Texts>>;

/** One loader per lazily loaded namespace; Vite makes each `import()` a chunk of its own. */
const loaders: Record<string, Loader> = {
  growth: () => import('../modules/growth/growth.i18n').then((m) => ({ 'zh-CN': m.growthZhCN, en: m.growthEn })),
  matching: () =>
    import('../modules/matching/matching.i18n').then((m) => ({ 'zh-CN': m.matchingZhCN, en: m.matchingEn })),
  credit: () => import('../modules/credit/credit.i18n').then((m) => ({ 'zh-CN': m.creditZhCN, en: m.creditEn })),
  staff: () => import('../modules/staff/staff.i18n').then((m) => ({ 'zh-CN': m.staffZhCN, en: m.staffEn })),
  evidence: () =>
    import('../modules/evidence/evidence.i18n').then((m) => ({ 'zh-CN': m.evidenceZhCN, en: m.evidenceEn })),
  contracts: () =>
    import('../modules/contracts/contracts.i18n').then((m) => ({ 'zh-CN': m.contractsZhCN, en: m.contractsEn })),
  escrow: () => import('../modules/escrow/escrow.i18n').then((m) => ({ 'zh-CN': m.escrowZhCN, en: m.escrowEn })),
  verification: () =>
    import('../modules/verification/verification.i18n').then((m) => ({
      'zh-CN': m.verificationZhCN,
      en: m.verificationEn,
    })),
  merchants: () =>
    import('../modules/merchants/merchants.i18n').then((m) => ({ 'zh-CN': m.merchantsZhCN, en: m.merchantsEn })),
  compliance: () =>
    import('../modules/compliance/compliance.i18n').then((m) => ({ 'zh-CN': m.complianceZhCN, en: m.complianceEn })),
  commission: () =>
    import('../modules/commission/commission.i18n').then((m) => ({ 'zh-CN': m.commissionZhCN, en: m.commissionEn })),
  tiers: () => import('../modules/tiers/tiers.i18n').then((m) => ({ 'zh-CN': m.tiersZhCN, en: m.tiersEn })),
  libraries: () =>
    import('../modules/libraries/libraries.i18n').then((m) => ({ 'zh-CN': m.librariesZhCN, en: m.librariesEn })),
  tendering: () =>
    import('../modules/tendering/tendering.i18n').then((m) => ({ 'zh-CN': m.tenderingZhCN, en: m.tenderingEn })),
  execution: () =>
    import('../modules/execution/execution.i18n').then((m) => ({ 'zh-CN': m.executionZhCN, en: m.executionEn })),
  disputes: () =>
    import('../modules/disputes/disputes.i18n').then((m) => ({ 'zh-CN': m.disputesZhCN, en: m.disputesEn })),
  procurement: () =>
    import('../modules/procurement/procurement.i18n').then((m) => ({
      'zh-CN': m.procurementZhCN,
      en: m.procurementEn,
    })),
  risk: () => import('../modules/risk/risk.i18n').then((m) => ({ 'zh-CN': m.riskZhCN, en: m.riskEn })),
  finance: () => import('../modules/finance/finance.i18n').then((m) => ({ 'zh-CN': m.financeZhCN, en: m.financeEn })),
  tickets: () => import('../modules/tickets/tickets.i18n').then((m) => ({ 'zh-CN': m.ticketsZhCN, en: m.ticketsEn })),
  insurance: () =>
    import('../modules/insurance/insurance.i18n').then((m) => ({ 'zh-CN': m.insuranceZhCN, en: m.insuranceEn })),
  reserve: () => import('../modules/reserve/reserve.i18n').then((m) => ({ 'zh-CN': m.reserveZhCN, en: m.reserveEn })),
  monitoring: () =>
    import('../modules/monitoring/monitoring.i18n').then((m) => ({ 'zh-CN': m.monitoringZhCN, en: m.monitoringEn })),
  fees: () => import('../modules/fees/fees.i18n').then((m) => ({ 'zh-CN': m.feesZhCN, en: m.feesEn })),
  developer: () =>
    import('../modules/developer/developer.i18n').then((m) => ({ 'zh-CN': m.developerZhCN, en: m.developerEn })),
  community: () =>
    import('../modules/community/community.i18n').then((m) => ({ 'zh-CN': m.communityZhCN, en: m.communityEn })),
  experts: () => import('../modules/experts/experts.i18n').then((m) => ({ 'zh-CN': m.expertsZhCN, en: m.expertsEn })),
  policies: () =>
    import('../modules/policies/policies.i18n').then((m) => ({ 'zh-CN': m.policiesZhCN, en: m.policiesEn })),
  operations: () =>
    import('../modules/operations/operations.i18n').then((m) => ({ 'zh-CN': m.operationsZhCN, en: m.operationsEn })),
  boards: () => import('../modules/boards/boards.i18n').then((m) => ({ 'zh-CN': m.boardsZhCN, en: m.boardsEn })),
  notifications: () =>
    import('../modules/notifications/notifications.i18n').then((m) => ({
      'zh-CN': m.notificationsZhCN,
      en: m.notificationsEn,
    })),
  inquiries: () =>
    import('../modules/inquiries/inquiries.i18n').then((m) => ({ 'zh-CN': m.inquiriesZhCN, en: m.inquiriesEn })),
  automation: () =>
    import('../modules/automation/automation.i18n').then((m) => ({ 'zh-CN': m.automationZhCN, en: m.automationEn })),
  rewards: () => import('../modules/rewards/rewards.i18n').then((m) => ({ 'zh-CN': m.rewardsZhCN, en: m.rewardsEn })),
  chat: () => import('../modules/chat/chat.i18n').then((m) => ({ 'zh-CN': m.chatZhCN, en: m.chatEn })),
  webhooks: () =>
    import('../modules/webhooks/webhooks.i18n').then((m) => ({ 'zh-CN': m.webhooksZhCN, en: m.webhooksEn })),
  experiments: () =>
    import('../modules/experiments/experiments.i18n').then((m) => ({
      'zh-CN': m.experimentsZhCN,
      en: m.experimentsEn,
    })),
  workspace: () =>
    import('../modules/workspace/workspace.i18n').then((m) => ({ 'zh-CN': m.workspaceZhCN, en: m.workspaceEn })),
  promises: () =>
    import('../modules/promises/promises.i18n').then((m) => ({ 'zh-CN': m.promisesZhCN, en: m.promisesEn })),
};

/** An i18next backend that reads a namespace from its chunk; the bundled namespaces never reach it. */
const chunkBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (language === 'en' && namespace in bundled['zh-CN']) {
      englishOfBundled().then(
        (texts) => callback(null, texts[namespace as keyof (typeof bundled)['zh-CN']]),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
      );
      return;
    }
    const load = loaders[namespace];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (texts) => callback(null, texts[language as Language] ?? texts['zh-CN']),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

interface AllTexts {
  common: typeof commonZhCN;
  identity: typeof identityZhCN;
  organisation: typeof organisationZhCN;
  matching: typeof matchingZhCN;
  growth: typeof growthZhCN;
  credit: typeof creditZhCN;
  staff: typeof staffZhCN;
  evidence: typeof evidenceZhCN;
  contracts: typeof contractsZhCN;
  escrow: typeof escrowZhCN;
  verification: typeof verificationZhCN;
  merchants: typeof merchantsZhCN;
  compliance: typeof complianceZhCN;
  commission: typeof commissionZhCN;
  tiers: typeof tiersZhCN;
  libraries: typeof librariesZhCN;
  tendering: typeof tenderingZhCN;
  execution: typeof executionZhCN;
  disputes: typeof disputesZhCN;
  tickets: typeof ticketsZhCN;
  risk: typeof riskZhCN;
  finance: typeof financeZhCN;
  insurance: typeof insuranceZhCN;
  reserve: typeof reserveZhCN;
  fees: typeof feesZhCN;
  developer: typeof developerZhCN;
  monitoring: typeof monitoringZhCN;
  community: typeof communityZhCN;
  policies: typeof policiesZhCN;
  experts: typeof expertsZhCN;
  operations: typeof operationsZhCN;
  boards: typeof boardsZhCN;
  procurement: typeof procurementZhCN;
  promises: typeof promisesZhCN;
  notifications: typeof notificationsZhCN;
  inquiries: typeof inquiriesZhCN;
  rewards: typeof rewardsZhCN;
  webhooks: typeof webhooksZhCN;
  experiments: typeof experimentsZhCN;
  chat: typeof chatZhCN;
  automation: typeof automationZhCN;
  workspace: typeof workspaceZhCN;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: AllTexts;
  }
}

export function initI18n(): typeof i18next {
  const language = startLanguage();
  void i18next
    .use(chunkBackend)
    .use(initReactI18next)
    .init({
      resources: bundled,
      // The bundled namespaces are complete; the others come from the backend when a page first asks for them.
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: 'zh-CN',
      supportedLngs: LANGUAGES,
      defaultNS: 'common',
      ns: Object.keys(bundled['zh-CN']),
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  return i18next;
}

/** Resolves once the texts of the bundled namespaces are there in the current language (English is fetched). */
export function i18nReady(): Promise<void> {
  return i18next.loadNamespaces(Object.keys(bundled['zh-CN']));
}
