export { contractRoutes } from './contracts.routes';
