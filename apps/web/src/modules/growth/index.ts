export { growthEn, growthZhCN } from './growth.i18n';
