// fontkit 1.9 ships no types; the PDF writer only hands it to pdf-lib, which declares what it calls (ADR 0122).
declare module 'fontkit' {
  import type { PDFDocument } from 'pdf-lib';

  const fontkit: Parameters<PDFDocument['registerFontkit']>[0];
  export default fontkit;
}
