import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, orgClient, tenderPdf } from '../../test/library-fixtures';
import { createTestApp, type TestApp, type TestClient, upload } from '../../test/test-app';

let t: TestApp;
let gc: TestClient;
let gcOrg: string;
let bidder: TestClient;
let bidderOrg: string;
let outsider: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ({ client: gc, orgId: gcOrg } = await orgClient(t.app, ['GC'], '浙江宏筑建设集团有限公司'));
  ({ client: bidder, orgId: bidderOrg } = await orgClient(t.app, ['SUB'], '四川蜀安幕墙工程有限公司'));
  ({ client: outsider } = await orgClient(t.app, ['SUB'], '江苏匠心劳务分包有限公司'));
});
afterAll(async () => {
  await t.close();
});

const PROJECT = {
  name: '杭州萧山智造产业园二期钢结构厂房工程',
  engineeringType: 'building',
  investmentFen: 28_600_000_00,
  regionCode: '330109',
  tags: ['钢结构', '厂房'],
  startDate: '2027-01-10',
  endDate: '2027-07-10',
  description: '单层门式刚架厂房 3 栋，钢结构用量约 3600 吨。',
};

describe('project library', () => {
  it('publishes a project with tender files; bidders read it, download the files and find it', async () => {
    const file = (await upload(gc, `/api/orgs/${gcOrg}/files`, '招标文件.pdf', tenderPdf())).json();
    const created = await gc.post(`/api/orgs/${gcOrg}/projects`, { ...PROJECT, tenderFileIds: [file.id] });
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json();
    expect(project).toMatchObject({
      regionName: '浙江省 / 杭州市 / 萧山区',
      location: { derived: true },
      tenderFiles: [{ name: '招标文件.pdf' }],
      mine: true,
    });
    const seen = (await bidder.get(`/api/projects/${project.id}`)).json();
    expect(seen).toMatchObject({ name: PROJECT.name, mine: false, invitedOrgIds: null });
    const download = await bidder.get(`/api/projects/${project.id}/files/${file.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const found = (await bidder.get('/api/search?q=钢结构 杭州&kind=project')).json();
    expect(found.items[0].id).toBe(project.id);
  });

  it('keeps an invited-only project from everyone but the invited', async () => {
    const project = (
      await gc.post(`/api/orgs/${gcOrg}/projects`, {
        ...PROJECT,
        name: '杭州某数据中心机电安装工程（邀请招标）',
        visibility: 'invited',
        invitedOrgIds: [bidderOrg],
      })
    ).json();
    expect((await bidder.get(`/api/projects/${project.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/projects/${project.id}`)).statusCode).toBe(404);
    const search = async (c: TestClient) =>
      (await c.get('/api/search?q=数据中心')).json().items.map((i: { id: string }) => i.id);
    expect(await search(bidder)).toContain(project.id);
    expect(await search(outsider)).not.toContain(project.id);
  });

  it('runs the public Q&A: askers stay anonymous to other bidders; the owner sees who asked and answers', async () => {
    const project = (await gc.post(`/api/orgs/${gcOrg}/projects`, PROJECT)).json();
    const asked = await bidder.post(`/api/projects/${project.id}/questions`, {
      question: '钢结构用量是否包含檩条和支撑？',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const question = asked.json();
    const forOwner = (await gc.get(`/api/projects/${project.id}/questions`)).json().items;
    expect(forOwner[0]).toMatchObject({ askerOrgName: '四川蜀安幕墙工程有限公司', answer: null });
    const answered = await gc.post(`/api/orgs/${gcOrg}/projects/${project.id}/questions/${question.id}/answer`, {
      answer: '包含，详见工程量清单第 3 章。',
    });
    expect(answered.statusCode).toBe(200);
    const forOthers = (await outsider.get(`/api/projects/${project.id}/questions`)).json().items;
    expect(forOthers[0]).toMatchObject({ askerOrgName: null, mine: false, answer: '包含，详见工程量清单第 3 章。' });
    expect(
      (await gc.post(`/api/projects/${project.id}/questions`, { question: '自己问自己可以吗？' })).json().code,
    ).toBe('PROJECT_QUESTION_OWN');
  });

  it('refuses banned claims in a project when published and when edited, and stores nothing', async () => {
    const before = (await gc.get(`/api/orgs/${gcOrg}/projects`)).json().items.length;
    const refused = await gc.post(`/api/orgs/${gcOrg}/projects`, { ...PROJECT, name: '国家级示范钢结构厂房工程' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('COMPLIANCE_BANNED_CLAIMS');
    expect(refused.json().issues[0]).toMatchObject({ path: 'name', code: 'COMPLIANCE_BANNED_CLAIM' });
    expect(refused.json().issues[0].message.en).toContain('banned claim');
    expect((await gc.get(`/api/orgs/${gcOrg}/projects`)).json().items).toHaveLength(before);
    const created = (await gc.post(`/api/orgs/${gcOrg}/projects`, PROJECT)).json();
    const edited = await gc.patch(`/api/orgs/${gcOrg}/projects/${created.id}`, { description: '投资零风险' });
    expect(edited.json().code).toBe('COMPLIANCE_BANNED_CLAIMS');
    expect((await bidder.get(`/api/projects/${created.id}`)).json().description).toBe(PROJECT.description);
  });

  it('refuses bad input with clear errors and stores markup as text', async () => {
    const bad = [
      [{ location: { lat: -95, lng: 120 } }, 'COORDINATE_OUT_OF_RANGE'],
      [{ regionCode: '330199' }, 'REGION_UNKNOWN'],
      [{ startDate: '2027-08-01', endDate: '2027-01-01' }, 'DATE_RANGE_INVALID'],
      [{ tenderFileIds: ['01930000-0000-7000-8000-000000000000'] }, 'PROJECT_FILE_NOT_FOUND'],
    ] as const;
    for (const [patch, code] of bad) {
      const body = (await gc.post(`/api/orgs/${gcOrg}/projects`, { ...PROJECT, ...patch })).json();
      expect(body.code === code || body.issues?.some((i: { code: string }) => i.code === code), body).toBe(true);
    }
    const hostile = await gc.post(`/api/orgs/${gcOrg}/projects`, {
      ...PROJECT,
      name: HOSTILE.slice(0, 100),
      address: HOSTILE,
      description: HOSTILE,
      tags: [HOSTILE.slice(0, 20)],
    });
    expect(hostile.statusCode).toBe(201);
    expect((await bidder.get(`/api/projects/${hostile.json().id}`)).json().description).toBe(HOSTILE);
  });
});
