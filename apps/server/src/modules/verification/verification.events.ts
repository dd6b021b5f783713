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

/**
 * 实名核验通过 an organisation's verification was approved by a reviewer. Published inside the decision's
 * transaction; the referral rewards react after commit.
 */
export interface OrganisationVerified {
  orgId: string;
  verificationId: string;
  /** 统一社会信用代码 on the approved business licence */
  licenceCreditCode: string;
  /** ISO instant */
  decidedAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'verification.credential_expired': CredentialExpired;
    'verification.approved': OrganisationVerified;
  }
}
