export { castVote, handOver, recordExternalAward, recordMediation, withdrawDispute } from './disputes.decisions';
export { disputeErrors } from './disputes.errors';
export type { DisputeEscalated, DisputeFiled, DisputeResolved } from './disputes.events';
export type { ArbitrationInstitution, CaseBundle, HandOverReceipt } from './disputes.institution';
export { createDisputesModule } from './disputes.module';
export {
  board,
  digests,
  disputeForParty,
  disputeForStaff,
  disputeParties,
  listForOrg,
  slaClocks,
} from './disputes.queries';
export { fileDispute, formPendingTeams, postMessage, uploadEvidence } from './disputes.service';
