export * from './bundle';
export { bytesToHex, fromBase64, hexToBytes, toBase64 } from './bytes';
export { formatResult, runCli, USAGE } from './cli';
export * from './leaf';
export * from './merkle';
export * from './note';
export * from './verify';
