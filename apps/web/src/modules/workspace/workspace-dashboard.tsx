import { useQuery } from '@tanstack/react-query';
import type { BusinessRole, WorkspaceFigure, WorkspaceHome, WorkspaceTodo } from '@zhuhe/contracts';
import { WorkspaceHome as WorkspaceHomeSchema } from '@zhuhe/contracts';
import { Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRequest } from '../../app/api-client';
import { ButtonLink } from '../../app/button-link';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { Panel } from '../../app/panel';

export const workspaceKeys = {
  org: (orgId: string, role: BusinessRole) => ['workspace', orgId, role] as const,
  staff: ['workspace', 'staff'] as const,
};

const SEVERITY_COLOUR = { danger: 'red', warning: 'orange', normal: 'blue' } as const;

/** What each role reaches for first (the same pages as its menu, most used first). */
const SHORTCUTS: Record<BusinessRole, { key: string; path: string }[]> = {
  GC: [
    { key: 'demands', path: '/workspace/demands/new' },
    { key: 'tenders', path: '/workspace/tenders' },
    { key: 'progress', path: '/workspace/progress' },
    { key: 'settlement', path: '/workspace/settlement' },
    { key: 'finance', path: '/workspace/wallet' },
  ],
  SUB: [
    { key: 'demands', path: '/workspace/demands' },
    { key: 'tenders', path: '/workspace/tenders' },
    { key: 'progress', path: '/workspace/progress' },
    { key: 'settlement', path: '/workspace/settlement' },
    { key: 'finance', path: '/workspace/wallet' },
  ],
  SUP: [
    { key: 'demands', path: '/workspace/demands' },
    { key: 'resources', path: '/workspace/resources' },
    { key: 'tenders', path: '/workspace/tenders' },
    { key: 'settlement', path: '/workspace/settlement' },
    { key: 'finance', path: '/workspace/wallet' },
  ],
  DES: [
    { key: 'projects', path: '/workspace/projects' },
    { key: 'tenders', path: '/workspace/tenders' },
    { key: 'contracts', path: '/workspace/contracts' },
  ],
  SVR: [
    { key: 'progress', path: '/workspace/progress' },
    { key: 'settlement', path: '/workspace/settlement' },
    { key: 'contracts', path: '/workspace/contracts' },
  ],
  FIN: [
    { key: 'finance', path: '/workspace/wallet' },
    { key: 'projects', path: '/workspace/projects' },
    { key: 'map', path: '/workspace/map' },
    { key: 'verification', path: '/workspace/verification' },
  ],
  GOV: [{ key: 'govBoard', path: '/workspace/gov-board' }],
};

function dueText(t: ReturnType<typeof useTranslation<'workspace'>>['t'], todo: WorkspaceTodo) {
  if (!todo.dueAt) return t('noDeadline');
  const at = todo.dueAt.length === 10 ? todo.dueAt : formatDateTime(todo.dueAt);
  return todo.overdue ? t('overdue', { at }) : t('due', { at });
}

function TodoList({ todos }: { todos: WorkspaceTodo[] }) {
  const { t, i18n } = useTranslation('workspace');
  if (todos.length === 0) return <Typography.Text type="secondary">{t('todosEmpty')}</Typography.Text>;
  const english = i18n.language === 'en';
  return (
    <ul className="zh-todos" data-testid="workspace-todos">
      {todos.map((todo) => {
        const queue =
          todo.kind === 'verification_review' || todo.kind === 'warning_triage' || todo.kind === 'payout_review';
        const subject = queue
          ? t('queue', { count: Number(todo.subject) })
          : english && todo.subjectEn
            ? todo.subjectEn
            : todo.subject;
        return (
          <li key={`${todo.kind} ${todo.href} ${todo.subject} ${todo.dueAt}`} data-testid={`todo-${todo.kind}`}>
            <Flex gap={8} align="baseline" wrap>
              <Tag color={todo.overdue ? 'red' : SEVERITY_COLOUR[todo.severity]} style={{ marginInlineEnd: 0 }}>
                {t(`kinds.${todo.kind}`)}
              </Tag>
              <Link to={todo.href} style={{ minWidth: 0, overflowWrap: 'anywhere', flex: '1 1 12em' }}>
                {subject}
              </Link>
            </Flex>
            <Flex gap={12} wrap style={{ marginTop: 2 }}>
              <Typography.Text type={todo.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {dueText(t, todo)}
              </Typography.Text>
              {todo.amountFen !== null ? (
                <Typography.Text style={{ fontSize: 12 }}>{formatFen(todo.amountFen)}</Typography.Text>
              ) : null}
            </Flex>
          </li>
        );
      })}
    </ul>
  );
}

function Figures({ figures }: { figures: WorkspaceFigure[] }) {
  const { t } = useTranslation('workspace');
  return (
    <Row gutter={[12, 12]} data-testid="workspace-figures">
      {figures.map((f) => {
        const value = f.unit === 'fen' ? formatFen(f.value) : f.value.toLocaleString('zh-CN');
        return (
          <Col key={f.key} xs={12} md={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t(`figureKeys.${f.key}`)}
            </Typography.Text>
            {f.href ? (
              <Link to={f.href} style={{ fontSize: 18, fontWeight: 600 }}>
                {value}
              </Link>
            ) : (
              <Typography.Text style={{ fontSize: 18, fontWeight: 600 }}>{value}</Typography.Text>
            )}
          </Col>
        );
      })}
    </Row>
  );
}

function Activity({ home }: { home: WorkspaceHome }) {
  const { t } = useTranslation('workspace');
  if (home.activity.length === 0) return <Typography.Text type="secondary">{t('activityEmpty')}</Typography.Text>;
  return (
    <ul className="zh-todos" data-testid="workspace-activity">
      {home.activity.map((a) => (
        <li key={a.id}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {formatDateTime(a.at)}
          </Typography.Text>
          {a.href ? <Link to={a.href}>{a.title}</Link> : <Typography.Text>{a.title}</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}

function Dashboard({ home, shortcuts }: { home: WorkspaceHome; shortcuts: { key: string; path: string }[] }) {
  const { t } = useTranslation('workspace');
  const { t: common } = useTranslation('common');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Panel
          title={t('todos')}
          extra={<Typography.Text type="secondary">{t('count', { count: home.todos.length })}</Typography.Text>}
          style={{ height: '100%' }}
          testId="workspace-todo-panel"
        >
          <TodoList todos={home.todos} />
        </Panel>
      </Col>
      <Col xs={24} lg={10}>
        <Flex vertical gap={16}>
          <Panel title={t('figures')}>
            <Figures figures={home.figures} />
          </Panel>
          {shortcuts.length > 0 ? (
            <Panel title={t('shortcuts')}>
              <Flex gap={8} wrap>
                {shortcuts.map((s) => (
                  <ButtonLink key={s.path} to={s.path}>
                    {common(`nav.${s.key}` as 'nav.home')}
                  </ButtonLink>
                ))}
              </Flex>
            </Panel>
          ) : null}
          <Panel title={t('activity')}>
            <Activity home={home} />
          </Panel>
        </Flex>
      </Col>
    </Row>
  );
}

/** 工作台 of an organisation in one role: to-dos by deadline, key figures, shortcuts and recent activity. */
export function WorkspaceDashboard({ orgId, role }: { orgId: string; role: BusinessRole }) {
  const query = useQuery({
    queryKey: workspaceKeys.org(orgId, role),
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/workspace?role=${role}`, WorkspaceHomeSchema),
  });
  if (query.isPending) return <LoadingState minHeight={200} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Dashboard home={query.data} shortcuts={SHORTCUTS[role]} />;
}

/** 运营工作台: the queues of the staff member's roles and the platform's figures. */
export function StaffDashboard() {
  const query = useQuery({
    queryKey: workspaceKeys.staff,
    queryFn: () => apiRequest('GET', '/api/staff/workspace', WorkspaceHomeSchema),
  });
  if (query.isPending) return <LoadingState minHeight={200} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Dashboard home={query.data} shortcuts={[]} />;
}
