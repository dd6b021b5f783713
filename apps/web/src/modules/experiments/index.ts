export { ExperimentGuidance } from './demand-guidance';
export { ExperimentForm } from './experiment-form';
export { ExperimentListView } from './experiment-list';
export { ExperimentResultsView } from './experiment-results';
export { experimentsEn, experimentsZhCN } from './experiments.i18n';
