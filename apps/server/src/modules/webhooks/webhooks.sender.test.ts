import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from './webhooks.sender';

let server: http.Server;
let port = 0;
const seen: { host: string | undefined; body: string; signature: string | undefined }[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      seen.push({
        host: request.headers.host,
        body: Buffer.concat(chunks).toString('utf8'),
        signature: request.headers['zhuhe-signature'] as string | undefined,
      });
      response.statusCode = request.url === '/redirect' ? 302 : 204;
      if (request.url === '/redirect') response.setHeader('location', 'http://169.254.169.254/');
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('sending a webhook', () => {
  it('connects to the checked address only, whatever the host name resolves to now', async () => {
    // `receiver.invalid` resolves nowhere: the request can only have reached the pinned address
    const url = new URL(`http://receiver.invalid:${port}/hook`);
    const result = await sendWebhook(
      { url, hostname: 'receiver.invalid', address: '127.0.0.1', family: 4 },
      '{"a":1}',
      {
        'ZhuHe-Signature': 't=1,v1=ab',
      },
    );
    expect(result).toEqual({ status: 204, error: null });
    expect(seen.at(-1)).toEqual({ host: `receiver.invalid:${port}`, body: '{"a":1}', signature: 't=1,v1=ab' });
  });

  it('opens a connection per attempt: none is kept for a later attempt to find closed', async () => {
    let connections = 0;
    const count = () => {
      connections += 1;
    };
    server.on('connection', count);
    try {
      const url = new URL(`http://127.0.0.1:${port}/hook`);
      const to = { url, hostname: '127.0.0.1', address: '127.0.0.1', family: 4 as const };
      expect(await sendWebhook(to, '{}', {})).toEqual({ status: 204, error: null });
      expect(await sendWebhook(to, '{}', {})).toEqual({ status: 204, error: null });
      expect(connections).toBe(2);
    } finally {
      server.off('connection', count);
    }
  });

  it('does not follow a redirect: a 3xx is the answer', async () => {
    const url = new URL(`http://127.0.0.1:${port}/redirect`);
    const result = await sendWebhook({ url, hostname: '127.0.0.1', address: '127.0.0.1', family: 4 }, '{}', {});
    expect(result).toEqual({ status: 302, error: null });
  });

  it('reports a refused connection as an error without a status', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = new URL(`http://127.0.0.1:${closedPort}/`);
    const result = await sendWebhook({ url, hostname: '127.0.0.1', address: '127.0.0.1', family: 4 }, '{}', {});
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});
