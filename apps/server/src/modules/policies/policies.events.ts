/** What the policy library publishes (see infra/events.ts). */

/** 政策发布 a policy was published for the first time. */
export interface PolicyPublished {
  policyId: string;
  title: string;
  issuer: string;
  /** null: nationwide */
  regionCode: string | null;
  category: string;
  /** ISO instant */
  publishedAt: string;
}

/** 政策修订 a published policy got a new version. */
export interface PolicyRevised {
  policyId: string;
  versionNo: number;
  /** ISO instant */
  revisedAt: string;
}

/** 政策废止 a policy was withdrawn. */
export interface PolicyWithdrawn {
  policyId: string;
  reason: string;
  /** ISO instant */
  withdrawnAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'policies.published': PolicyPublished;
    'policies.revised': PolicyRevised;
    'policies.withdrawn': PolicyWithdrawn;
  }
}
