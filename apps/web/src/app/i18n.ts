import dayjs from 'dayjs';
import { commissionEn, commissionZhCN } from '../modules/commission';
import { complianceEn, complianceZhCN } from '../modules/compliance';
import { contractsEn, contractsZhCN } from '../modules/contracts';
import { escrowEn, escrowZhCN } from '../modules/escrow';
import { evidenceEn, evidenceZhCN } from '../modules/evidence';
import { executionEn, executionZhCN } from '../modules/execution';
import { identityEn, identityZhCN } from '../modules/identity';
import { librariesEn, librariesZhCN } from '../modules/libraries';
import { matchingEn, matchingZhCN } from '../modules/matching';
import { merchantsEn, merchantsZhCN } from '../modules/merchants';
import { organisationEn, organisationZhCN } from '../modules/organisation';
import { staffEn, staffZhCN } from '../modules/staff';
import { tenderingEn, tenderingZhCN } from '../modules/tendering';
import { tiersEn, tiersZhCN } from '../modules/tiers';
import { verificationEn, verificationZhCN } from '../modules/verification';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from './api-client';
import { commonEn, commonZhCN } from './common.i18n';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'zhuhe.language';

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
    libraries: librariesZhCN,
    tendering: tenderingZhCN,
    execution: executionZhCN,
    matching: matchingZhCN,
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
    libraries: librariesEn,
    tendering: tenderingEn,
    execution: executionEn,
    matching: matchingEn,
  },
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['zh-CN'];
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'zh-CN';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  applyLanguage(language);
  await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const language = storedLanguage();
  applyLanguage(language);
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: LANGUAGES,
    defaultNS: 'common',
    ns: [
      'common',
      'identity',
      'organisation',
      'staff',
      'evidence',
      'contracts',
      'verification',
      'merchants',
      'compliance',
      'commission',
      'tiers',
    ],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
