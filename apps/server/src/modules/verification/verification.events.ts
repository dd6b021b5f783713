/** What the verification module publishes (see infra/events.ts). */

/**
 * A licence, ID card or qualification certificate of an approved verification has ended. Published inside the
 * expiry watch's transaction: privileges that depend on the credential (a merchant's listing rights) are suspended
 * in the same transaction by the subscribers.
 */
export interface CredentialExpired {
  orgId: string;
  verificationId: string;
  credential: 'licence' | 'id_card' | 'qualification';
  label: string;
  /** YYYY-MM-DD */
  validUntil: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'verification.credential_expired': CredentialExpired;
  }
}
