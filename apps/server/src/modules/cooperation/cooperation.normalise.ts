/**
 * 企业名称归一化: one key per firm, whatever the spelling. Legal forms (GmbH, AG, Ltd, S.r.l., Kft., 有限公司,
 * 股份有限公司 …) are dropped wherever they stand at the end, case is folded, punctuation and whitespace go.
 * "Burbach GmbH", "BURBACH G.m.b.H." and "Burbach" give the same key.
 */
const LEGAL_FORMS = [
  // Chinese (longest first)
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '股份公司',
  '公司',
  // German, Austrian
  'gmbh co kg',
  'gmbh co kgaa',
  'gmbh co ohg',
  'ag co kg',
  'se co kg',
  'gmbh',
  'ggmbh',
  'mbh',
  'kgaa',
  'kg',
  'ohg',
  'ag',
  'se',
  'ev',
  'eg',
  'ug haftungsbeschränkt',
  'ug',
  // English
  'limited',
  'ltd',
  'plc',
  'llc',
  'inc',
  'corp',
  'co',
  'company',
  // Italian, Romanian, Hungarian, French, Spanish
  'srl',
  'spa',
  'sas',
  'snc',
  'scarl',
  'scrl',
  'sa',
  'sarl',
  'sl',
  'kft',
  'zrt',
  'nyrt',
  'bt',
  'rt',
];

const SORTED = [...LEGAL_FORMS].sort((a, b) => b.length - a.length);

export function normaliseFirmName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  // dots and apostrophes join letters (S.r.l. → srl, G.m.b.H. → gmbh); '&', '+' and 'und'/'and' separate
  s = s.replace(/[.'’`´]/g, '');
  s = s.replace(/[（(][^)）]*[)）]/g, (m) => (/[\u4e00-\u9fff]/.test(m) ? m : ' ')); // (Austria) but keep （北京）
  s = s.replace(/[&+]/g, ' ');
  s = s.replace(/[\p{P}\p{S}]+/gu, ' ');
  s = s.replace(/\b(und|and)\b/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    for (const form of SORTED) {
      const latin = /^[a-z ]+$/.test(form);
      if (latin ? s.endsWith(` ${form}`) : s.endsWith(form) && s.length > form.length) {
        s = s.slice(0, s.length - form.length).trim();
        changed = true;
        break;
      }
    }
  }
  return s.replace(/\s+/g, '');
}
