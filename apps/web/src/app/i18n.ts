import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commissionEn, commissionZhCN } from '../modules/commission';
import { complianceEn, complianceZhCN } from '../modules/compliance';
import { contractsEn, contractsZhCN } from '../modules/contracts';
import { creditEn, creditZhCN } from '../modules/credit';
import { disputesEn, disputesZhCN } from '../modules/disputes';
import { escrowEn, escrowZhCN } from '../modules/escrow';
import { evidenceEn, evidenceZhCN } from '../modules/evidence';
import { executionEn, executionZhCN } from '../modules/execution';
import { identityEn, identityZhCN } from '../modules/identity';
import { librariesEn, librariesZhCN } from '../modules/libraries';
import { matchingEn, matchingZhCN } from '../modules/matching';
import { merchantsEn, merchantsZhCN } from '../modules/merchants';
import { organisationEn, organisationZhCN } from '../modules/organisation';
import { riskEn, riskZhCN } from '../modules/risk';
import { staffEn, staffZhCN } from '../modules/staff';
import { tenderingEn, tenderingZhCN } from '../modules/tendering';
import { tiersEn, tiersZhCN } from '../modules/tiers';
import { verificationEn, verificationZhCN } from '../modules/verification';
import { commonEn, commonZhCN } from './common.i18n';
import { LANGUAGES, startLanguage } from './language';

/**
 * The i18next setup, imported by the entry only: nothing imports this file back, so reading every module's texts
 * here makes no cycle. Modules' index.ts files have no side effects, so only the *.i18n.ts files come along, not
 * the components, which stay in the chunks of the pages that use them.
 */
const resources = {
  'zh-CN': {
    common: commonZhCN,
    identity: identityZhCN,
    organisation: organisationZhCN,
    staff: staffZhCN,
    evidence: evidenceZhCN,
    contracts: contractsZhCN,
    escrow: escrowZhCN,
    verification: verificationZhCN,
    merchants: merchantsZhCN,
    compliance: complianceZhCN,
    commission: commissionZhCN,
    tiers: tiersZhCN,
    credit: creditZhCN,
    libraries: librariesZhCN,
    tendering: tenderingZhCN,
    execution: executionZhCN,
    matching: matchingZhCN,
    disputes: disputesZhCN,
    risk: riskZhCN,
  },
  en: {
    common: commonEn,
    identity: identityEn,
    organisation: organisationEn,
    staff: staffEn,
    evidence: evidenceEn,
    contracts: contractsEn,
    escrow: escrowEn,
    verification: verificationEn,
    merchants: merchantsEn,
    compliance: complianceEn,
    commission: commissionEn,
    tiers: tiersEn,
    credit: creditEn,
    libraries: librariesEn,
    tendering: tenderingEn,
    execution: executionEn,
    matching: matchingEn,
    disputes: disputesEn,
    risk: riskEn,
  },
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['zh-CN'];
  }
}

export function initI18n(): typeof i18next {
  const language = startLanguage();
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
