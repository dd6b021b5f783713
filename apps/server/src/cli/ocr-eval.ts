import { parseArgs } from 'node:util';
import { ocrAvailable } from '../infra/ocr/tesseract';
import { evaluateScans, formatScanReport } from './ocr-evaluation';

/**
 * 扫描件识别准确率 (INFO-3, ADR 0125): generates scanned tender notices of known content (text PDFs by PdfWriter,
 * rasterised by pdftoppm, rotated, blurred and noised from a seed), reads them as the import does and prints the
 * accuracy of every pre-filled field.
 *   npm run eval:ocr                 10 samples, seed 26
 *   npm run eval:ocr -- --count 20 --seed 7
 */
const { values } = parseArgs({
  options: { count: { type: 'string', default: '10' }, seed: { type: 'string', default: '26' } },
});
const count = Number(values.count);
const seed = Number(values.seed);
const ocr = {
  tesseract: process.env.OCR_TESSERACT ?? 'tesseract',
  pdftoppm: process.env.OCR_PDFTOPPM ?? 'pdftoppm',
  timeoutMs: 120_000,
  maxPages: 3,
};
if (!(await ocrAvailable(ocr))) {
  console.error(
    'tesseract with Simplified Chinese is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils',
  );
  process.exit(2);
}
const started = Date.now();
console.log(
  `OCR accuracy on ${count} generated scans (seed ${seed}); the import's own reading: pdftoppm + tesseract chi_sim`,
);
console.log('');
console.log(formatScanReport(await evaluateScans(seed, count, ocr)));
console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
