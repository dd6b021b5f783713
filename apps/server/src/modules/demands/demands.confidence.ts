import type { ImportFieldConfidence } from '@zhuhe/contracts';
import type { OcrLine, OcrResult } from '../../infra/ocr/tesseract';
import type { ParsedTender, TenderField } from './demands.tender-parser';

/**
 * 识别可信度: how far each pre-filled field of an imported tender can be trusted. Two things can go wrong: the rule
 * guessed (the field was not read after its own label) and, for a scan, the characters were misread. A field is
 * `high` only when its rule read a label and, for OCR, the line it came from was recognised with at least
 * OCR_HIGH_CONFIDENCE (tesseract's mean word confidence, 0–100); everything else is `low` and highlighted.
 */
export const OCR_HIGH_CONFIDENCE = 85;

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The recognised lines the evidence was read from (a labelled value lies on one line; a phrase may span two). */
function linesOf(evidence: string, lines: readonly OcrLine[]): OcrLine[] {
  const wanted = squeeze(evidence);
  if (!wanted) return [];
  const head = wanted.slice(0, 12);
  const hit = lines.filter((l) => {
    const text = squeeze(l.text);
    return text.includes(head) || (text.length >= 4 && wanted.includes(text));
  });
  return hit;
}

export function fieldConfidence(
  parsed: ParsedTender,
  ocr: OcrResult | null,
): Partial<Record<TenderField, ImportFieldConfidence>> {
  const out: Partial<Record<TenderField, ImportFieldConfidence>> = {};
  for (const field of parsed.found) {
    const rule = parsed.rules[field] ?? 'inferred';
    let score: number | null = null;
    if (ocr) {
      const evidence = parsed.evidence[field];
      const lines = evidence ? linesOf(evidence, ocr.lines) : [];
      // no line to point at: the document's mean stands in for it
      score = lines.length ? Math.min(...lines.map((l) => l.confidence)) : ocr.meanConfidence;
      score = Math.max(0, Math.min(100, Math.round(score)));
    }
    const high = rule === 'labelled' && (score === null || score >= OCR_HIGH_CONFIDENCE);
    out[field] = { rule, ocr: score, level: high ? 'high' : 'low' };
  }
  return out;
}
