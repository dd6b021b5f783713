import { describe, expect, it } from 'vitest';
import { makeScanSample } from '../../cli/ocr-samples';
import { ocrAvailable } from '../../infra/ocr/tesseract';
import { readTenderFile } from './demands.service';

const OCR = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', timeoutMs: 60_000, maxPages: 3 };
const hasOcr = await ocrAvailable(OCR);
if (!hasOcr)
  console.warn(
    'SKIPPED: the OCR reading test needs tesseract with chi_sim — apt-get install tesseract-ocr tesseract-ocr-chi-sim',
  );

describe.skipIf(!hasOcr)('reading a scanned tender notice (OCR)', () => {
  it('finds the budget, region and deadline of a generated scan, marked with their OCR confidence', async () => {
    // seed 26, sample 3 of `npm run eval:ocr`: a scanned PDF (no text layer) rotated 1.4°, blurred and noised
    const sample = await makeScanSample(26, 2);
    expect(sample.kind).toBe('pdf');
    const { extracted, parsed, confidence } = await readTenderFile(sample.bytes, sample.kind, OCR);
    expect(extracted.source).toBe('ocr');
    expect(extracted.ocr?.pagesRead).toBe(1);
    expect(parsed.fields.budgetFen).toBe(sample.truth.budgetFen);
    expect(parsed.fields.regionCode).toBe(sample.truth.regionCode);
    expect(parsed.fields.deadline).toBe(sample.truth.deadline);
    for (const field of ['budgetFen', 'regionCode', 'deadline'] as const) {
      expect(confidence[field]?.rule).toBe('labelled');
      expect(confidence[field]?.ocr).toBeGreaterThan(50);
    }
    // guessed fields are never marked high, however well they were read
    expect(confidence.type).toMatchObject({ rule: 'inferred', level: 'low' });
  }, 60_000);
});
