import { idCardCheckChar } from '@zhuhe/contracts';
import { shanghaiDate } from '../infra/calendar/working-days';
import { type TestClient, tinyPdf, tinyPng, upload } from './test-app';

/** A valid 公民身份号码 for someone born on `birth` (YYYYMMDD), GB 11643 check character included. */
export function idNumber(birth = '19800101', region = '330106', sequence = '123'): string {
  const body = `${region}${birth}${sequence}`;
  return body + idCardCheckChar(body);
}

/** A date `days` from today (Asia/Shanghai), YYYY-MM-DD. */
export function daysFromToday(days: number, from = new Date()): string {
  return shanghaiDate(new Date(from.getTime() + days * 86_400_000));
}

/** Uploads the licence, both sides of the ID card and one certificate; returns their file ids. */
export async function uploadDocuments(client: TestClient, orgId: string) {
  const id = async (name: string, bytes: Buffer) => {
    const response = await upload(client, `/api/orgs/${orgId}/files`, name, bytes);
    if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
    return (response.json() as { id: string }).id;
  };
  return {
    licence: await id('营业执照.pdf', tinyPdf()),
    front: await id('身份证人像面.png', tinyPng()),
    back: await id('身份证国徽面.png', tinyPng()),
    certificate: await id('资质证书.pdf', tinyPdf()),
  };
}

export interface PackageOptions {
  orgName: string;
  creditCode: string;
  files: Awaited<ReturnType<typeof uploadDocuments>>;
  legalRepresentative?: string;
  idName?: string;
  idNumber?: string;
  licenceValidUntil?: string | null;
  qualificationValidUntil?: string;
}

export function verificationPackage(o: PackageOptions) {
  return {
    licence: {
      creditCode: o.creditCode,
      companyName: o.orgName,
      legalRepresentative: o.legalRepresentative ?? '张建华',
      registeredCapitalFen: 50_000_000_00,
      address: '浙江省杭州市西湖区文三路 100 号',
      validFrom: '2015-06-01',
      validUntil: o.licenceValidUntil === undefined ? null : o.licenceValidUntil,
      fileId: o.files.licence,
    },
    idCard: {
      name: o.idName ?? '张建华',
      number: o.idNumber ?? idNumber(),
      validUntil: daysFromToday(3650),
      frontFileId: o.files.front,
      backFileId: o.files.back,
    },
    qualifications: [
      {
        kind: 'specialty_contracting',
        category: '钢结构工程',
        grade: 'second',
        number: 'D233012345',
        issuer: '浙江省住房和城乡建设厅',
        validFrom: '2022-01-01',
        validUntil: o.qualificationValidUntil ?? daysFromToday(900),
        fileId: o.files.certificate,
      },
    ],
  };
}

/** A tiny MP4 (an ftyp box is what identifies it). */
export function tinyMp4(): Buffer {
  const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  const mdat = Buffer.concat([Buffer.from('000000106d646174', 'hex'), Buffer.alloc(8, 0)]);
  return Buffer.concat([ftyp, mdat]);
}
