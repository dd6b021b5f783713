import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { DemandDraft } from '@zhuhe/contracts';
import { PDFDocument } from 'pdf-lib';
import { PdfWriter } from '../infra/pdf/pdf-writer';
import { mulberry32 } from '../infra/random';
import { regionPath } from '../modules/regions';

/**
 * 扫描件样本: tender notices of known content, printed to a text PDF by the platform's PdfWriter, rasterised by
 * pdftoppm at a scanner's 150 dpi and then degraded like a scan — a slight rotation, blur, grey paper, sensor noise
 * and specks — all from a seeded generator, so the same seed gives the same samples on every machine. Even samples
 * are scanned PDFs (the image wrapped in a PDF without text), odd ones JPEG photos: both OCR paths are measured.
 */
export interface ScanSample {
  name: string;
  kind: 'pdf' | 'image';
  bytes: Buffer;
  /** the fields as written into the notice: what a perfect reading finds */
  truth: Required<Pick<DemandDraft['fields'], EvaluatedField>>;
  degradation: { rotationDeg: number; blurPx: number; noise: number };
}

export const EVALUATED_FIELDS = [
  'budgetFen',
  'regionCode',
  'deadline',
  'projectName',
  'type',
  'category',
  'qualificationKind',
  'qualificationGrade',
  'siteAddress',
] as const;
export type EvaluatedField = (typeof EVALUATED_FIELDS)[number];

/** Districts the samples are sited in (codes of the national division list; names come from it). */
const DISTRICTS = ['330109', '320506', '440305', '510107', '420111', '370212', '610113', '410105', '350203', '430104'];
const PARKS = ['高新技术产业园', '临空经济示范区', '科创中心', '滨江新城', '国际物流园', '职教园区'];
const BUILDINGS = ['综合楼', '厂房', '安置房', '研发中心', '仓储中心', '教学楼'];
const ROADS = ['建设', '创新', '学府', '长江', '人民', '振兴'];
const TRADES = [
  { trade: '钢结构', qualification: '钢结构工程专业承包', scope: '钢结构深化设计、制作、运输及安装。' },
  { trade: '幕墙', qualification: '建筑幕墙工程专业承包', scope: '玻璃幕墙及铝板幕墙的设计、供应和安装。' },
  { trade: '消防', qualification: '消防设施工程专业承包', scope: '消火栓、喷淋及火灾自动报警系统安装。' },
  { trade: '机电安装', qualification: '机电工程施工总承包', scope: '给排水、电气及通风空调工程安装。' },
  { trade: '防水', qualification: '防水防腐保温工程专业承包', scope: '屋面及地下室防水工程施工。' },
];
const GRADES = ['一级', '二级', '三级'] as const;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number) => low + random() * (high - low);

function budgetText(random: Random, fen: number): string {
  const yuan = fen / 100;
  switch (Math.floor(random() * 3)) {
    case 0:
      return `人民币${(yuan / 10_000).toString()}万元`;
    case 1:
      return `${yuan.toLocaleString('en-US', { minimumFractionDigits: 2 })}元`;
    default:
      return `人民币${(yuan / 10_000).toLocaleString('en-US')}万元整`;
  }
}

function deadlineText(random: Random, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const hour = pick(random, [9, 10, 14]);
  return random() < 0.6 ? `${y}年${m}月${d}日${hour}时30分` : `${date} ${hour}:30`;
}

async function textPdf(lines: { text: string; size?: number }[]): Promise<Buffer> {
  const writer = await PdfWriter.create({ title: '招标公告', footer: '招标公告' });
  for (const line of lines) {
    if (line.size) writer.heading(line.text, line.size);
    else writer.text(line.text, { size: 10.5 });
  }
  return writer.save();
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program}: ${stderr.trim()}`))));
  });
}

/** The first page of a PDF as a grey PNG at `dpi`, by pdftoppm. */
export async function rasterise(pdf: Buffer, dpi: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'zhuhe-scan-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      String(dpi),
      '-gray',
      '-png',
      join(dir, 'in.pdf'),
      join(dir, 'p'),
    ]);
    return await readFile(join(dir, 'p-1.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Degrades a clean page like a scanner would (rotation, blur, grey paper, Gaussian noise, dark specks); a JPEG. */
export async function degrade(
  png: Buffer,
  random: Random,
  how: { rotationDeg: number; blurPx: number; noise: number },
): Promise<Buffer> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f2f0ea';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.translate(image.width / 2, image.height / 2);
  ctx.rotate((how.rotationDeg * Math.PI) / 180);
  ctx.translate(-image.width / 2, -image.height / 2);
  ctx.filter = `blur(${how.blurPx}px)`;
  ctx.globalCompositeOperation = 'multiply';
  ctx.drawImage(image, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.filter = 'none';
  ctx.globalCompositeOperation = 'source-over';
  const pixels = ctx.getImageData(0, 0, image.width, image.height);
  const data = pixels.data;
  for (let i = 0; i < data.length; i += 4) {
    // Box–Muller: Gaussian sensor noise of standard deviation `noise` (grey levels)
    const gauss = Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random()) * how.noise;
    const speck = random() < 0.002 ? -160 : 0;
    for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, (data[i + c] as number) + gauss + speck));
  }
  ctx.putImageData(pixels, 0, 0);
  return canvas.toBuffer('image/jpeg', 75);
}

/** Wraps a page image into a PDF with no text layer, as a scanner's "scan to PDF" does. */
async function imagePdf(jpeg: Buffer): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedJpg(jpeg);
  const page = pdf.addPage([595.28, 841.89]);
  page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return Buffer.from(await pdf.save());
}

/** One sample: the notice's text, its text PDF, and the degraded scan of it. */
export async function makeScanSample(seed: number, index: number): Promise<ScanSample> {
  const random = mulberry32(seed * 1000 + index);
  const district = DISTRICTS[index % DISTRICTS.length] as string;
  const path = regionPath(district);
  if (path.length !== 3) throw new Error(`unknown district ${district}`);
  const [province, city, county] = path.map((r) => r.name) as [string, string, string];
  const trade = pick(random, TRADES);
  const grade = pick(random, GRADES);
  const projectName = `${city.replace(/市$/, '')}${pick(random, PARKS)}${pick(random, BUILDINGS)}工程`;
  const siteAddress = `${province}${city}${county}${pick(random, ROADS)}路${Math.floor(between(random, 1, 300))}号`;
  const budgetFen = Math.round(between(random, 300, 9000)) * 10_000 * 100;
  const deadlineDay = new Date(Date.UTC(2030, 0, 1) + Math.floor(between(random, 0, 700)) * 86_400_000);
  const deadline = deadlineDay.toISOString().slice(0, 10);
  const lines = [
    { text: projectName, size: 16 },
    { text: `${trade.trade}专业分包招标公告`, size: 14 },
    { text: `招标编号：ZB-${2030 + (index % 2)}-${String(100 + index * 7).padStart(4, '0')}` },
    { text: '一、招标条件' },
    {
      text: `本招标项目${projectName}已由${city}发展和改革委员会批准建设，资金已落实，现对${trade.trade}专业分包进行公开招标。`,
    },
    { text: '二、项目概况与招标范围' },
    { text: `项目名称：${projectName}` },
    { text: `建设地点：${siteAddress}` },
    { text: `招标范围：${trade.scope}` },
    { text: `招标控制价：${budgetText(random, budgetFen)}` },
    { text: `计划工期：${Math.floor(between(random, 90, 400))}日历天` },
    { text: '三、投标人资格要求' },
    { text: `投标人须具备${trade.qualification}${grade}及以上资质，并具有有效的安全生产许可证。` },
    { text: '四、投标文件的递交' },
    { text: `投标截止时间：${deadlineText(random, deadline)}，地点：${city}公共资源交易中心。` },
  ];
  const degradation = {
    rotationDeg: Math.round(between(random, -1.5, 1.5) * 100) / 100,
    blurPx: Math.round(between(random, 0.3, 0.9) * 100) / 100,
    noise: Math.round(between(random, 8, 24)),
  };
  const clean = await rasterise(await textPdf(lines), 150);
  const jpeg = await degrade(clean, random, degradation);
  const kind = index % 2 === 0 ? 'pdf' : 'image';
  return {
    name: `scan-${String(index + 1).padStart(2, '0')}.${kind === 'pdf' ? 'pdf' : 'jpg'}`,
    kind,
    bytes: kind === 'pdf' ? await imagePdf(jpeg) : jpeg,
    truth: {
      budgetFen,
      regionCode: district,
      deadline,
      projectName,
      type: 'subcontract',
      category: `${trade.trade}分包`,
      qualificationKind: trade.qualification,
      qualificationGrade: grade,
      siteAddress,
    },
    degradation,
  };
}
