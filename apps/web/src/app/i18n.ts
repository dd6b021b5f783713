import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { commissionZhCN } from '../modules/commission';
import type { complianceZhCN } from '../modules/compliance';
import type { contractsZhCN } from '../modules/contracts';
import type { escrowZhCN } from '../modules/escrow';
import type { evidenceZhCN } from '../modules/evidence';
import type { executionZhCN } from '../modules/execution';
import type { identityZhCN } from '../modules/identity';
import type { librariesZhCN } from '../modules/libraries';
import type { matchingZhCN } from '../modules/matching';
import type { merchantsZhCN } from '../modules/merchants';
import type { organisationZhCN } from '../modules/organisation';
import type { staffZhCN } from '../modules/staff';
import type { tenderingZhCN } from '../modules/tendering';
import type { tiersZhCN } from '../modules/tiers';
import type { verificationZhCN } from '../modules/verification';
import { commonEn, commonZhCN } from './common.i18n';
import { LANGUAGES, registerTexts, startLanguage } from './language';

/**
 * The i18next setup, imported by the entry only. Modules register their own namespaces from their index.ts
 * (registerTexts), so this file needs their texts' types, not their code, and lazily loaded pages bring their texts.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof commonZhCN;
      identity: typeof identityZhCN;
      organisation: typeof organisationZhCN;
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
      matching: typeof matchingZhCN;
    };
  }
}

export function initI18n(): typeof i18next {
  registerTexts('common', { 'zh-CN': commonZhCN, en: commonEn });
  const { language, resources } = startLanguage();
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: LANGUAGES,
    defaultNS: 'common',
    ns: Object.keys(resources['zh-CN']),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
