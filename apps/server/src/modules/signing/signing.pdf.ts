import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { cadesDetached, type IssuedCert } from './signing.pki';

class SealSigner extends Signer {
  constructor(
    private readonly seal: IssuedCert,
    private readonly chain: string[],
  ) {
    super();
  }
  override async sign(content: Buffer): Promise<Buffer> {
    return cadesDetached(content, this.seal, this.chain);
  }
}

export interface PdfSignatureInput {
  seal: IssuedCert;
  chain: string[];
  /** the signer's name as it appears in the signature dictionary, e.g. "浙江宏筑建设集团有限公司（陈建国）" */
  name: string;
  reason: string;
  signingTime: Date;
}

const signer = new SignPdf();

/**
 * Adds one PAdES signature as an incremental update, so the signatures already in the PDF stay valid.
 * The PDF must have a classic cross-reference table (pdf-lib: `save({ useObjectStreams: false })`).
 */
export async function signPdfIncrementally(pdf: Buffer, input: PdfSignatureInput): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: input.reason,
    contactInfo: 'ZhuHe 筑合',
    name: input.name,
    location: 'ZhuHe',
    signingTime: input.signingTime,
    signatureLength: 12_000,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'ZhuHe',
  });
  return Buffer.from(await signer.sign(withPlaceholder, new SealSigner(input.seal, input.chain)));
}
