import { definePermission } from '../../infra/http/access';

export const signingPermissions = {
  /** the CA certificate is public: validators need it to trust the seals */
  caCertificate: definePermission('signing.ca_certificate', { kind: 'public' }),
};
