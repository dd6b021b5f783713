import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * 文字识别 (OCR) of scanned documents with Debian's `tesseract-ocr` (+ `tesseract-ocr-chi-sim`), PDF pages rasterised
 * by poppler's `pdftoppm` (ADR 0125). Both run as child processes with a time budget, bounded output and a bounded
 * image size; at most MAX_RUNNING recognitions run at once in a process and at most MAX_WAITING wait, so a burst of
 * scans cannot take the machine's cores from the request path. Nothing here downloads anything: the language data is
 * the Debian package's.
 */
export interface OcrOptions {
  tesseract: string;
  pdftoppm: string;
  /** the whole recognition (rasterising and every page) must finish within this many milliseconds */
  timeoutMs: number;
  /** pages of a PDF read, from the first */
  maxPages: number;
  /** tesseract's languages, `chi_sim` by default (its data reads digits and Latin letters too) */
  languages?: string;
}

export interface OcrLine {
  text: string;
  /** mean of the words' confidences, 0–100 */
  confidence: number;
  page: number;
}

export interface OcrResult {
  text: string;
  lines: OcrLine[];
  /** mean word confidence over the document, 0–100 */
  meanConfidence: number;
  pagesRead: number;
}

export type OcrFailure = 'unavailable' | 'language_missing' | 'timeout' | 'busy' | 'unreadable' | 'image_too_large';

export class OcrError extends Error {
  constructor(
    readonly reason: OcrFailure,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Long side of a rasterised page in pixels: A4 → about 155 dpi, which read generated scans better than 205 dpi (ADR 0125). */
export const PAGE_LONG_SIDE_PX = 1800;
/** Images larger than this are refused before tesseract decodes them (a small PNG can claim a huge canvas). */
export const MAX_IMAGE_PIXELS = 40_000_000;
const MAX_SIDE_PX = 20_000;
const MAX_STDOUT = 4 * 1_048_576;
const MAX_RUNNING = 1;
const MAX_WAITING = 3;

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new OcrError('busy', `${running} running, ${waiting.length} waiting`);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Runs a program with a deadline; resolves with its stdout, rejects with an OcrError. */
function run(program: string, args: string[], deadline: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      reject(new OcrError('timeout', what));
      return;
    }
    // one thread: tesseract's OpenMP threads contend on small machines and were slower than one (ADR 0125)
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (error: OcrError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(stdout);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new OcrError('timeout', what));
    }, remaining);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.length > MAX_STDOUT) {
        child.kill('SIGKILL');
        finish(new OcrError('unreadable', `${what}: output too long`));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        new OcrError(error.code === 'ENOENT' || error.code === 'EACCES' ? 'unavailable' : 'unreadable', error.message),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) finish(null);
      else if (/Failed loading language|Error opening data file/i.test(stderr))
        finish(new OcrError('language_missing', stderr.trim().slice(0, 300)));
      else finish(new OcrError('unreadable', `${what}: ${stderr.trim().slice(0, 300) || `exit ${code}`}`));
    });
  });
}

/** Width and height of a PNG or JPEG from its header, or null when the header cannot be read. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('latin1', 12, 16) === 'IHDR')
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1] as number;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        at += 2;
        continue;
      }
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  }
  return null;
}

interface Word {
  page: number;
  key: string;
  text: string;
  confidence: number;
}

/** Joins tesseract's words: Chinese characters touch, Latin letters and digits keep a space between words. */
function joinWords(words: readonly string[]): string {
  let line = '';
  for (const word of words) {
    if (line && /[A-Za-z0-9]$/.test(line) && /^[A-Za-z0-9]/.test(word)) line += ' ';
    line += word;
  }
  return line;
}

/** Lines of tesseract's TSV output (level 5 rows are words; block/paragraph/line numbers group them). */
export function linesOfTsv(tsv: string, page: number): OcrLine[] {
  const words: Word[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols[0] !== '5' || cols.length < 12) continue;
    const text = (cols[11] ?? '').trim();
    const confidence = Number(cols[10]);
    if (!text || !Number.isFinite(confidence) || confidence < 0) continue;
    words.push({ page, key: `${cols[2]}.${cols[3]}.${cols[4]}`, text, confidence });
  }
  const lines: OcrLine[] = [];
  let current: Word[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const mean = current.reduce((sum, w) => sum + w.confidence, 0) / current.length;
    lines.push({ text: joinWords(current.map((w) => w.text)), confidence: Math.round(mean * 10) / 10, page });
    current = [];
  };
  for (const word of words) {
    if (current.length > 0 && current[0]?.key !== word.key) flush();
    current.push(word);
  }
  flush();
  return lines;
}

async function recognise(file: string, page: number, options: OcrOptions, deadline: number): Promise<OcrLine[]> {
  const tsv = await run(
    options.tesseract,
    [file, 'stdout', '-l', options.languages ?? 'chi_sim', '--psm', '6', 'tsv'],
    deadline,
    `tesseract page ${page}`,
  );
  return linesOfTsv(tsv, page);
}

function result(lines: OcrLine[], pagesRead: number): OcrResult {
  const weights = lines.map((l) => l.text.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const meanConfidence = total
    ? lines.reduce((sum, l, i) => sum + l.confidence * (weights[i] as number), 0) / total
    : 0;
  return {
    text: lines.map((l) => l.text).join('\n'),
    lines,
    meanConfidence: Math.round(meanConfidence * 10) / 10,
    pagesRead,
  };
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'zhuhe-ocr-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** OCR of a PNG or JPEG image. */
export function ocrImage(bytes: Buffer, options: OcrOptions): Promise<OcrResult> {
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0)
    return Promise.reject(new OcrError('unreadable', 'no image header'));
  if (size.width > MAX_SIDE_PX || size.height > MAX_SIDE_PX || size.width * size.height > MAX_IMAGE_PIXELS)
    return Promise.reject(new OcrError('image_too_large', `${size.width}×${size.height}`));
  const deadline = Date.now() + options.timeoutMs;
  return slot(() =>
    inTempDir(async (dir) => {
      const file = join(dir, 'image');
      await writeFile(file, bytes);
      return result(await recognise(file, 1, options, deadline), 1);
    }),
  );
}

/** OCR of the first `maxPages` pages of a PDF, each rasterised (grey, long side PAGE_LONG_SIDE_PX) by pdftoppm. */
export function ocrPdf(bytes: Buffer, options: OcrOptions): Promise<OcrResult> {
  const deadline = Date.now() + options.timeoutMs;
  return slot(() =>
    inTempDir(async (dir) => {
      const input = join(dir, 'input.pdf');
      await writeFile(input, bytes);
      await run(
        options.pdftoppm,
        [
          '-f',
          '1',
          '-l',
          String(options.maxPages),
          '-scale-to',
          String(PAGE_LONG_SIDE_PX),
          '-gray',
          '-png',
          input,
          join(dir, 'page'),
        ],
        deadline,
        'pdftoppm',
      );
      const pages = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort((a, b) => pageNo(a) - pageNo(b));
      if (pages.length === 0) throw new OcrError('unreadable', 'pdftoppm wrote no page');
      const lines: OcrLine[] = [];
      for (const page of pages) lines.push(...(await recognise(join(dir, page), pageNo(page), options, deadline)));
      return result(lines, pages.length);
    }),
  );
}

function pageNo(file: string): number {
  return Number(file.match(/(\d+)\.png$/)?.[1] ?? 0);
}

/** Whether tesseract runs and has the Simplified Chinese data (`tesseract --list-langs`). */
export async function ocrAvailable(options: Pick<OcrOptions, 'tesseract'>): Promise<boolean> {
  try {
    const out = await run(options.tesseract, ['--list-langs'], Date.now() + 10_000, 'tesseract --list-langs');
    return /^chi_sim$/m.test(out);
  } catch {
    return false;
  }
}
