export type { ESignatureProvider, SignatureRequest } from './signing.provider';
export { signingRoutes } from './signing.routes';
export { authority, caCertificatePem, platformSealProvider, sealFor } from './signing.service';
