/**
 * 日志脱敏 pino redact paths for personal numbers (PLAT-2, ADR 0114): ID-card numbers, bank accounts and mobile
 * numbers are censored wherever a request body, a query or a logged object carries them, one or two levels deep.
 */
const FIELDS = [
  'phone',
  'mobile',
  'identifier',
  'idNumber',
  'number',
  'idCardNumber',
  'bankAccount',
  'beneficiaryAccount',
  'account',
];

export const SENSITIVE_LOG_PATHS: string[] = FIELDS.flatMap((f) => [
  f,
  `*.${f}`,
  `*.*.${f}`,
  `req.body.${f}`,
  `req.query.${f}`,
]);

/**
 * Masks every run of 8 or more digits (a mobile, ID-card or account number, possibly ending in X) in free text such
 * as a request URL: first 3 and last 4 stay, 13912345678 → 139****5678.
 */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{8,}[\dXx]?/g, (run) => `${run.slice(0, 3)}${'*'.repeat(run.length - 7)}${run.slice(-4)}`);
}

/** pino's request serializer with the URL masked: a search such as `?q=13912345678` never logs the number. */
export function serializeRequest(request: {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: request.method,
    url: maskDigitRuns(request.url),
    host: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
