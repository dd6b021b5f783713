/**
 * Where signatures come from. The built-in provider is the platform's own seal CA (signing.service.ts). A
 * licensed Chinese e-signature service (a CA under the 电子签名法, e.g. a provider's seal-signing API with face
 * or SMS identity confirmation) implements the same interface: it receives the PDF and who signs for whom, and
 * returns the PDF with one more PAdES signature added as an incremental update.
 */
export interface SignatureRequest {
  org: { id: string; name: string; creditCode: string };
  /** the person who authorised the signature (after step-up 2FA on ZhuHe) */
  signer: { userId: string; name: string };
  reason: string;
  signingTime: Date;
}

export interface ESignatureProvider {
  readonly name: string;
  signPdf(pdf: Buffer, request: SignatureRequest): Promise<Buffer>;
  /** certificates a verifier needs to trust (PEM), e.g. the provider's root */
  trustAnchors(): Promise<string[]>;
}
