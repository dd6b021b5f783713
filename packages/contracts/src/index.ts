export * from './common';
export * from './credit-code';
export * from './evidence';
export * from './files';
export * from './identity';
export * from './messages';
export * from './organisation';
export * from './staff';
