import { describe, expect, it } from 'vitest';
import { imageSize, linesOfTsv, OcrError, ocrAvailable, ocrImage, ocrPdf } from './tesseract';

const OPTIONS = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', timeoutMs: 30_000, maxPages: 2 };

/** A PNG signature and IHDR claiming the given size (no pixel data follows). */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

describe('image headers', () => {
  it('reads the size of a PNG and of a JPEG (from its SOF marker after other segments)', () => {
    expect(imageSize(pngHeader(1240, 1754))).toEqual({ width: 1240, height: 1754 });
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 200
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x01,
      0x2c,
      0x00,
      0xc8,
      0x03,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 200, height: 300 });
    expect(imageSize(Buffer.from('not an image'))).toBeNull();
  });

  it('refuses an image claiming more pixels than the limit before any program decodes it', async () => {
    const error = await ocrImage(pngHeader(10_000, 10_000), { ...OPTIONS, tesseract: '/nonexistent/tesseract' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OcrError);
    expect((error as OcrError).reason).toBe('image_too_large');
  });
});

describe("tesseract's TSV", () => {
  it('groups words into lines with their mean confidence; Chinese characters touch, digits keep their spaces', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t',
      '5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\t招标',
      '5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t80\t控制价',
      '5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t70\t:',
      '5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t60\t0571',
      '5\t1\t1\t1\t2\t2\t0\t0\t10\t10\t50\t8888',
      '5\t1\t1\t1\t2\t3\t0\t0\t10\t10\t-1\t ',
    ].join('\n');
    expect(linesOfTsv(tsv, 2)).toEqual([
      { text: '招标控制价:', confidence: 80, page: 2 },
      { text: '0571 8888', confidence: 55, page: 2 },
    ]);
  });
});

describe('missing programs', () => {
  it('reports a missing tesseract or pdftoppm as unavailable, not as a broken file', async () => {
    const noTesseract = { ...OPTIONS, tesseract: '/nonexistent/tesseract' };
    expect(await ocrAvailable(noTesseract)).toBe(false);
    const image = await ocrImage(pngHeader(100, 100), noTesseract).catch((e: unknown) => e);
    expect((image as OcrError).reason).toBe('unavailable');
    const pdf = await ocrPdf(Buffer.from('%PDF-1.4'), { ...OPTIONS, pdftoppm: '/nonexistent/pdftoppm' }).catch(
      (e: unknown) => e,
    );
    expect((pdf as OcrError).reason).toBe('unavailable');
  });
});
