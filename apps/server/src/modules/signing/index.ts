export { createSigningModule } from './signing.module';
export type { ESignatureProvider, SignatureRequest } from './signing.provider';
export { authority, caCertificatePem, platformSealProvider, sealFor } from './signing.service';
