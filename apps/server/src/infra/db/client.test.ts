import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-db';
import { arrayLiteral, type DatabaseHandle, isUniqueViolation, jsonTexts, queryRows, uuidArray } from './client';

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

describe('rows as array parameters', () => {
  it('gives back every text, number, null and JSON value exactly, quotes, backslashes and Chinese included', async () => {
    const texts = ['plain', 'a "quoted" word', 'back\\slash \\"', '{braces, commas}', '节点完成率', '', 'NULL'];
    const json = [{ label: { 'zh-CN': '按期完成率「"', en: 'a\\b\n\u001e' }, score: 72.5 }, [1, null], 'x'];
    const ids = ['0190a0b1-0000-7000-8000-000000000001', '0190a0b1-0000-7000-8000-000000000002'];
    const [row] = await queryRows<{
      texts: string[];
      nums: number[];
      nulls: (string | null)[];
      json: string[];
      ids: string[];
    }>(
      database.db,
      sql`select ${arrayLiteral(texts)}::text[] as texts, ${arrayLiteral([1, -2, 30])}::integer[] as nums,
        ${arrayLiteral([null, 'x'])}::text[] as nulls,
        array(select j::json::text from unnest(${jsonTexts(json)}) j) as json, ${uuidArray(ids)}::text[] as ids`,
    );
    expect(row?.texts).toEqual(texts);
    expect(row?.nums).toEqual([1, -2, 30]);
    expect(row?.nulls).toEqual([null, 'x']);
    expect(row?.json.map((j) => JSON.parse(j))).toEqual(json);
    expect(row?.ids).toEqual(ids);
  });
});
