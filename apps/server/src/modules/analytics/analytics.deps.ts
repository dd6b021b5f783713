/**
 * What analytics reads of the staff, identity and organisation modules. Those depend on analytics (they record
 * product events through its index), so the composition root wires these in rather than analytics importing them.
 */
export interface AnalyticsDeps {
  /** the staff holding any of `roles` who have an e-mail address (the weekly report's readers) */
  staffEmails(roles: readonly string[]): Promise<{ id: string; email: string }[]>;
  /** organisation names by id (the RFM export) */
  orgNames(ids: string[]): Promise<Map<string, string>>;
}
