export { defineSensitiveAction, type SensitiveAction } from './staff.dual-control';
export { staffErrors } from './staff.errors';
export { staffRoutes } from './staff.routes';
export {
  bootstrapAdmin,
  requestSensitiveAction,
  seedStaffRoles,
  staffRolesByUser,
  staffRolesOf,
} from './staff.service';
