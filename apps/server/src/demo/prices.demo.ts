import { readFileSync } from 'node:fs';
import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { createDemandsDirect } from '../modules/demands';
import { storeFile } from '../modules/files';
import { getOrganisation } from '../modules/organisation';
import { recordSupplierTerms } from '../modules/procurement';
import { createListingsDirect, type NewListing, offerListings } from '../modules/resources';
import { ownerOf } from './execution.demo';
import type { DemoLogin } from './foundation.demo';
import { DEMO_PDF } from './libraries.demo';

const PPI_FILE = new URL('./data/ppi-construction-2000-2020.csv', import.meta.url);

/**
 * 数据大脑 demo: the shared PPI series (BLS construction-input indices, 2000–2020; public domain) imported as index
 * series with their forecasts, standing in for 信息价 (steel mill products for 钢筋, cement, ready-mixed concrete,
 * structural metal for 型钢). gc@ has a material demand in Hangzhou (rebar, C30 concrete, cement) with offers from
 * sup@ and sup3@ that differ in price, stock, price breaks, lead time and minimum order, so the optimiser splits
 * the rebar and shows a saving against the single-supplier choice.
 */
export async function seedPricesDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  await modules.prices.api.importPrices({
    fileName: 'material-price-index-us-ppi-to-2020.csv',
    csv: readFileSync(PPI_FILE, 'utf8'),
    source: 'US BLS PPI via FRED',
    importedBy: null,
  });
  const gc = await ownerOf(ctx, 'gc@example.com');
  const steel = await ownerOf(ctx, 'sup@example.com');
  const materials = await ownerOf(ctx, 'sup3@example.com');
  const createdAt = new Date();
  const name = async (orgId: string) => (await getOrganisation(ctx, orgId)).name;
  const steelName = await name(steel.orgId);
  const materialsName = await name(materials.orgId);
  const listing = (
    owner: { orgId: string; userId: string },
    orgName: string,
    kind: string,
    title: string,
    params: Record<string, string | number>,
    priceFen: number,
    unit: NewListing['unit'],
    stock: number,
    leadTimeDays: number,
    location: { lat: number; lng: number },
  ) => ({
    orgId: owner.orgId,
    orgName,
    createdBy: owner.userId,
    createdAt,
    kind,
    title,
    params,
    priceFen,
    unit,
    stock,
    serviceRegionCodes: ['330000'],
    leadTimeDays,
    regionCode: '330100',
    location,
    tags: ['采购优化示例'],
    description: '杭州仓发货，浙江全境配送。',
  });
  const xiaoshan = { lat: 30.18, lng: 120.26 };
  const yuhang = { lat: 30.42, lng: 120.3 };
  const offers = [
    listing(
      steel,
      steelName,
      'rebar',
      'HRB400E 钢筋 Φ25（杭州萧山库）',
      { grade: 'HRB400E', diameterMm: 25 },
      3_650_00,
      '吨',
      120,
      5,
      xiaoshan,
    ),
    listing(
      materials,
      materialsName,
      'rebar',
      'HRB400E 钢筋 Φ25（余杭库）',
      { grade: 'HRB400E', diameterMm: 25 },
      3_790_00,
      '吨',
      600,
      3,
      yuhang,
    ),
    listing(
      materials,
      materialsName,
      'concrete',
      'C30 商品混凝土（余杭站）',
      { strength: 'C30', slumpMm: 180 },
      455_00,
      '立方米',
      2000,
      1,
      yuhang,
    ),
    listing(
      materials,
      materialsName,
      'concrete',
      'C30 商品混凝土（萧山站）',
      { strength: 'C30', slumpMm: 180 },
      438_00,
      '立方米',
      500,
      1,
      xiaoshan,
    ),
    listing(
      materials,
      materialsName,
      'cement',
      'P.O 42.5 普通硅酸盐水泥（散装）',
      { strength: '42.5' },
      460_00,
      '吨',
      300,
      2,
      yuhang,
    ),
  ];
  await createListingsDirect(ctx, offers);

  const files = [];
  for (const name of ['可行性研究报告（示例）.pdf', '资金证明（示例）.pdf'])
    files.push(await storeFile(ctx, { orgId: gc.orgId, userId: gc.userId, name, bytes: DEMO_PDF }));
  const today = new Date();
  const deadline = new Date(today.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
  await createDemandsDirect(ctx, [
    {
      orgId: gc.orgId,
      orgName: await name(gc.orgId),
      createdBy: gc.userId,
      createdAt: today,
      approvedAt: null,
      reviewerId: null,
      type: 'procurement',
      title: '杭州滨江 B2 地块主体结构材料采购',
      projectName: '杭州滨江 B2 地块商住楼工程',
      category: '建材采购',
      items: [
        { name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 200 },
        { name: '商品混凝土', spec: 'C30', unit: '立方米', quantity: 900 },
        { name: '水泥', spec: 'P.O 42.5', unit: '吨', quantity: 60 },
      ],
      budgetFen: 2_000_000_00,
      qualificationKind: '',
      qualificationGrade: '不限',
      regionCode: '330108',
      siteAddress: '杭州市滨江区江汉路 1888 号',
      location: { lat: 30.2, lng: 120.21 },
      deadline,
      description: '主体结构施工所需钢筋、混凝土与水泥，要求 10 日内到场，分批送货。',
      tags: ['建材'],
      feasibilityFileId: (files[0] as { id: string }).id,
      fundsProofFileId: (files[1] as { id: string }).id,
    },
  ]);
  // 起订额 and 阶梯价: sup@ sells rebar from ¥50,000 and at ¥3,600/t from 100 t.
  const rebar = (await offerListings(ctx, { kinds: ['rebar'], regionCode: '330108', limit: 5000 })).find(
    (l) => l.title === 'HRB400E 钢筋 Φ25（杭州萧山库）',
  )?.id;
  await recordSupplierTerms(
    ctx,
    [{ orgId: steel.orgId, minOrderFen: 50_000_00 }],
    rebar ? [{ listingId: rebar, minQuantity: 100, unitPriceFen: 3_600_00 }] : [],
  );
  return [];
}
