export { createMonitoringModule } from './monitoring.module';
export {
  alertHistory,
  breaches,
  checkAlerts,
  type MonitoringDeps,
  NOTICE_TEXT,
  notices,
  recordPastAlert,
  status,
} from './monitoring.service';
