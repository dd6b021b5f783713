export { createSigningModule } from './signing.module';
export type { ESignatureProvider, SignatureRequest } from './signing.provider';
export {
  authority,
  caCertificatePem,
  PLATFORM_SEAL_ORG,
  platformSealProvider,
  sealAsPlatform,
  sealFor,
} from './signing.service';
