import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../infra/db/client';
import { orgClient, staffClient } from '../../test/library-fixtures';
import { createTestApp, type TestApp, type TestClient, upload } from '../../test/test-app';
import { categoryLevels } from './cooperation.categories';
import { parseCsv } from './cooperation.csv';
import { importCooperationCsv, recordCooperation, supplierHistory } from './cooperation.service';

const HEADER =
  'award_id,award_date,year,buyer_name,buyer_national_id,buyer_town,buyer_country,place_region,contract_type,category_code,extra_category_codes,title,offers,amount,currency,supplier_name,supplier_national_id,supplier_town,supplier_postcode,supplier_country,supplier_is_sme';

const CSV = [
  HEADER,
  // three spellings of one supplier
  'A1,2019-03-01,2019,Stadt Wetzlar,,Wetzlar,DE,DE722,works,CPV:45232460,,"Abwasser, Kanal ""Nord""",3,1341491.22,EUR,Burbach GmbH,,Dillenburg,35686,DE,Y',
  'A2,2019-05-01,2019,Stadt Wetzlar,,Wetzlar,DE,DE722,works,CPV:45232410,CPV:45231300,Kanalbau Süd,2,800000,EUR,BURBACH G.m.b.H.,,Dillenburg,35686,DE,Y',
  'A3,2020-01-10,2020,STADT WETZLAR,,Wetzlar,DE,DE722,works,CPV:45232460,,Abwasseranlage,1,,EUR,Burbach,,Dillenburg,,DE,Y',
  // an unknown (unmapped) but valid code: kept
  'A4,2020-02-02,2020,Comune di Roma,,Roma,IT,ITI43,services,CPV:79940000,,Servizi,1,5000,EUR,Rossi S.r.l.,,Roma,,IT,N',
  // broken: no supplier; bad amount; bad date and year; no code; too few fields
  'B1,2020-02-02,2020,Comune di Roma,,Roma,IT,ITI43,works,CPV:45000000,,x,1,5000,EUR,,,Roma,,IT,N',
  'B2,2020-02-02,2020,Comune di Roma,,Roma,IT,ITI43,works,CPV:45000000,,x,1,-7,EUR,Bianchi SpA,,Roma,,IT,N',
  'B3,someday,,Comune di Roma,,Roma,IT,ITI43,works,CPV:45000000,,x,1,7,EUR,Bianchi SpA,,Roma,,IT,N',
  'B4,2020-02-02,2020,Comune di Roma,,Roma,IT,ITI43,works,,,x,1,7,EUR,Bianchi SpA,,Roma,,IT,N',
  'B5,2020-02-02,2020,Comune di Roma',
].join('\n');

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function counts() {
  const [row] = await queryRows<{ firms: number; records: number }>(
    t.ctx.db,
    sql`select (select count(*) from cooperation_firms)::int as firms, (select count(*) from cooperation_records)::int as records`,
  );
  return row as { firms: number; records: number };
}

describe('CSV', () => {
  it('reads quoted commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n1,2\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['1', '2'],
    ]);
    expect(rows[2]?.line).toBe(4);
  });
});

describe('category codes', () => {
  it('keeps CPV as a foreign code with its prefixes and maps known divisions to ZhuHe categories', () => {
    expect(categoryLevels('CPV:45232460')).toEqual({
      code: 'CPV:45232460',
      group: 'CPV:452',
      division: 'CPV:45',
      zhCategory: 'subcontract:structure',
    });
    expect(categoryLevels('CPV:79940000')?.zhCategory).toBe('');
    expect(categoryLevels('ZH:rebar')).toMatchObject({ division: 'ZH:material', zhCategory: 'material' });
    expect(categoryLevels('nonsense')).toBeNull();
  });
});

describe('importing award history', () => {
  it('imports the good rows, counts broken rows, unknown codes and merged spellings', async () => {
    const report = await importCooperationCsv(t.ctx, CSV);
    expect(report).toMatchObject({ rows: 9, imported: 4, duplicates: 0, unknownCodeRows: 1, firmsCreated: 4 });
    expect(report.unknownCodes).toEqual(['CPV:79940000']);
    expect(report.broken.map((b) => b.line)).toEqual([6, 7, 8, 9, 10]);
    expect(report.broken[0]?.reason).toContain('supplier_name');
    expect(report.broken[1]?.reason).toContain('amount');
    expect(report.broken[4]?.reason).toContain('fields');
    // BURBACH G.m.b.H. and Burbach are Burbach GmbH; STADT WETZLAR is Stadt Wetzlar
    expect(report.spellingsMerged).toBe(3);
    // nothing of a broken row was stored: 2 buyers + 2 suppliers, no Bianchi
    expect(await counts()).toEqual({ firms: 4, records: 4 });
  });

  it('imports nothing twice', async () => {
    const report = await importCooperationCsv(t.ctx, CSV);
    expect(report).toMatchObject({ imported: 0, duplicates: 4, firmsCreated: 0 });
    expect(await counts()).toEqual({ firms: 4, records: 4 });
  });

  it('makes the imported history usable for matching, foreign codes included', async () => {
    const levels = categoryLevels('CPV:45232460');
    if (!levels) throw new Error('levels');
    const history = await supplierHistory(t.ctx, {
      buyerFirmId: null,
      category: levels,
      regionCode: 'DE722',
      before: '2030-01-01',
      limit: 10,
    });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ name: 'Burbach GmbH', sameCode: 2, sameGroup: 3, sameRegion: 3 });
    // only history before the day counts
    const earlier = await supplierHistory(t.ctx, {
      buyerFirmId: null,
      category: levels,
      regionCode: 'DE722',
      before: '2019-04-01',
      limit: 10,
    });
    expect(earlier[0]?.sameGroup).toBe(1);
  });

  it('refuses a file without the required columns', async () => {
    await expect(importCooperationCsv(t.ctx, 'a,b\n1,2\n')).rejects.toMatchObject({
      code: 'COOPERATION_IMPORT_COLUMNS',
    });
  });
});

describe('platform cooperation and the staff route', () => {
  let staff: TestClient;
  beforeAll(async () => {
    staff = await staffClient(t);
  });

  it('links a platform organisation to the imported firm of the same name', async () => {
    const { orgId } = await orgClient(t.app, ['SUP'], 'Rossi SRL');
    const buyer = await orgClient(t.app, ['GC'], '浙江宏筑建设集团有限公司');
    await recordCooperation(t.ctx, {
      source: 'contract',
      sourceRef: 'c-1',
      buyer: { orgId: buyer.orgId, name: '浙江宏筑建设集团有限公司' },
      supplier: { orgId, name: 'Rossi SRL' },
      categoryCode: 'ZH:rebar',
      regionCode: '330106',
      occurredOn: '2026-01-05',
    });
    const [firm] = await queryRows<{ org_id: string; n: number }>(
      t.ctx.db,
      sql`select org_id, (select count(*) from cooperation_records r where r.supplier_firm_id = f.id)::int as n
          from cooperation_firms f where name = 'Rossi S.r.l.'`,
    );
    expect(firm).toEqual({ org_id: orgId, n: 2 });
    await expect(
      recordCooperation(t.ctx, {
        source: 'award',
        sourceRef: 'x',
        buyer: { orgId: buyer.orgId, name: 'b' },
        supplier: { orgId, name: 's' },
        categoryCode: '???',
        regionCode: '330106',
        occurredOn: '2026-01-05',
      }),
    ).rejects.toMatchObject({ code: 'COOPERATION_RECORD_INVALID' });
  });

  it('imports through the staff route', async () => {
    const csv = `${HEADER}\nS1,2021-01-01,2021,Gemeinde Graz,,Graz,AT,AT221,works,CPV:45233120,,Straße,2,1000,EUR,Porr Bau GmbH,,Wien,,AT,N\n`;
    const response = await upload(staff, '/api/staff/cooperation/import', 'awards.csv', Buffer.from(csv));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 1, imported: 1, broken: [] });
    const empty = await upload(staff, '/api/staff/cooperation/import', 'empty.csv', Buffer.from(''));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message['zh-CN']).toBeTruthy();
  });
});
