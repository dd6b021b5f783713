/**
 * What analytics reads of the staff, identity, organisation, notifications, demands and search modules. Those
 * depend on analytics (they record product events through its index), so the composition root wires these in
 * rather than analytics importing them.
 */
export interface AnalyticsDeps {
  /** the staff holding any of `roles` who have an e-mail address (the weekly report's readers) */
  staffEmails(roles: readonly string[]): Promise<{ id: string; email: string }[]>;
  /** organisation names by id (the RFM export, merchant alerts) */
  orgNames(ids: string[]): Promise<Map<string, string>>;
  /** an in-app notification to one user or to an organisation's managers (merchant alerts) */
  notify(input: {
    userId?: string;
    orgId?: string;
    kind: string;
    title: string;
    body: string;
    link?: string;
  }): Promise<void>;
  /** published demands in [from, to) by province or city code, with how many organisations published them */
  demandsByRegion(
    range: { from: Date; to: Date },
    level: 'province' | 'city',
  ): Promise<{ regionCode: string; demands: number; orgs: number }[]>;
  /** keywords searched in [from, to), most searched first, with distinct searchers (an anonymous search is one) */
  searchKeywords(
    range: { from: Date; to: Date },
    limit: number,
  ): Promise<{ keyword: string; searches: number; zeroResultSearches: number; searchers: number }[]>;
}
