import { createRequire } from 'node:module';
import mammoth from 'mammoth';
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

/** The text of a tender file (PDF or DOCX); a file with no text (a scan) raises DEMAND_IMPORT_NO_TEXT. */
export async function extractTenderText(
  bytes: Buffer,
  kind: 'pdf' | 'docx',
): Promise<{ text: string; pages: number | null }> {
  const { text, pages } = kind === 'pdf' ? await pdfText(bytes) : { text: await docxText(bytes), pages: null };
  const clean = text.replaceAll(String.fromCharCode(0), '').slice(0, MAX_CHARS);
  if (clean.replace(/\s/g, '').length < 10) throw demandErrors.raise('DEMAND_IMPORT_NO_TEXT');
  return { text: clean, pages };
}
