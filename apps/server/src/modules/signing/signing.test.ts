import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../infra/db/client';
import { PdfWriter } from '../../infra/pdf/pdf-writer';
import { createTestApp, type TestApp } from '../../test/test-app';
import { caCertificatePem, platformSealProvider, sealFor } from './index';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
// CI installs poppler-utils and libnss3-tools; on a machine without them the pdfsig checks are skipped and say so.
const canValidate = has('pdfsig') && has('certutil');

let t: TestApp;
let signed: Buffer;
let caPem = '';
const gc = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  name: '浙江宏筑建设集团有限公司',
  creditCode: '91330100MA27XYZ12K',
};
const sup = {
  id: '0190a1b2-0000-7000-8000-000000000002',
  name: '河北冀钢物资贸易有限公司',
  creditCode: '91130100MA0ABCDE1X',
};

beforeAll(async () => {
  t = await createTestApp();
  const writer = await PdfWriter.create({ title: '钢筋采购合同' });
  writer.heading('钢筋采购合同');
  writer.text(
    '甲方：浙江宏筑建设集团有限公司\n乙方：河北冀钢物资贸易有限公司\n标的：HRB400E 钢筋 120 吨，单价 ¥4,120.00/吨。',
  );
  const provider = platformSealProvider(t.ctx);
  const unsigned = await writer.save();
  const first = await provider.signPdf(unsigned, {
    org: gc,
    signer: { userId: 'u1', name: '陈建国' },
    reason: '甲方签署',
    signingTime: new Date(),
  });
  signed = await provider.signPdf(first, {
    org: sup,
    signer: { userId: 'u2', name: '赵刚' },
    reason: '乙方签署',
    signingTime: new Date(),
  });
  caPem = await caCertificatePem(t.ctx);
});
afterAll(async () => {
  await t.close();
});

function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'zh-pdfsig-'));
  writeFileSync(join(dir, 'ca.pem'), caPem);
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'zhuhe-ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')]);
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  try {
    return execFileSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'doc.pdf')], { encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe('organisation seals', () => {
  it('issues one seal per organisation from the platform CA, naming the organisation and its credit code', async () => {
    const seal = await sealFor(t.ctx, gc);
    const cert = new X509Certificate(seal.certPem);
    expect(cert.subject).toContain('CN=浙江宏筑建设集团有限公司');
    expect(cert.subject).toContain('serialNumber=91330100MA27XYZ12K');
    expect(cert.verify(new X509Certificate(caPem).publicKey)).toBe(true);
    expect((await sealFor(t.ctx, gc)).certSha256).toBe(seal.certSha256);
  });

  it('keeps private keys encrypted at rest', async () => {
    const rows = await queryRows<{ key_enc: string }>(
      t.database.db,
      sql`select key_enc from org_seals union all select key_enc from signing_authority`,
    );
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row.key_enc).toMatch(/^v2\.[0-9a-f]{8}\./); // the field keyring's envelope (ADR 0114)
      expect(row.key_enc).not.toContain('PRIVATE KEY');
    }
  });
});

describe('signed PDFs', () => {
  it('carries two ETSI.CAdES.detached signatures whose digests cover their byte ranges', () => {
    const text = signed.toString('latin1');
    const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) =>
      m.slice(1).map(Number),
    );
    expect(ranges).toHaveLength(2);
    expect(text.match(/\/SubFilter\s*\/ETSI\.CAdES\.detached/g)).toHaveLength(2);
    const last = ranges[1] as number[];
    // The second signature covers the whole file but its own /Contents hole.
    expect((last[2] as number) + (last[3] as number)).toBe(signed.length);
    const covered = Buffer.concat([
      signed.subarray(last[0], (last[0] as number) + (last[1] as number)),
      signed.subarray(last[2], (last[2] as number) + (last[3] as number)),
    ]);
    const digest = createHash('sha256').update(covered).digest();
    const contents = Buffer.from(
      signed.subarray((last[0] as number) + (last[1] as number) + 1, (last[2] as number) - 1).toString('latin1'),
      'hex',
    );
    expect(contents.includes(digest)).toBe(true);
  });

  it.skipIf(!canValidate)(
    'pdfsig validates both signatures and trusts the seals when the platform CA is trusted',
    () => {
      const report = pdfsig(signed);
      expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(report.match(/Certificate Validation: Certificate is Trusted\./g)).toHaveLength(2);
      expect(report).toContain('Signer Certificate Common Name: 浙江宏筑建设集团有限公司');
      expect(report).toContain('Signer Certificate Common Name: 河北冀钢物资贸易有限公司');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    },
  );

  it.skipIf(!canValidate)('pdfsig refuses the PDF when one byte of the content changes', () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('BT') + 4;
    tampered[at] = (tampered[at] as number) ^ 0x01;
    const report = pdfsig(tampered);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toContain('Digest Mismatch');
  });
});
