import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from 'fontkit';
import { type PDFDocument as Doc, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/**
 * A small document writer for the platform's PDFs (contracts, reports, statements): A4 pages, a Chinese font
 * (Noto Sans SC, OFL, from npm) embedded as a subset, text wrapped per character as Chinese needs, page numbers.
 * Saved with a classic cross-reference table so signatures can be added as incremental updates.
 */
const require = createRequire(import.meta.url);
let fontBytes: Buffer | null = null;
function cjkFont(): Buffer {
  fontBytes ??= readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  return fontBytes;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];

  private constructor(
    readonly doc: Doc,
    private readonly font: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  static async create(options: { title: string; footer?: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(options.title);
    doc.setProducer('ZhuHe 筑合');
    doc.setCreator('ZhuHe 筑合');
    const font = await doc.embedFont(cjkFont(), { subset: true });
    return new PdfWriter(doc, font, options.footer ?? options.title);
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  /** Splits text into lines that fit the width, breaking between any two characters (and at newlines). */
  private wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const ch of paragraph) {
        if (this.font.widthOfTextAtSize(line + ch, size) > width && line) {
          lines.push(line);
          line = ch;
        } else line += ch;
      }
      lines.push(line);
    }
    return lines;
  }

  text(
    text: string,
    options: { size?: number; indent?: number; gap?: number; color?: [number, number, number] } = {},
  ): void {
    const size = options.size ?? 11;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.6;
    for (const line of this.wrap(text, size, A4[0] - 2 * MARGIN - indent)) {
      this.ensure(lineHeight);
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y - size,
        size,
        font: this.font,
        color: rgb(...(options.color ?? [0.1, 0.1, 0.1])),
      });
      this.y -= lineHeight;
    }
    this.y -= options.gap ?? 4;
  }

  heading(text: string, size = 16): void {
    this.y -= 6;
    this.text(text, { size, gap: 8 });
  }

  /**
   * A simple table across the text width: column widths are shares of it (0.3, 0.7 or 70, 90, … alike: they are
   * scaled to fill the width, so points given by mistake no longer draw one column off the page); rows wrap within
   * their cells.
   */
  table(columns: { title: string; width: number }[], rows: string[][], size = 9): void {
    const total = A4[0] - 2 * MARGIN;
    const shares = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / shares) * total);
    const drawRow = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((cell, i) => this.wrap(cell, size, (widths[i] as number) - 6));
      const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.5 + 6;
      this.ensure(height);
      let x = MARGIN;
      for (const [i, lines] of wrapped.entries()) {
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: widths[i] as number,
          height,
          borderColor: rgb(0.6, 0.6, 0.6),
          borderWidth: 0.5,
          ...(bold ? { color: rgb(0.94, 0.95, 0.97) } : {}),
        });
        lines.forEach((line, j) => {
          this.page.drawText(line, {
            x: x + 3,
            y: this.y - 4 - size - j * size * 1.5,
            size,
            font: this.font,
            color: rgb(0.1, 0.1, 0.1),
          });
        });
        x += widths[i] as number;
      }
      this.y -= height;
    };
    drawRow(
      columns.map((c) => c.title),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.y -= 8;
  }

  space(points = 10): void {
    this.y -= points;
  }

  async save(): Promise<Buffer> {
    const count = this.pages.length;
    this.pages.forEach((page, i) => {
      page.drawText(`${this.footer}    第 ${i + 1} / ${count} 页`, {
        x: MARGIN,
        y: 28,
        size: 8,
        font: this.font,
        color: rgb(0.45, 0.45, 0.45),
      });
    });
    return Buffer.from(await this.doc.save({ useObjectStreams: false }));
  }
}
