import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-db';
import { type DatabaseHandle, isUniqueViolation } from './client';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('database errors', () => {
  it('recognises a unique violation as this driver reports it, and nothing else', async () => {
    await database.db.execute(sql`create table t_unique (k text primary key)`);
    await database.db.execute(sql`insert into t_unique values ('a')`);
    const duplicate = await database.db
      .execute(sql`insert into t_unique values ('a')`)
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    const other = await database.db.execute(sql`select * from no_such_table`).catch((error: unknown) => error);
    expect(isUniqueViolation(other)).toBe(false);
  });
});
