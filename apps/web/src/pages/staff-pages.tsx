import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import {
  AuditLogPanel,
  DualControlPanel,
  ProductEventsPanel,
  StaffOrganisationsPanel,
  StaffUsersPanel,
  usePrefetchAuditEntries,
} from '../modules/staff';

type StaffSection = 'staffUsers' | 'staffOrganisations' | 'staffDualControl' | 'staffAudit' | 'staffProductEvents';

function StaffPage({ section, children }: { section: StaffSection; children: ReactNode }) {
  const { t } = useTranslation(['common', 'staff']);
  return (
    <>
      <PageTitle
        title={`${t('staff:console.title')} · ${t(`nav.${section}`)}`}
        subtitle={t('staff:console.subtitle')}
      />
      {children}
    </>
  );
}

export function StaffUsersPage() {
  return (
    <StaffPage section="staffUsers">
      <StaffUsersPanel />
    </StaffPage>
  );
}

export function StaffOrganisationsPage() {
  return (
    <StaffPage section="staffOrganisations">
      <StaffOrganisationsPanel />
    </StaffPage>
  );
}

export function StaffDualControlPage() {
  return (
    <StaffPage section="staffDualControl">
      <DualControlPanel />
    </StaffPage>
  );
}

export function StaffAuditPage() {
  usePrefetchAuditEntries();
  return (
    <StaffPage section="staffAudit">
      <AuditLogPanel />
    </StaffPage>
  );
}

export function StaffProductEventsPage() {
  return (
    <StaffPage section="staffProductEvents">
      <ProductEventsPanel />
    </StaffPage>
  );
}
