export { evidenceRoutes, registerEvidenceJobs } from './evidence.routes';
export { appendEvidence, createCheckpoint, type EvidenceItem, findBySubjects, verifyLog } from './evidence.service';
