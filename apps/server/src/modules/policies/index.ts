export { policyErrors } from './policies.errors';
export type { PolicyPublished, PolicyRevised, PolicyWithdrawn } from './policies.events';
export { createPoliciesModule } from './policies.module';
export {
  createPolicy,
  mySubscriptions,
  notifySubscribers,
  POLICY_FILES_OWNER,
  policyDetail,
  policyVersion,
  publishPolicy,
  searchPolicies,
  staffPolicies,
  subscribe,
  unsubscribe,
  updatePolicy,
  uploadPolicyFile,
  withdrawPolicy,
} from './policies.service';
