import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScanSample } from '../../cli/ocr-samples';
import { addWorkingDays } from '../../infra/calendar/working-days';
import { queryRows } from '../../infra/db/client';
import { ocrAvailable } from '../../infra/ocr/tesseract';
import { HOSTILE, orgClient, staffClient, tenderPdf } from '../../test/library-fixtures';
import {
  createTestApp,
  registeredClient,
  type TestApp,
  TestClient,
  tinyPdf,
  tinyPng,
  uniqueEmail,
  upload,
} from '../../test/test-app';

const hasOcr = await ocrAvailable({ tesseract: 'tesseract' });
if (!hasOcr) console.warn('SKIPPED: the scanned-import tests need tesseract-ocr and tesseract-ocr-chi-sim');

let t: TestApp;
let gc: TestClient;
let gcOrg: string;
let supplier: TestClient;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ({ client: gc, orgId: gcOrg } = await orgClient(t.app, ['GC'], '浙江宏筑建设集团有限公司'));
  ({ client: supplier } = await orgClient(t.app, ['SUP'], '河北冀钢物资贸易有限公司'));
  staff = await staffClient(t);
});
afterAll(async () => {
  await t.close();
});

async function count(table: 'demands' | 'stored_files' | 'demand_reviews') {
  const [row] = await queryRows<{ n: string | number }>(
    t.ctx.db,
    sql`select count(*) as n from ${sql.identifier(table)} where org_id = ${gcOrg}`,
  );
  return Number(row?.n);
}

async function attachments() {
  const feasibility = (await upload(gc, `/api/orgs/${gcOrg}/files`, '可行性研究报告.pdf', tinyPdf())).json();
  const funds = (await upload(gc, `/api/orgs/${gcOrg}/files`, '资金证明.pdf', tinyPdf())).json();
  return { feasibilityFileId: feasibility.id as string, fundsProofFileId: funds.id as string };
}

const BASE = {
  type: 'procurement',
  title: '郑州航空港区安置房 HRB400E 钢筋采购',
  projectName: '郑州航空港区安置房三期',
  category: '钢筋采购',
  items: [{ name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 800 }],
  budgetFen: 320_000_000,
  regionCode: '410100',
  deadline: '2099-06-30',
};

describe('importing a tender file', () => {
  it('reads a Chinese tender PDF and pre-fills the demand', async () => {
    const response = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, '招标公告.pdf', tenderPdf());
    expect(response.statusCode, response.body).toBe(200);
    const draft = response.json();
    expect(draft.fields).toMatchObject({
      projectName: '杭州萧山智造产业园二期钢结构厂房工程',
      type: 'subcontract',
      category: '钢结构分包',
      budgetFen: 2_860_000_000,
      deadline: '2030-03-18',
      qualificationKind: '钢结构工程专业承包',
      qualificationGrade: '二级',
      regionCode: '330109',
    });
    expect(draft.sourceFile).toMatchObject({ kind: 'pdf', name: '招标公告.pdf' });
    expect(draft.textPreview).toContain('招标控制价');
  });

  it('refuses a malformed PDF with a clear message and stores nothing', async () => {
    const before = await count('stored_files');
    const truncated = tenderPdf().subarray(0, 4000);
    const response = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, '损坏.pdf', truncated);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DEMAND_IMPORT_UNREADABLE' });
    expect(response.json().message['zh-CN']).toContain('无法读取');
    const garbage = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, 'x.pdf', Buffer.from('%PDF-1.7\n垃圾'));
    expect(garbage.json().code).toBe('DEMAND_IMPORT_UNREADABLE');
    const gif = await upload(
      gc,
      `/api/orgs/${gcOrg}/demands/import`,
      'scan.gif',
      Buffer.from('GIF89a\x01\x00\x01\x00'),
    );
    expect(gif.json().code).toBe('DEMAND_IMPORT_TYPE');
    expect(gif.json().message.en).toContain('PNG, JPEG');
    expect(await count('stored_files')).toBe(before);
  });

  it.skipIf(!hasOcr)('says so when neither the text layer nor OCR finds any text (a blank page or image)', async () => {
    const response = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, 'blank.pdf', tinyPdf());
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('DEMAND_IMPORT_NO_TEXT');
    const dot = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, 'dot.png', tinyPng());
    expect(dot.json().code).toBe('DEMAND_IMPORT_NO_TEXT');
  });
});

describe('importing a scanned tender file (OCR)', () => {
  it.skipIf(!hasOcr)(
    'recognises a scanned photo and pre-fills the fields, each with its confidence, for the user to confirm',
    async () => {
      const sample = await makeScanSample(26, 1);
      expect(sample.kind).toBe('image');
      const response = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, '招标公告扫描件.jpg', sample.bytes);
      expect(response.statusCode, response.body).toBe(200);
      const draft = response.json();
      expect(draft.source).toBe('ocr');
      expect(draft.sourceFile).toMatchObject({ kind: 'image', name: '招标公告扫描件.jpg' });
      expect(draft.fields).toMatchObject({
        budgetFen: sample.truth.budgetFen,
        regionCode: sample.truth.regionCode,
        deadline: sample.truth.deadline,
      });
      expect(draft.ocr).toMatchObject({ pagesRead: 1, engine: 'tesseract chi_sim' });
      expect(draft.ocr.meanConfidence).toBeGreaterThan(50);
      // every field found has its mark; OCR fields carry the confidence of the line they were read from
      expect(Object.keys(draft.confidence).sort()).toEqual([...draft.found].sort());
      expect(draft.confidence.budgetFen.rule).toBe('labelled');
      expect(draft.confidence.budgetFen.ocr).toBeGreaterThan(0);
      expect(draft.confidence.title).toMatchObject({ rule: 'inferred', level: 'low' });
    },
    60_000,
  );

  it('reads a text PDF without OCR: its fields carry the rule only', async () => {
    const draft = (await upload(gc, `/api/orgs/${gcOrg}/demands/import`, '招标公告.pdf', tenderPdf())).json();
    expect(draft).toMatchObject({ source: 'text', ocr: null });
    expect(draft.confidence.budgetFen).toEqual({ rule: 'labelled', ocr: null, level: 'high' });
    expect(draft.confidence.type).toEqual({ rule: 'inferred', ocr: null, level: 'low' });
  });

  it.skipIf(!hasOcr)('refuses a truncated image as unreadable and stores nothing', async () => {
    const before = await count('stored_files');
    const sample = await makeScanSample(26, 1);
    const response = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, '残缺.jpg', sample.bytes.subarray(0, 3000));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DEMAND_IMPORT_UNREADABLE' });
    expect(await count('stored_files')).toBe(before);
  });

  it('refuses an image claiming a huge canvas before recognising it', async () => {
    const header = Buffer.alloc(40);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header, 0);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(30_000, 16);
    header.writeUInt32BE(30_000, 20);
    const response = await upload(gc, `/api/orgs/${gcOrg}/demands/import`, 'huge.png', header);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('DEMAND_OCR_IMAGE_TOO_LARGE');
    expect(response.json().message['zh-CN']).toContain('百万像素');
  });

  it('keeps scans to the organisation: another organisation, a supplier and a guest are refused', async () => {
    const png = tinyPng();
    expect((await upload(supplier, `/api/orgs/${gcOrg}/demands/import`, 'scan.png', png)).statusCode).toBe(404);
    expect((await upload(staff, `/api/orgs/${gcOrg}/demands/import`, 'scan.png', png)).statusCode).toBe(404);
    const own = await orgClient(t.app, ['SUP'], '苏州供货商贸有限公司');
    expect((await upload(own.client, `/api/orgs/${own.orgId}/demands/import`, 'scan.png', png)).statusCode).toBe(403);
    expect((await upload(new TestClient(t.app), `/api/orgs/${gcOrg}/demands/import`, 'scan.png', png)).statusCode).toBe(
      401,
    );
  });
});

describe('a server without tesseract', () => {
  let bare: TestApp;
  let client: TestClient;
  let orgId: string;
  beforeAll(async () => {
    bare = await createTestApp({
      ocr: { tesseract: '/nonexistent/tesseract', pdftoppm: 'pdftoppm', timeoutMs: 30_000, maxPages: 3 },
    });
    ({ client, orgId } = await orgClient(bare.app, ['GC'], '温州无识别建设有限公司'));
  });
  afterAll(async () => {
    await bare.close();
  });

  it('says in both languages that scans cannot be read here, stores nothing, and still reads text PDFs', async () => {
    const scan = await upload(client, `/api/orgs/${orgId}/demands/import`, 'scan.png', tinyPng());
    expect(scan.statusCode).toBe(503);
    expect(scan.json().code).toBe('DEMAND_OCR_UNAVAILABLE');
    expect(scan.json().message['zh-CN']).toContain('tesseract-ocr-chi-sim');
    expect(scan.json().message.en).toContain('not installed');
    const blank = await upload(client, `/api/orgs/${orgId}/demands/import`, 'blank.pdf', tinyPdf());
    expect(blank.json().code).toBe('DEMAND_OCR_UNAVAILABLE');
    const [files] = await queryRows<{ n: string | number }>(
      bare.ctx.db,
      sql`select count(*) as n from stored_files where org_id = ${orgId}`,
    );
    expect(Number(files?.n)).toBe(0);
    const text = await upload(client, `/api/orgs/${orgId}/demands/import`, '招标公告.pdf', tenderPdf());
    expect(text.statusCode, text.body).toBe(200);
    expect(text.json()).toMatchObject({ source: 'text', fields: { budgetFen: 2_860_000_000 } });
  });
});

describe('publishing a demand through review', () => {
  it('waits for review with a 2-working-day SLA, is published on approval and then found by keyword', async () => {
    const files = await attachments();
    const created = await gc.post(`/api/orgs/${gcOrg}/demands`, { ...BASE, ...files, tags: ['钢筋'] });
    expect(created.statusCode, created.body).toBe(201);
    const demand = created.json();
    expect(demand.status).toBe('pending_review');
    expect(new Date(demand.review.dueAt).getTime()).toBe(
      addWorkingDays(new Date(demand.review.submittedAt), 2).getTime(),
    );
    // Not public before review: another organisation neither opens nor finds it.
    expect((await supplier.get(`/api/demands/${demand.id}`)).statusCode).toBe(404);
    expect((await supplier.get('/api/search?q=钢筋采购&kind=demand')).json().items).toEqual([]);

    const queue = (await staff.get('/api/staff/demand-reviews')).json().items;
    const review = queue.find((r: { demand: { id: string } }) => r.demand.id === demand.id);
    expect(review).toMatchObject({ overdue: false });
    expect(review.workingDaysLeft).toBeGreaterThan(1);
    expect(review.demand.attachments.feasibility.name).toBe('可行性研究报告.pdf');
    const pdf = await staff.get(`/api/staff/demand-reviews/${review.id}/files/${files.feasibilityFileId}/content`);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const decided = await staff.post(`/api/staff/demand-reviews/${review.id}/decision`, { decision: 'approved' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().demand.status).toBe('published');
    const again = await staff.post(`/api/staff/demand-reviews/${review.id}/decision`, {
      decision: 'rejected',
      reason: '重复',
    });
    expect(again.statusCode).toBe(409);

    const seen = (await supplier.get(`/api/demands/${demand.id}`)).json();
    expect(seen).toMatchObject({ status: 'published', attachments: null, review: null, mine: false });
    const found = (await supplier.get('/api/search?q=钢筋 郑州&kind=demand')).json();
    expect(found.items[0].id).toBe(demand.id);
    const map = (await supplier.get('/api/search/map?kind=demand&lat=34.75&lng=113.62&radiusKm=50')).json();
    expect(map.items.map((p: { id: string }) => p.id)).toContain(demand.id);
  });

  it('requires a reason to reject, and the owner is told why', async () => {
    const files = await attachments();
    const demand = (await gc.post(`/api/orgs/${gcOrg}/demands`, { ...BASE, ...files })).json();
    const review = (await staff.get('/api/staff/demand-reviews'))
      .json()
      .items.find((r: { demand: { id: string } }) => r.demand.id === demand.id);
    const noReason = await staff.post(`/api/staff/demand-reviews/${review.id}/decision`, { decision: 'rejected' });
    expect(noReason.json().issues[0].code).toBe('REJECT_REASON_REQUIRED');
    await staff.post(`/api/staff/demand-reviews/${review.id}/decision`, {
      decision: 'rejected',
      reason: '资金证明与预算金额不符',
    });
    const mine = (await gc.get(`/api/demands/${demand.id}`)).json();
    expect(mine).toMatchObject({
      status: 'rejected',
      review: { decision: 'rejected', reason: '资金证明与预算金额不符' },
    });
  });
});

describe('bad input leaves nothing half-stored', () => {
  it('refuses banned claims in a demand at submission, with the field, and stores nothing', async () => {
    const files = await attachments();
    const before = await count('demands');
    const refused = await gc.post(`/api/orgs/${gcOrg}/demands`, {
      ...BASE,
      ...files,
      description: '本项目资金零风险',
      items: [{ name: '国家级螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 800 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('COMPLIANCE_BANNED_CLAIMS');
    expect(refused.json().message['zh-CN']).toContain('「零风险」');
    expect(
      refused
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['description', 'items.0.name']);
    expect(await count('demands')).toBe(before);
  });

  it('stores markup and SQL in every text field as plain text', async () => {
    const files = await attachments();
    const response = await gc.post(`/api/orgs/${gcOrg}/demands`, {
      ...BASE,
      ...files,
      title: `钢筋 ${HOSTILE}`.slice(0, 100),
      projectName: HOSTILE.slice(0, 100),
      category: HOSTILE.slice(0, 30),
      items: [{ name: HOSTILE.slice(0, 100), spec: HOSTILE.slice(0, 100), unit: '<b>吨', quantity: 1 }],
      qualificationKind: HOSTILE.slice(0, 50),
      siteAddress: HOSTILE,
      description: HOSTILE,
      tags: [HOSTILE.slice(0, 20)],
    });
    expect(response.statusCode, response.body).toBe(201);
    const stored = (await gc.get(`/api/demands/${response.json().id}`)).json();
    expect(stored.description).toBe(HOSTILE);
    expect(stored.projectName).toBe(HOSTILE.slice(0, 100));
    expect(stored.items[0].unit).toBe('<b>吨');
  });

  it('refuses out-of-range coordinates, control characters, foreign attachments and past deadlines', async () => {
    const files = await attachments();
    const before = { demands: await count('demands'), reviews: await count('demand_reviews') };
    const cases = [
      [{ location: { lat: 91, lng: 500 } }, 'COORDINATE_OUT_OF_RANGE'],
      [{ location: { lat: 48.85, lng: 2.35 } }, 'COORDINATE_OUT_OF_RANGE'],
      [{ title: '钢筋\u0000采购\u0007' }, 'TEXT_CONTROL_CHARS'],
      [{ budgetFen: -1 }, 'AMOUNT_INVALID'],
      [{ budgetFen: 12.5 }, 'AMOUNT_INVALID'],
      [{ regionCode: '999999' }, 'REGION_UNKNOWN'],
      [{ deadline: '2020-01-01' }, 'DEMAND_DEADLINE_PAST'],
      [{ feasibilityFileId: '01930000-0000-7000-8000-000000000000' }, 'DEMAND_ATTACHMENT_MISSING'],
      [{ title: '钢'.repeat(2000) }, 'TEXT_TOO_LONG'],
    ] as const;
    for (const [patch, code] of cases) {
      const response = await gc.post(`/api/orgs/${gcOrg}/demands`, { ...BASE, ...files, ...patch });
      expect(response.statusCode, JSON.stringify(patch)).toBe(400);
      const body = response.json();
      expect(body.code === code || body.issues?.some((i: { code: string }) => i.code === code), body).toBe(true);
    }
    expect({ demands: await count('demands'), reviews: await count('demand_reviews') }).toEqual(before);
  });
});

describe('本单位需求 in pages', () => {
  it('pages the organisation’s demands newest first, without repeats, to a null cursor', async () => {
    const own = await orgClient(t.app, ['GC'], '杭州分页建设有限公司');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const files = (await upload(own.client, `/api/orgs/${own.orgId}/files`, '可研.pdf', tinyPdf())).json();
      const funds = (await upload(own.client, `/api/orgs/${own.orgId}/files`, '资金.pdf', tinyPdf())).json();
      const created = await own.client.post(`/api/orgs/${own.orgId}/demands`, {
        ...BASE,
        title: `分页需求 ${i}`,
        feasibilityFileId: files.id,
        fundsProofFileId: funds.id,
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.unshift(created.json().id);
    }
    const seen: string[] = [];
    let after: string | null | undefined;
    const sizes: number[] = [];
    do {
      const query = after ? `?limit=2&after=${after}` : '?limit=2';
      const response = await own.client.get(`/api/orgs/${own.orgId}/demands${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      sizes.push(page.items.length);
      seen.push(...page.items.map((d: { id: string }) => d.id));
      after = page.nextCursor;
    } while (after);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(ids);
    // the default page is 20, and a status narrows it
    const all = (await own.client.get(`/api/orgs/${own.orgId}/demands`)).json();
    expect(all.items).toHaveLength(5);
    expect(all.nextCursor).toBeNull();
    const published = (await own.client.get(`/api/orgs/${own.orgId}/demands?status=published`)).json();
    expect(published.items).toHaveLength(0);

    // a plain member of the organisation reads the same pages
    const email = uniqueEmail('demands-member');
    const invitation = (
      await own.client.post(`/api/orgs/${own.orgId}/invitations`, { identifier: email, role: 'member' })
    ).json();
    const member = await registeredClient(t.app, email, '业务员 周');
    expect((await member.client.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBeLessThan(300);
    const asMember = await member.client.get(`/api/orgs/${own.orgId}/demands?limit=2`);
    expect(asMember.statusCode, asMember.body).toBe(200);
    expect(asMember.json().items.map((d: { id: string }) => d.id)).toEqual(ids.slice(0, 2));
  });

  it('refuses another organisation, a guest and malformed pages', async () => {
    // not a member: the organisation is not disclosed
    expect((await supplier.get(`/api/orgs/${gcOrg}/demands`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/orgs/${gcOrg}/demands`)).statusCode).toBe(401);
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'after=not-an-id', 'status=bogus']) {
      const response = await gc.get(`/api/orgs/${gcOrg}/demands?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
    // a cursor from another organisation continues nothing of this one
    const foreign = (await gc.get(`/api/orgs/${gcOrg}/demands?limit=1`)).json().items[0]?.id;
    const other = await orgClient(t.app, ['GC'], '宁波空白建设有限公司');
    const page = (await other.client.get(`/api/orgs/${other.orgId}/demands?after=${foreign}`)).json();
    expect(page).toEqual({ items: [], nextCursor: null });
  });
});
