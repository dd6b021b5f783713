export { BusinessRolePicker } from './business-role-picker';
export { BusinessRoleTag, BusinessRoleTags } from './business-role-tags';
export { ContextChooser } from './context-chooser';
export { CreateOrganisationForm } from './create-organisation-form';
export { MembersTable } from './members-table';
export { MyInvitationsList } from './my-invitations-list';
export { OrgInvitationsPanel } from './org-invitations-panel';
export { OrgSwitcher } from './org-switcher';
export type { InvitationData, MemberData, OrganisationData } from './organisation.api';
export { organisationZhCN } from './organisation.i18n';
export { assignableMemberRoles, canActOnMember, canManageOrganisation } from './organisation.policy';
export {
  type ActiveContext,
  organisationKeys,
  useActiveContext,
  useActiveMembership,
  useMyInvitations,
  useOrganisation,
} from './organisation.queries';
export { OrganisationSettings } from './organisation-settings-form';
export { RequireActiveContext } from './require-active-context';
export { RoleSwitcher } from './role-switcher';
export { VerificationTag } from './verification-tag';
export { WorkspaceOverview } from './workspace-overview';
