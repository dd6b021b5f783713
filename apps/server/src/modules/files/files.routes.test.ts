import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import {
  createOrg,
  createTestApp,
  registeredClient,
  type TestApp,
  type TestClient,
  tinyPdf,
  tinyPng,
  upload,
} from '../../test/test-app';

let t: TestApp;
let owner: TestClient;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp({ fileMaxBytes: 2 * 1_048_576 });
  owner = (await registeredClient(t.app)).client;
  orgId = (await createOrg(owner, { creditCode: validCreditCode() })).id;
});
afterAll(async () => {
  await t.close();
});

describe('file upload', () => {
  it('stores a PDF by content hash and previews it inline', async () => {
    const response = await upload(owner, `/api/orgs/${orgId}/files`, '营业执照.pdf', tinyPdf());
    expect(response.statusCode).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({ name: '营业执照.pdf', mime: 'application/pdf', kind: 'pdf', size: tinyPdf().length });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const content = await owner.get(`/api/orgs/${orgId}/files/${file.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toMatch(/^inline/);
    expect(content.rawPayload.equals(tinyPdf())).toBe(true);
  });

  it('reads the type from the content: a PDF renamed .jpg is refused as an image', async () => {
    const response = await upload(
      owner,
      `/api/orgs/${orgId}/files?kind=image`,
      '现场照片.jpg',
      tinyPdf(),
      'image/jpeg',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'FILE_TYPE_MISMATCH' });
    expect(response.json().message['zh-CN']).toContain('文件内容是 PDF');
    const noKind = await upload(owner, `/api/orgs/${orgId}/files`, 'photo.png', tinyPdf());
    expect(noKind.json().code).toBe('FILE_TYPE_MISMATCH');
    expect((await upload(owner, `/api/orgs/${orgId}/files?kind=image`, 'p.png', tinyPng())).statusCode).toBe(201);
  });

  it('refuses an unsupported type and an empty file', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.alloc(10, 0)]);
    expect((await upload(owner, `/api/orgs/${orgId}/files`, 'tool.exe', exe)).json().code).toBe(
      'FILE_TYPE_UNSUPPORTED',
    );
    expect((await upload(owner, `/api/orgs/${orgId}/files`, 'empty.pdf', Buffer.alloc(0))).json().code).toBe(
      'FILE_EMPTY',
    );
  });

  it('refuses a file over the size limit with 413 and stores nothing', async () => {
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(3 * 1_048_576, 0x20)]);
    const response = await upload(owner, `/api/orgs/${orgId}/files`, 'big.pdf', big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: { 'zh-CN': '文件过大，单个文件不能超过 2 MB' },
    });
  });

  it("another organisation's file is not found", async () => {
    const file = (await upload(owner, `/api/orgs/${orgId}/files`, 'a.pdf', tinyPdf())).json();
    const other = (await registeredClient(t.app)).client;
    const otherOrg = (await createOrg(other, { creditCode: validCreditCode() })).id;
    expect((await other.get(`/api/orgs/${otherOrg}/files/${file.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/orgs/${orgId}/files/${file.id}/content`)).statusCode).toBe(404);
  });
});
