import type { OcrOptions } from '../infra/ocr/tesseract';
import { readTenderFile } from '../modules/demands';
import { EVALUATED_FIELDS, type EvaluatedField, makeScanSample, type ScanSample } from './ocr-samples';

/**
 * 扫描件识别准确率: OCRs generated scans through the import's own reading (readTenderFile: pdftoppm + tesseract, the
 * tender parser, the confidence rule) and compares every field with what was written into the notice.
 */
export interface SampleOutcome {
  sample: ScanSample;
  seconds: number;
  meanConfidence: number | null;
  /** per field: right, wrong (found but different) or missing; and the confidence level the import gave it */
  fields: Record<
    EvaluatedField,
    { outcome: 'right' | 'wrong' | 'missing'; level: 'high' | 'low' | null; got: unknown }
  >;
  error: string | null;
}

export async function evaluateScans(seed: number, count: number, ocr: OcrOptions): Promise<SampleOutcome[]> {
  const outcomes: SampleOutcome[] = [];
  for (let i = 0; i < count; i++) {
    const sample = await makeScanSample(seed, i);
    const started = Date.now();
    const fields = {} as SampleOutcome['fields'];
    try {
      const { extracted, parsed, confidence } = await readTenderFile(sample.bytes, sample.kind, ocr);
      for (const field of EVALUATED_FIELDS) {
        const got = parsed.fields[field];
        fields[field] = {
          outcome: got === undefined ? 'missing' : got === sample.truth[field] ? 'right' : 'wrong',
          level: confidence[field]?.level ?? null,
          got,
        };
      }
      outcomes.push({
        sample,
        seconds: (Date.now() - started) / 1000,
        meanConfidence: extracted.ocr?.meanConfidence ?? null,
        fields,
        error: null,
      });
    } catch (error) {
      for (const field of EVALUATED_FIELDS) fields[field] = { outcome: 'missing', level: null, got: undefined };
      outcomes.push({
        sample,
        seconds: (Date.now() - started) / 1000,
        meanConfidence: null,
        fields,
        error: String(error),
      });
    }
  }
  return outcomes;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '—');

export function formatScanReport(outcomes: readonly SampleOutcome[]): string {
  const out: string[] = [];
  out.push('sample        kind   rot°   blur  noise  conf   s     fields right');
  for (const o of outcomes) {
    const right = EVALUATED_FIELDS.filter((f) => o.fields[f].outcome === 'right').length;
    const d = o.sample.degradation;
    out.push(
      `${o.sample.name.padEnd(13)} ${o.sample.kind.padEnd(6)} ${d.rotationDeg.toFixed(2).padStart(5)}  ${d.blurPx.toFixed(2)}  ${String(d.noise).padStart(5)}  ${o.meanConfidence === null ? '  —' : o.meanConfidence.toFixed(0).padStart(3)}  ${o.seconds.toFixed(1).padStart(4)}  ${right}/${EVALUATED_FIELDS.length}${o.error ? `  ERROR ${o.error}` : ''}`,
    );
    for (const f of EVALUATED_FIELDS) {
      const r = o.fields[f];
      if (r.outcome !== 'right')
        out.push(
          `    ${f}: ${r.outcome} (got ${JSON.stringify(r.got)}, want ${JSON.stringify(o.sample.truth[f])}, ${r.level ?? '—'})`,
        );
    }
  }
  out.push('');
  out.push('field               accuracy   wrong  missing   marked low when not right   right but marked low');
  let allRight = 0;
  for (const f of EVALUATED_FIELDS) {
    const rows = outcomes.map((o) => o.fields[f]);
    const right = rows.filter((r) => r.outcome === 'right').length;
    const wrong = rows.filter((r) => r.outcome === 'wrong').length;
    const missing = rows.filter((r) => r.outcome === 'missing').length;
    const wrongLow = rows.filter((r) => r.outcome === 'wrong' && r.level === 'low').length;
    const rightLow = rows.filter((r) => r.outcome === 'right' && r.level === 'low').length;
    allRight += right;
    out.push(
      `${f.padEnd(19)} ${`${right}/${rows.length}`.padStart(5)} ${pct(right, rows.length).padStart(5)}  ${String(wrong).padStart(5)}  ${String(missing).padStart(7)}   ${`${wrongLow}/${wrong} wrong`.padStart(25)}   ${`${rightLow}/${right}`.padStart(20)}`,
    );
  }
  const total = outcomes.length * EVALUATED_FIELDS.length;
  out.push(`${'all fields'.padEnd(19)} ${`${allRight}/${total}`.padStart(5)} ${pct(allRight, total).padStart(5)}`);
  return out.join('\n');
}
