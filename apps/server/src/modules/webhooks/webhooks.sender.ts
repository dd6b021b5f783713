import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './webhooks.address';

/** One attempt may take this long, connection to last byte, before it counts as failed. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** The receiver's answer is read up to this many bytes (kept for nothing but the connection's sake). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface SendResult {
  /** HTTP status, or null when no answer came (connection refused, timeout, TLS error) */
  status: number | null;
  error: string | null;
}

export type WebhookSender = (
  target: CheckedTarget,
  body: string,
  headers: Record<string, string>,
) => Promise<SendResult>;

/**
 * POSTs a signed body to a checked target. The connection goes to the address the check resolved (a `lookup` that
 * answers only that address), while the Host header and TLS server name keep the host name, so certificates are
 * verified as usual. Redirects are not followed (a 3xx is a failure): a redirect could point anywhere.
 *
 * Each attempt opens its own connection (`agent: false`) instead of reusing a pooled keep-alive socket: a pooled
 * socket was connected to whatever address an earlier check resolved, and one the receiver had just closed as idle
 * failed the attempt with "socket hang up" although the receiver was up.
 */
export const sendWebhook: WebhookSender = (target, body, headers) =>
  new Promise<SendResult>((resolve) => {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    };
    const client = target.url.protocol === 'https:' ? https : http;
    const request = client.request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        lookup: pinned,
        agent: false,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? null, error: null });
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    request.on('error', (error: Error) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
      resolve({ status: null, error: timedOut ? `timeout after ${ATTEMPT_TIMEOUT_MS / 1000} s` : error.message });
    });
    request.end(body);
  });
