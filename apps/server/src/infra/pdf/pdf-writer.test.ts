import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfWriter } from './pdf-writer';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * The lines of ink on a greyscale PGM (P5) page, top to bottom, each as its count of x-ranges holding ink: one
 * range per glyph when the glyphs stand apart.
 */
function inkRunsPerLine(pgm: Buffer): number[] {
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  const dark = (x: number, y: number) => (pixels[y * width + x] ?? 255) < 128;
  const lines: number[] = [];
  for (let y = 0; y < height; ) {
    const rowHasInk = (row: number) => Array.from({ length: width }, (_, x) => dark(x, row)).some(Boolean);
    if (!rowHasInk(y)) {
      y++;
      continue;
    }
    const top = y;
    while (y < height && rowHasInk(y)) y++;
    let runs = 0;
    let inRun = false;
    for (let x = 0; x < width; x++) {
      let ink = false;
      for (let row = top; row < y && !ink; row++) ink = dark(x, row);
      if (ink && !inRun) runs++;
      inRun = ink;
    }
    lines.push(runs);
  }
  return lines;
}

// CI installs poppler-utils; without pdftoppm the rendering check is skipped.
describe.runIf(has('pdftoppm'))('the PDF writer’s embedded font', () => {
  it('fits a table to the text width whether its widths are shares or points', async () => {
    const render = async (widths: number[]) => {
      const w = await PdfWriter.create({ title: 'table', footer: ' ' });
      w.table(
        widths.map((width, i) => ({ title: `C${i}`, width })),
        [['1', '2', '3']],
      );
      const dir = mkdtempSync(join(tmpdir(), 'zh-pdf-'));
      try {
        writeFileSync(join(dir, 't.pdf'), await w.save());
        execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', join(dir, 't.pdf'), join(dir, 'page')]);
        return inkRunsPerLine(readFileSync(join(dir, 'page.pgm')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    // the same table either way; points summing past the page width used to put one column across the whole page
    expect(await render([70, 90, 150])).toEqual(await render([70 / 310, 90 / 310, 150 / 310]));
  });

  it('renders every glyph it draws (a broken subset left digits and characters blank)', async () => {
    const w = await PdfWriter.create({ title: 'glyphs', footer: ' ' });
    w.heading('0 1 2 3 4 5 6 7 8 9', 28);
    w.heading('兑 换 单 位 浙 江 宏 筑', 28);
    const dir = mkdtempSync(join(tmpdir(), 'zh-pdf-'));
    try {
      writeFileSync(join(dir, 'g.pdf'), await w.save());
      execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', join(dir, 'g.pdf'), join(dir, 'page')]);
      const [digits, characters] = inkRunsPerLine(readFileSync(join(dir, 'page.pgm')));
      // ten digits set apart: ten ranges of ink (the broken subset drew 2, 3 and 4 only)
      expect(digits).toBe(10);
      // eight characters set apart: at least eight (a character may have parts apart; a blank one has none)
      expect(characters).toBeGreaterThanOrEqual(8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
