export { createMonitoringModule } from './monitoring.module';
export { breaches, checkAlerts, type MonitoringDeps, recordPastAlert, status } from './monitoring.service';
