/**
 * Builds the offline base map (ADR 0100) from the outlines shipped in the echarts@4.9.0 npm package (Apache-2.0):
 * decodes ECharts' compressed GeoJSON, simplifies each ring (Douglas–Peucker) and rounds coordinates, so the map
 * page loads a light vector layer without any tile server.
 *
 *   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz
 *   npx tsx scripts/build-base-map.ts package/map/json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type Point = [number, number];
type Ring = Point[];

interface EncodedFeature {
  id?: string;
  properties: { id?: string; name: string; cp?: Point };
  geometry:
    | { type: 'Polygon'; coordinates: string[]; encodeOffsets: Point[] }
    | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: Point[][] };
}

interface EncodedCollection {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EncodedFeature[];
}

/** ECharts 4 `decodePolygon`: characters are zigzag-encoded deltas from an offset, scaled by 1024. */
function decodeRing(text: string, offset: Point, scale: number): Ring {
  const ring: Ring = [];
  let [x, y] = offset;
  for (let i = 0; i < text.length; i += 2) {
    const dx = text.charCodeAt(i) - 64;
    const dy = text.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(ring[i]!, ring[first]!, ring[last]!);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return Math.abs(sum / 2);
}

function round(ring: Ring, digits: number): Ring {
  const f = 10 ** digits;
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Point = [Math.round(x * f) / f, Math.round(y * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function build(source: string, tolerance: number, minArea: number, digits: number) {
  const json = JSON.parse(readFileSync(source, 'utf8')) as EncodedCollection;
  const scale = json.UTF8Scale ?? 1024;
  const features = json.features.map((f) => {
    const g = f.geometry;
    const polygons =
      g.type === 'Polygon'
        ? [g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i]!, scale))]
        : g.coordinates.map((p, i) => p.map((r, j) => decodeRing(r, g.encodeOffsets[i]![j]!, scale)));
    const kept = polygons
      .map((rings) => rings.map((r) => round(simplify(r, tolerance), digits)))
      // islands smaller than minArea (square degrees) vanish at the zooms the map is used at
      .filter((rings) => rings[0]!.length >= 4 && area(rings[0]!) >= minArea)
      .map((rings) => rings.filter((r) => r.length >= 4));
    const code = f.id ?? f.properties.id ?? '';
    const cp = f.properties.cp ? round([f.properties.cp], digits)[0] : undefined;
    return {
      type: 'Feature',
      properties: { code, name: f.properties.name, ...(cp ? { cp } : {}) },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    };
  });
  return { type: 'FeatureCollection', features: features.filter((f) => f.geometry.coordinates.length > 0) };
}

const from = process.argv[2] ?? 'package/map/json';
const to = join(new URL('..', import.meta.url).pathname, 'apps/web/src/modules/libraries/base-map');
for (const [input, output, tolerance, minArea, digits] of [
  ['china.json', 'provinces.json', 0.02, 0.002, 2],
  ['china-cities.json', 'cities.json', 0.02, 0.002, 2],
] as const) {
  const text = JSON.stringify(build(join(from, input), tolerance, minArea, digits));
  writeFileSync(join(to, output), `${text}\n`);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`${output}: ${kb(text.length)} raw, ${kb(gzipSync(text, { level: 9 }).length)} gzip`);
}
