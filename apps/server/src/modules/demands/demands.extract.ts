import { createRequire } from 'node:module';
import mammoth from 'mammoth';
import {
  MAX_IMAGE_PIXELS,
  OcrError,
  type OcrOptions,
  type OcrResult,
  ocrImage,
  ocrPdf,
} from '../../infra/ocr/tesseract';
import { demandErrors } from './demands.errors';

const require = createRequire(import.meta.url);
const PDFJS_DIR = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
const MAX_PAGES = 40;
const MAX_CHARS = 200_000;

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

/** Text of a PDF (pdf.js, first 40 pages). A damaged or encrypted file raises DEMAND_IMPORT_UNREADABLE. */
async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${PDFJS_DIR}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    let text = '';
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && text.length < MAX_CHARS; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items as TextItem[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      text += '\n';
      page.cleanup();
    }
    return { text, pages: doc.numPages };
  } catch {
    throw demandErrors.raise('DEMAND_IMPORT_UNREADABLE');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function docxText(bytes: Buffer): Promise<string> {
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw demandErrors.raise('DEMAND_IMPORT_UNREADABLE');
  }
}

export type TenderFileKind = 'pdf' | 'docx' | 'image';

export interface ExtractedTender {
  text: string;
  pages: number | null;
  source: 'text' | 'ocr';
  ocr: OcrResult | null;
}

function ocrFailure(error: unknown): never {
  if (!(error instanceof OcrError)) throw error;
  switch (error.reason) {
    case 'unavailable':
    case 'language_missing':
      throw demandErrors.raise('DEMAND_OCR_UNAVAILABLE');
    case 'busy':
      throw demandErrors.raise('DEMAND_OCR_BUSY');
    case 'timeout':
      throw demandErrors.raise('DEMAND_OCR_TIMEOUT');
    case 'image_too_large':
      throw demandErrors.raise('DEMAND_OCR_IMAGE_TOO_LARGE', { maxMegapixels: MAX_IMAGE_PIXELS / 1_000_000 });
    default:
      throw demandErrors.raise('DEMAND_IMPORT_UNREADABLE');
  }
}

const hasText = (text: string) => text.replace(/\s/g, '').length >= 10;

/**
 * The text of a tender file. A text PDF or a DOCX is read from its own text; a PDF without a text layer (a scan)
 * and a PNG/JPEG photo are recognised by OCR (ADR 0125). A file with no readable text raises DEMAND_IMPORT_NO_TEXT.
 */
export async function extractTenderText(
  bytes: Buffer,
  kind: TenderFileKind,
  ocrOptions: OcrOptions,
): Promise<ExtractedTender> {
  if (kind === 'image') {
    const ocr = await ocrImage(bytes, ocrOptions).catch(ocrFailure);
    if (!hasText(ocr.text)) throw demandErrors.raise('DEMAND_IMPORT_NO_TEXT');
    return { text: ocr.text.slice(0, MAX_CHARS), pages: 1, source: 'ocr', ocr };
  }
  const { text, pages } = kind === 'pdf' ? await pdfText(bytes) : { text: await docxText(bytes), pages: null };
  const clean = text.replaceAll(String.fromCharCode(0), '').slice(0, MAX_CHARS);
  if (hasText(clean)) return { text: clean, pages, source: 'text', ocr: null };
  if (kind !== 'pdf') throw demandErrors.raise('DEMAND_IMPORT_NO_TEXT');
  // no text layer: a scanned PDF
  const ocr = await ocrPdf(bytes, ocrOptions).catch(ocrFailure);
  if (!hasText(ocr.text)) throw demandErrors.raise('DEMAND_IMPORT_NO_TEXT');
  return { text: ocr.text.slice(0, MAX_CHARS), pages, source: 'ocr', ocr };
}
