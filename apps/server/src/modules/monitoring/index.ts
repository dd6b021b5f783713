export { createMonitoringModule } from './monitoring.module';
export {
  breaches,
  checkAlerts,
  type MonitoringDeps,
  NOTICE_TEXT,
  notices,
  recordPastAlert,
  status,
} from './monitoring.service';
