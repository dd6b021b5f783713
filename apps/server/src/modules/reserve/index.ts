export { reserveErrors } from './reserve.errors';
export { createReserveModule } from './reserve.module';
export { approveClaim, openClaim, overview, recordRecovery, rejectClaim } from './reserve.service';
