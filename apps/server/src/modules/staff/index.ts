export { defineSensitiveAction, type SensitiveAction } from './staff.dual-control';
export { staffErrors } from './staff.errors';
export { createStaffModule } from './staff.module';
export {
  approveRequest,
  bootstrapAdmin,
  dualControlOutcomes,
  rejectRequest,
  requestSensitiveAction,
  seedStaffRoles,
  staffEmailsWithRoles,
  staffRolesByUser,
  staffRolesOf,
} from './staff.service';
