import { EXPERT_SPECIALITY_NAMES, type ExpertSpeciality } from '@zhuhe/contracts';
import { planQuery, trigramText, tsqueryLiteral, tsvectorLiteral } from '../search';

/**
 * 问答索引 a public question's own index, cut by the search module's segmenter (as the policy library's, ADR 0103):
 * A the title and the speciality's name, B the question, C the answers (so a question is found by what the experts
 * wrote too).
 */
export function questionIndex(q: { title: string; body: string; speciality: string; answers: readonly string[] }): {
  tokens: string;
  trgmText: string;
} {
  const speciality = EXPERT_SPECIALITY_NAMES[q.speciality as ExpertSpeciality]?.['zh-CN'] ?? '';
  return {
    tokens: tsvectorLiteral([
      { text: `${q.title} ${speciality}`, weight: 'A' },
      { text: q.body, weight: 'B' },
      { text: q.answers.join('\n').slice(0, 20_000), weight: 'C' },
    ]),
    trgmText: trigramText(`${q.title} ${speciality}`),
  };
}

/** The query's words as the repository's filter wants them. */
export function questionQuery(q: string | undefined) {
  const plan = planQuery(q ?? '');
  return {
    tsquery: plan.terms.length > 0 ? tsqueryLiteral(plan.terms) : null,
    fuzzy: plan.fuzzy.map((f) => ({ text: f.text, tsquery: f.terms.length > 0 ? tsqueryLiteral(f.terms) : null })),
  };
}
