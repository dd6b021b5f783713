import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { queryRows } from '../../infra/db/client';
import { MemoryBlobStore } from '../../infra/files/blob-store';
import { SESSION_COOKIE } from '../../infra/http/access';
import { WRITE_LSN_COOKIE } from '../../infra/http/read-replica';
import { newId } from '../../infra/ids';
import { RecordingMailer, registeredClient, type TestClient, testConfig } from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { regionCentroid } from '../regions';
import { indexDocuments } from './search.service';

/**
 * Search reads the read replica (ADR 0119) but records its keyword on the primary: a replica takes no writes.
 * The "replica" here is a second, empty database that never catches up, so where each read went shows.
 */
let primary: TestDatabase;
let replica: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let client: TestClient;
const WORD = '副本检索钢结构';
const PROJECT = newId();

beforeAll(async () => {
  [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  app = await buildApp({
    config: testConfig(),
    database: primary,
    logger: false,
    blobs: new MemoryBlobStore(),
    mailer: new RecordingMailer(),
    replica: { db: replica.db, caughtUp: async () => false, lagSeconds: async () => 0, close: async () => {} },
  });
  await app.ready();
  client = (await registeredClient(app)).client;
  await indexDocuments(app.appContext, [
    {
      kind: 'project',
      id: PROJECT,
      orgId: newId(),
      orgName: '浙江宏筑建设集团有限公司',
      title: `${WORD}厂房工程`,
      body: '',
      regionCode: '330106',
      amountFen: 1_000_000_00,
      tags: [],
      location: regionCentroid('330106'),
      visibility: 'public',
      publishedAt: new Date(),
    },
  ]);
});
afterAll(async () => {
  await app?.close();
  await Promise.all([primary?.close(), replica?.close()]);
});

const keywords = (db: TestDatabase) =>
  queryRows<{ keyword: string }>(db.db, sql`select keyword from search_keywords where keyword = ${WORD}`);

describe('search on the read replica', () => {
  it('reads the index from the replica and records the keyword on the primary', async () => {
    const response = await client.get(`/api/search?q=${encodeURIComponent(WORD)}`);
    expect(response.statusCode, response.body).toBe(200);
    // the empty replica answered
    expect(response.json().items).toEqual([]);
    expect(await keywords(primary)).toHaveLength(1);
    expect(await keywords(replica)).toHaveLength(0);
  });

  it('reads the primary for a client whose last write the replica has not replayed', async () => {
    const response = await client.request('GET', `/api/search?q=${encodeURIComponent(WORD)}`, undefined, {
      cookie: `${SESSION_COOKIE}=${client.cookie}; ${WRITE_LSN_COOKIE}=0/16B3748`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((hit: { id: string }) => hit.id)).toEqual([PROJECT]);
  });
});
