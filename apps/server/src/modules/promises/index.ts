export type { PromiseClock } from './promises.measure';
export { createPromisesModule } from './promises.module';
export { computeBoard, publicBoard, staffBoard } from './promises.service';
export { type PromiseSources, platformSources } from './promises.sources';
