import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import { useActiveContext } from '../modules/organisation';
import { MyTicketDetail, MyTickets, OpenTicketForm, StaffTicketDetail, TicketDesk } from '../modules/tickets';

/** 我的工单 the organisation's tickets; any member opens a new one. */
export function MyTicketsPage() {
  const { t } = useTranslation('tickets');
  const { orgId } = useActiveContext();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle
        title={t('mine')}
        extra={
          <Button type="primary" onClick={() => navigate('/workspace/tickets/new')} data-testid="ticket-new">
            {t('new')}
          </Button>
        }
      />
      <MyTickets orgId={orgId} />
    </>
  );
}

export function OpenTicketPage() {
  const { t } = useTranslation('tickets');
  const { orgId } = useActiveContext();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title={t('new')} />
      <OpenTicketForm orgId={orgId} onOpened={(id) => navigate(`/workspace/tickets/${id}`)} />
    </>
  );
}

export function TicketDetailPage() {
  const { t } = useTranslation('tickets');
  const { orgId } = useActiveContext();
  const { ticketId } = useParams();
  return (
    <>
      <PageTitle title={t('mine')} />
      <MyTicketDetail orgId={orgId} ticketId={ticketId as string} />
    </>
  );
}

/** 工单台 the staff queue and board. */
export function StaffTicketDeskPage() {
  const { t } = useTranslation('tickets');
  return (
    <>
      <PageTitle title={t('desk')} />
      <TicketDesk />
    </>
  );
}

export function StaffTicketPage() {
  const { t } = useTranslation('tickets');
  const { ticketId } = useParams();
  return (
    <>
      <PageTitle title={t('desk')} />
      <StaffTicketDetail ticketId={ticketId as string} />
    </>
  );
}
